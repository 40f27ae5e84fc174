import type { EligibilityFacts } from '../rules/eligibility.ts';
import { quorum, type Quorum, type QuorumFacts } from '../rules/quorum.ts';
import { memberById } from './lookup.ts';
import type { AttendancePeriod } from './model.ts';
import type { MeetingState } from './state.ts';

/** Reading attendance and exclusions out of the meeting state. */

export const isPresent = (periods: readonly AttendancePeriod[] | undefined): boolean =>
  !!periods?.length && periods[periods.length - 1]!.to === null;

const NOBODY: ReadonlySet<string> = new Set<string>();

export const excludedFor = (s: MeetingState, itemId: string | null): ReadonlySet<string> =>
  (itemId !== null && s.exclusions.get(itemId)) || NOBODY;

/** Per state and item: the lookups read the state when asked, so one pair serves every ballot. */
const factsOf = new WeakMap<MeetingState, Map<string | null, EligibilityFacts>>();

/**
 * Lookups into the live state (who is checked in, who is excluded from the item right now):
 * constant cost, so a ballot never scans the roster, and made once per state and item, not per
 * ballot of a burst.
 */
export function eligibilityFacts(s: MeetingState, itemId: string | null): EligibilityFacts {
  let perItem = factsOf.get(s);
  if (!perItem) factsOf.set(s, (perItem = new Map()));
  let facts = perItem.get(itemId);
  if (!facts) {
    facts = {
      present: { has: (memberId) => isPresent(s.attendance.get(memberId)) },
      excluded: { has: (memberId) => excludedFor(s, itemId).has(memberId) },
    };
    perItem.set(itemId, facts);
  }
  return facts;
}

/** The counts quorum is judged from, now, for the given item (exclusions matter in some states). */
export function quorumFacts(s: MeetingState, itemId: string | null): QuorumFacts {
  const { present, excluded } = eligibilityFacts(s, itemId);
  const voting = s.meeting.members.filter((m) => m.votingRight);
  return {
    total: voting.length,
    present: voting.filter((m) => present.has(m.id)).length,
    excluded: voting.filter((m) => excluded.has(m.id)).length,
    excludedPresent: voting.filter((m) => excluded.has(m.id) && present.has(m.id)).length,
  };
}

/** Quorum now, for the given item or for the meeting. */
export const quorumFor = (s: MeetingState, itemId: string | null): Quorum => quorum(s.meeting.rules, quorumFacts(s, itemId));

/** What every snapshot of one moment shares: computed once per broadcast, not once per member. */
export interface AttendanceView {
  facts: EligibilityFacts;
  quorum: Quorum;
  /** The counts behind `quorum`, for the current item, so one check-in can move them. */
  counted: QuorumFacts;
}

export function attendanceView(s: MeetingState): AttendanceView {
  const counted = quorumFacts(s, s.meeting.currentItemId);
  return { facts: eligibilityFacts(s, s.meeting.currentItemId), quorum: quorum(s.meeting.rules, counted), counted };
}

/**
 * The view after one member checked in (`present`) or out, without scanning the roster: 10,000
 * tablets connecting and checking in would otherwise recount everyone for every snapshot.
 * `s` is the state after the change; `view` must be that of the state just before it.
 */
export function withAttendanceChange(view: AttendanceView, s: MeetingState, memberId: string, present: boolean): AttendanceView {
  if (!memberById(s.meeting.members).get(memberId)?.votingRight) return view;
  const step = present ? 1 : -1;
  const excluded = excludedFor(s, s.meeting.currentItemId).has(memberId);
  const counted = {
    ...view.counted,
    present: view.counted.present + step,
    excludedPresent: view.counted.excludedPresent + (excluded ? step : 0),
  };
  return { facts: view.facts, quorum: quorum(s.meeting.rules, counted), counted };
}
