import type { Member } from '../../shared/meeting/model.ts';
import type { IssuedToken, TokenStorage } from '../storage/storage.ts';
import { newToken } from '../storage/tokenStore.ts';
import { links, type CreatedMeeting } from './createMeeting.ts';

/**
 * Fresh links for an existing meeting, shaped like the answer to its creation. Earlier links
 * stay valid: pairing cards already handed out keep working.
 */
export async function issueLinks(tokens: TokenStorage, meetingId: string, members: Member[], baseUrl: string, now: string): Promise<CreatedMeeting> {
  const chair: IssuedToken = { token: newToken(), principal: { meetingId, role: 'chair' } };
  const display: IssuedToken = { token: newToken(), principal: { meetingId, role: 'display' } };
  const forMembers = members.map((m): IssuedToken => ({ token: newToken(), principal: { meetingId, role: 'member', memberId: m.id } }));
  await tokens.issue([chair, display, ...forMembers], now);
  return {
    id: meetingId,
    chairUrl: links.chair(baseUrl, chair.token),
    displayUrl: links.display(baseUrl, display.token),
    members: members.map((m, i) => ({ id: m.id, name: m.name, joinUrl: links.member(baseUrl, forMembers[i]!.token) })),
  };
}
