import type { CastBallotInput, OpenPollInput } from '../protocol/commands.ts';
import { fail, ok, type Result } from '../protocol/result.ts';
import { eligibleMemberIds, ineligibility } from '../rules/eligibility.ts';
import { ruleSet } from '../rules/ruleSets.ts';
import { tally } from '../rules/tally.ts';
import { eligibilityFacts, quorumFor } from './attendance.ts';
import type { Poll } from './model.ts';
import { ballotsOf, findPoll, openPoll, type BallotRecord, type MeetingState } from './state.ts';

/**
 * The meeting's decisions: pure functions from state and a validated command to the change
 * to make, or an error. They never mutate; the server persists the change, then applies it.
 */

export interface BallotDecision {
  ballot: BallotRecord;
  /** True when the same ballot id arrived again: nothing to store, acknowledge again. */
  duplicate: boolean;
}

export function decideCast(s: MeetingState, memberId: string, input: CastBallotInput, now: string): Result<BallotDecision> {
  const poll = findPoll(s, input.pollId);
  if (!poll) return fail('not_found', 'Unknown poll');
  const existing = ballotsOf(s, poll.id).get(memberId);
  if (existing && existing.ballotId === input.ballotId) {
    // A replay of a ballot already counted; the choice it carries cannot differ.
    return ok({ ballot: existing, duplicate: true });
  }
  if (poll.status !== 'open') return fail('poll_not_open', 'The vote is closed');
  const member = s.meeting.members.find((m) => m.id === memberId);
  // Expected voters include members who left after voting: their ballot stays, but only a
  // member eligible right now may cast or change one.
  const reason = member ? ineligibility(member, eligibilityFacts(s, poll.itemId)) : 'noVotingRight';
  if (reason || !poll.eligibleMemberIds.includes(memberId)) return fail('not_eligible', NOT_ELIGIBLE[reason ?? 'absent']);
  if (input.choice === 'abstain' && !ruleSet(s.meeting.rules).allowsAbstention) {
    return fail('choice_not_allowed', 'Abstention is not allowed under these rules');
  }
  return ok({ ballot: { memberId, choice: input.choice, ballotId: input.ballotId, castAt: now }, duplicate: false });
}

const NOT_ELIGIBLE = {
  noVotingRight: 'Advisory members do not vote',
  absent: 'Not checked in: please check in first',
  excluded: 'Excluded from this item (Mitwirkungsverbot)',
} as const;

export function decideOpen(s: MeetingState, input: Required<OpenPollInput>, pollId: string, now: string): Result<Poll> {
  const item = s.meeting.agenda.find((i) => i.id === input.itemId);
  if (!item) return fail('not_found', 'Unknown agenda item');
  const running = openPoll(s);
  if (running) return fail('poll_already_open', 'Another vote is still open');
  const quorum = quorumFor(s, item.id);
  if (!quorum.quorate && !input.confirmNotQuorate) {
    return fail('not_quorate', `Not quorate: ${quorum.present} of ${quorum.total} present, ${quorum.required} needed; confirm to vote anyway`);
  }
  const round = s.polls.filter((p) => p.itemId === item.id).length + 1;
  const facts = eligibilityFacts(s, item.id);
  return ok({
    id: pollId,
    itemId: item.id,
    round,
    mode: input.mode,
    majority: input.majority,
    status: 'open',
    openedAt: now,
    closedAt: null,
    publishedAt: null,
    eligibleMemberIds: eligibleMemberIds(s.meeting.members, facts),
    excludedMemberIds: s.meeting.members.filter((m) => facts.excluded.has(m.id)).map((m) => m.id),
    quorum,
    quorumOverridden: !quorum.quorate,
    counts: null,
  });
}

export function decideClose(s: MeetingState, pollId: string, now: string): Result<Poll> {
  const poll = findPoll(s, pollId);
  if (!poll) return fail('not_found', 'Unknown poll');
  if (poll.status !== 'open') return fail('poll_not_open', 'The vote is not open');
  const counts = tally([...ballotsOf(s, poll.id).values()].map((b) => b.choice));
  return ok({ ...poll, status: 'closed', closedAt: now, counts });
}

export function decidePublish(s: MeetingState, pollId: string, now: string): Result<Poll> {
  const poll = findPoll(s, pollId);
  if (!poll) return fail('not_found', 'Unknown poll');
  if (poll.status === 'published') return ok(poll);
  if (poll.status !== 'closed') return fail('conflict', 'Only a closed vote can be published');
  return ok({ ...poll, status: 'published', publishedAt: now });
}

export function decideSelect(s: MeetingState, itemId: string | null): Result<string | null> {
  if (itemId !== null && !s.meeting.agenda.some((i) => i.id === itemId)) return fail('not_found', 'Unknown agenda item');
  return ok(itemId);
}
