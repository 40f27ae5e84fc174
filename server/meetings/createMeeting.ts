import type { MeetingSpecData } from '../../shared/protocol/meetingSpec.ts';
import type { IssuedToken, MeetingSource } from '../storage/storage.ts';
import { newToken } from '../storage/tokenStore.ts';
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

/** Agenda items get their ids by position; an import maps its RIS item ids onto these. */
export const itemIdAt = (index: number) => `i${index + 1}`;

/** A new meeting with a link for the chair, the display and every member, stored all at once. */
export async function createMeeting(
  service: MeetingService,
  spec: MeetingSpecData,
  baseUrl: string,
  source?: { sourceId: string; itemSourceIds: (string | null)[] },
): Promise<CreatedMeeting> {
  const id = newId();
  const chair: IssuedToken = { token: newToken(), principal: { meetingId: id, role: 'chair' } };
  const display: IssuedToken = { token: newToken(), principal: { meetingId: id, role: 'display' } };
  const members = spec.members.map((m): IssuedToken => ({ token: newToken(), principal: { meetingId: id, role: 'member', memberId: m.id } }));
  const meetingSource: MeetingSource | undefined = source && {
    sourceId: source.sourceId,
    itemSources: source.itemSourceIds.map((s, i) => [itemIdAt(i), s]),
  };
  await service.create(
    {
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
        id: itemIdAt(i),
        number: item.number,
        name: item.name,
        public: item.public,
        paper: item.paper || null,
      })),
    },
    { tokens: [chair, display, ...members], ...(meetingSource ? { source: meetingSource } : {}) },
  );
  return {
    id,
    chairUrl: links.chair(baseUrl, chair.token),
    displayUrl: links.display(baseUrl, display.token),
    members: spec.members.map((m, i) => ({ id: m.id, name: m.name, joinUrl: links.member(baseUrl, members[i]!.token) })),
  };
}
