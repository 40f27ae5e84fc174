import type { Member } from '../../shared/meeting/model.ts';
import type { TokenStore } from '../storage/tokenStore.ts';
import { links, type CreatedMeeting } from './createMeeting.ts';

/**
 * Fresh links for an existing meeting, shaped like the answer to its creation. Earlier links
 * stay valid: pairing cards already handed out keep working.
 */
export function issueLinks(tokens: TokenStore, meetingId: string, members: Member[], baseUrl: string, now: string): CreatedMeeting {
  return {
    id: meetingId,
    chairUrl: links.chair(baseUrl, tokens.issue({ meetingId, role: 'chair' }, now)),
    displayUrl: links.display(baseUrl, tokens.issue({ meetingId, role: 'display' }, now)),
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      joinUrl: links.member(baseUrl, tokens.issue({ meetingId, role: 'member', memberId: m.id }, now)),
    })),
  };
}
