import type { EligibilityFacts } from '../rules/eligibility.ts';
import { quorum, type Quorum } from '../rules/quorum.ts';
import type { AttendancePeriod } from './model.ts';
import type { MeetingState } from './state.ts';

/** Reading attendance and exclusions out of the meeting state. */

export const isPresent = (periods: readonly AttendancePeriod[] | undefined): boolean =>
  !!periods?.length && periods[periods.length - 1]!.to === null;

export const excludedFor = (s: MeetingState, itemId: string | null): ReadonlySet<string> =>
  (itemId !== null && s.exclusions.get(itemId)) || new Set<string>();

/** Lookups into the live state: constant cost to make, so a ballot never scans the roster. */
export const eligibilityFacts = (s: MeetingState, itemId: string | null): EligibilityFacts => ({
  present: { has: (memberId) => isPresent(s.attendance.get(memberId)) },
  excluded: excludedFor(s, itemId),
});

/** Quorum now, for the given item (exclusions matter in some states) or for the meeting. */
export function quorumFor(s: MeetingState, itemId: string | null): Quorum {
  const { present, excluded } = eligibilityFacts(s, itemId);
  const voting = s.meeting.members.filter((m) => m.votingRight);
  return quorum(s.meeting.rules, {
    total: voting.length,
    present: voting.filter((m) => present.has(m.id)).length,
    excluded: voting.filter((m) => excluded.has(m.id)).length,
    excludedPresent: voting.filter((m) => excluded.has(m.id) && present.has(m.id)).length,
  });
}

/** What every snapshot of one moment shares: computed once per broadcast, not once per member. */
export interface AttendanceView {
  facts: EligibilityFacts;
  quorum: Quorum;
}

export const attendanceView = (s: MeetingState): AttendanceView => ({
  facts: eligibilityFacts(s, s.meeting.currentItemId),
  quorum: quorumFor(s, s.meeting.currentItemId),
});
