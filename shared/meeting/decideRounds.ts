import type { DecisionKind } from '../minutes/decisionKinds.ts';
import { refuseInvalidate } from '../motions/decideMotions.ts';
import type { HandCountInput } from '../protocol/commands.ts';
import type { SubjectInput } from '../protocol/motionCommands.ts';
import { fail, ok, type Result } from '../protocol/result.ts';
import { ruleSet } from '../rules/ruleSets.ts';
import { totalCast } from '../rules/tally.ts';
import { decideOpen, nextRound, refuseIfDecided, rosterFor, type OpenPollArgs } from './decide.ts';
import type { Poll } from './model.ts';
import { findPoll, type MeetingState } from './state.ts';

/**
 * Decisions beyond the plain vote: a count by show of hands, declaring a round invalid
 * (Wiederholung) and the clerk's Beschlussart. Pure, like decide.ts.
 */

/** poll:handCount as the core takes it: every field set, except what the vote decides. */
export type HandCountArgs = Required<Omit<HandCountInput, keyof SubjectInput>> & SubjectInput;

export function decideHandCount(s: MeetingState, input: HandCountArgs, pollId: string, now: string): Result<Poll> {
  const item = s.meeting.agenda.find((i) => i.id === input.itemId);
  if (!item) return fail('not_found', 'Unknown agenda item');
  const refused = refuseIfDecided(s, item.id, input);
  if (!refused.ok) return refused;
  const subject = refused.data;
  const { eligibleMemberIds, excludedMemberIds, quorum } = rosterFor(s, item.id);
  const counts = { ...input.counts };
  if (counts.abstain > 0 && !ruleSet(s.meeting.rules).allowsAbstention) {
    return fail('choice_not_allowed', 'Abstention is not allowed under these rules');
  }
  if (totalCast(counts) > eligibleMemberIds.length) {
    return fail('invalid_counts', `${totalCast(counts)} votes counted, but only ${eligibleMemberIds.length} members may vote`);
  }
  // Counted in the room: the round is closed the moment it is entered; publishing stays a separate step.
  return ok({
    id: pollId,
    itemId: item.id,
    round: nextRound(s, item.id, subject.motionId ?? null),
    mode: 'open',
    majority: input.majority,
    status: 'closed',
    openedAt: now,
    closedAt: now,
    publishedAt: null,
    eligibleMemberIds,
    excludedMemberIds,
    quorum,
    // Counted in the room: a missing quorum is recorded for the minutes rather than blocking the count.
    quorumOverridden: !quorum.quorate,
    rules: s.meeting.rules,
    statutoryMembers: s.statutoryMembers,
    counts,
    rollCallLive: false,
    countedByHand: true,
    invalidatedAt: null,
    ...subject,
  });
}

export interface InvalidateDecision {
  invalidated: Poll;
  /** The next round, when the chair asked to repeat at once. */
  repeat: Poll | null;
}

export function decideInvalidate(s: MeetingState, pollId: string, repeat: boolean, newPollId: string, now: string): Result<InvalidateDecision> {
  const poll = findPoll(s, pollId);
  if (!poll) return fail('not_found', 'Unknown poll');
  if (poll.status === 'open') return fail('conflict', 'Close the vote before declaring it invalid');
  if (poll.status === 'invalid') return fail('conflict', 'This round is already invalid');
  const refused = refuseInvalidate(s, poll);
  if (!refused.ok) return refused;
  const invalidated: Poll = { ...poll, status: 'invalid', invalidatedAt: now };
  // A show of hands is repeated by entering new numbers, not by opening a vote on the tablets.
  // A Wahlgang is started again from the election panel, which knows which one is next.
  if (!repeat || poll.countedByHand || poll.election) return ok({ invalidated, repeat: null });
  const after: MeetingState = { ...s, polls: s.polls.map((p) => (p.id === poll.id ? invalidated : p)) };
  const input: OpenPollArgs = {
    itemId: poll.itemId,
    mode: poll.mode,
    majority: poll.majority,
    rollCallLive: poll.rollCallLive,
    // The chair confirmed voting without quorum for this item once; the repetition inherits it.
    confirmNotQuorate: poll.quorumOverridden,
    // The repetition decides the same: the same amendment, or the same items en bloc.
    ...(poll.motionId ? { motionId: poll.motionId } : {}),
    ...(poll.blocItemIds ? { blocItemIds: poll.blocItemIds } : {}),
  };
  const next = decideOpen(after, input, newPollId, now);
  if (!next.ok) return next;
  return ok({ invalidated, repeat: next.data });
}

export function decideDecisionKind(s: MeetingState, itemId: string, kind: DecisionKind | null): Result<DecisionKind | null> {
  if (!s.meeting.agenda.some((i) => i.id === itemId)) return fail('not_found', 'Unknown agenda item');
  return ok(kind);
}
