import type { NewMeeting } from '../storage/meetingStore.ts';

/**
 * A meeting for tests and benches that set up storage directly, without the HTTP route:
 * `members` members with the vote (`p1` … `pN`), `items` public agenda items (`i1` … `iN`).
 */
export function plainMeeting(id: string, members: number, items: number): NewMeeting {
  return {
    id,
    body: 'Landkreis Test',
    organization: 'Kreistag',
    name: `Sitzung ${id}`,
    start: '2026-12-04T17:00:00.000Z',
    location: 'Saal',
    rules: 'NKomVG',
    statutoryMembers: members,
    members: Array.from({ length: members }, (_, i) => ({ id: `p${i + 1}`, name: `Mitglied ${i + 1}`, role: 'member' as const, votingRight: true })),
    agenda: Array.from({ length: items }, (_, i) => ({ id: `i${i + 1}`, number: `Ö ${i + 1}`, name: `Punkt ${i + 1}`, public: true, paper: null })),
  };
}
