import type { MeetingSpecData } from '../../shared/protocol/meetingSpec.ts';
import type { TokenStore } from '../storage/tokenStore.ts';
import { newId, type MeetingService } from './meetingService.ts';

export interface CreatedMeeting {
  id: string;
  chairUrl: string;
  displayUrl: string;
  members: { id: string; name: string; joinUrl: string }[];
}

/** Links carry the token in the fragment: it never reaches server logs or proxies. */
export const links = {
  chair: (base: string, token: string) => `${base}/chair/#token=${token}`,
  display: (base: string, token: string) => `${base}/display/#token=${token}`,
  member: (base: string, token: string) => `${base}/member/#token=${token}`,
};

export function createMeeting(service: MeetingService, tokens: TokenStore, spec: MeetingSpecData, baseUrl: string): CreatedMeeting {
  const id = newId();
  const now = new Date().toISOString();
  // Written before this returns (SQLite), inside the caller's transaction: see MeetingService.create.
  void service.create({
    id,
    body: spec.body,
    organization: spec.organization,
    name: spec.name,
    start: spec.start,
    location: spec.location,
    rules: spec.rules,
    minuteFormat: spec.minuteFormat,
    language: spec.language,
    statutoryMembers: spec.statutoryMembers ?? spec.members.filter((m) => m.votingRight).length,
    members: spec.members.map((m) => ({ id: m.id, name: m.name, role: m.role, votingRight: m.votingRight, group: m.group })),
    agenda: spec.agenda.map((item, i) => ({
      id: `i${i + 1}`,
      number: item.number,
      name: item.name,
      public: item.public,
      paper: item.paper || null,
    })),
  });
  const [chair, display, ...members] = tokens.issueAll(
    [
      { meetingId: id, role: 'chair' },
      { meetingId: id, role: 'display' },
      ...spec.members.map((m) => ({ meetingId: id, role: 'member' as const, memberId: m.id })),
    ],
    now,
  );
  return {
    id,
    chairUrl: links.chair(baseUrl, chair!),
    displayUrl: links.display(baseUrl, display!),
    members: spec.members.map((m, i) => ({ id: m.id, name: m.name, joinUrl: links.member(baseUrl, members[i]!) })),
  };
}
