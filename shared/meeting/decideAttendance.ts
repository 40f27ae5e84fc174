import type { SetExclusionInput } from '../protocol/commands.ts';
import { fail, ok, type Result } from '../protocol/result.ts';
import { expectedVoters } from '../rules/eligibility.ts';
import { eligibilityFacts, isPresent, quorumFor } from './attendance.ts';
import { memberById } from './lookup.ts';
import type { QuorumCheck } from './model.ts';
import { ballotsOf, covers, openPoll, type MeetingState } from './state.ts';

/**
 * Attendance and Mitwirkungsverbot: pure decisions like those in decide.ts. A change that
 * alters who an open poll waits for carries the poll's new list of expected voters.
 */

export interface ExpectedVotersChange {
  pollId: string;
  eligibleMemberIds: string[];
}

export interface AttendanceChange {
  memberId: string;
  present: boolean;
  at: string;
  by: 'self' | 'chair';
  poll: ExpectedVotersChange | null;
}

export interface ExclusionChange {
  itemId: string;
  memberId: string;
  excluded: boolean;
}

/** Null when nothing changes (checking in a member who is already present). */
export function decideAttendance(
  s: MeetingState,
  memberId: string,
  present: boolean,
  by: AttendanceChange['by'],
  now: string,
): Result<AttendanceChange | null> {
  if (!memberById(s.meeting.members).has(memberId)) return fail('not_found', 'Unknown member');
  if (isPresent(s.attendance.get(memberId)) === present) return ok(null);
  const poll = openPoll(s);
  let pollChange: ExpectedVotersChange | null = null;
  if (poll) {
    const facts = eligibilityFacts(s, poll.itemId);
    const presentNow = { has: (id: string) => (id === memberId ? present : facts.present.has(id)) };
    const eligibleMemberIds = expectedVoters(s.meeting.members, { present: presentNow, excluded: facts.excluded }, ballotsOf(s, poll.id));
    if (eligibleMemberIds.join('\u0000') !== poll.eligibleMemberIds.join('\u0000')) pollChange = { pollId: poll.id, eligibleMemberIds };
  }
  return ok({ memberId, present, at: now, by, poll: pollChange });
}

/**
 * "Beschlussfähigkeit angezweifelt": the body counts as quorate until challenged (§ 65 NKomVG);
 * a challenge is settled by the attendance count, which goes on record.
 */
export const decideQuorumCheck = (s: MeetingState, now: string): QuorumCheck => ({
  at: now,
  itemId: s.meeting.currentItemId,
  quorum: quorumFor(s, s.meeting.currentItemId),
});

export function decideExclusion(s: MeetingState, input: SetExclusionInput): Result<ExclusionChange | null> {
  if (!s.meeting.agenda.some((i) => i.id === input.itemId)) return fail('not_found', 'Unknown agenda item');
  if (!s.meeting.members.some((m) => m.id === input.memberId)) return fail('not_found', 'Unknown member');
  if (s.exclusions.get(input.itemId)?.has(input.memberId) === input.excluded) return ok(null);
  // Who may vote is settled when the vote opens; a late finding needs the vote repeated.
  const running = openPoll(s);
  // Every item of a running Sammelabstimmung is being voted on.
  if (running && covers(running, input.itemId)) {
    return fail('conflict', 'A Mitwirkungsverbot can only be changed before or after the vote on this item');
  }
  return ok({ itemId: input.itemId, memberId: input.memberId, excluded: input.excluded });
}
