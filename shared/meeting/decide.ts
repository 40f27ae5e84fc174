import { ballotRefusal, tallyMarks } from '../elections/ballot.ts';
import { decideSubject } from '../motions/decideMotions.ts';
import type { CastBallotInput, OpenPollInput } from '../protocol/commands.ts';
import type { SubjectInput } from '../protocol/motionCommands.ts';
import { fail, ok, type Result } from '../protocol/result.ts';
import { eligibleMemberIds, ineligibility } from '../rules/eligibility.ts';
import { ruleSet } from '../rules/ruleSets.ts';
import { emptyCounts, tally } from '../rules/tally.ts';
import { eligibilityFacts, quorumFor } from './attendance.ts';
import { idSet, memberById } from './lookup.ts';
import type { Choice, Poll } from './model.ts';
import { ballotsOf, covers, findPoll, openPoll, type BallotRecord, type MeetingState } from './state.ts';

/**
 * The meeting's decisions: pure functions from state and a validated command to the change
 * to make, or an error. They never mutate; the server persists the change, then applies it.
 */

export interface BallotDecision {
  ballot: BallotRecord;
  /** True when the same ballot id arrived again: nothing to store, acknowledge again. */
  duplicate: boolean;
  /** Secret poll: the choice to add to the poll's counters; the ballot record does not carry it. */
  secretChoice: Choice | null;
  /** Secret Wahlgang: the candidates to add to the poll's vote counters. */
  secretMarks?: string[];
}

export function decideCast(s: MeetingState, memberId: string, input: CastBallotInput, now: string): Result<BallotDecision> {
  const poll = findPoll(s, input.pollId);
  if (!poll) return fail('not_found', 'Unknown poll');
  const existing = ballotsOf(s, poll.id).get(memberId);
  if (existing && existing.ballotId === input.ballotId) {
    // A replay of a ballot already counted; the choice it carries cannot differ.
    return ok({ ballot: existing, duplicate: true, secretChoice: null });
  }
  if (poll.status !== 'open') return fail('poll_not_open', 'The vote is closed');
  const member = memberById(s.meeting.members).get(memberId);
  // Expected voters include members who left after voting: their ballot stays, but only a
  // member eligible right now may cast or change one.
  const reason = member ? ineligibility(member, eligibilityFacts(s, poll.itemId)) : 'noVotingRight';
  if (reason || !idSet(poll.eligibleMemberIds).has(memberId)) return fail('not_eligible', NOT_ELIGIBLE[reason ?? 'absent']);
  if (poll.election) {
    const refused = ballotRefusal(poll.election, { choice: input.choice, marks: input.marks ?? [] });
    if (refused) return refused;
  } else if (input.marks) return fail('choice_not_allowed', 'Marks belong on election ballots only');
  // An election ballot may be left blank under every rule set; the rule set decides whether it is valid.
  if (input.choice === 'abstain' && !poll.election && !ruleSet(s.meeting.rules).allowsAbstention) {
    return fail('choice_not_allowed', 'Abstention is not allowed under these rules');
  }
  if (poll.mode === 'secret') {
    // The counters cannot take a vote back, so a secret vote is final.
    if (existing) return fail('already_voted', 'A secret vote cannot be changed');
    const secretMarks = poll.election ? { secretMarks: [...(input.marks ?? [])] } : {};
    return ok({ ballot: { memberId, choice: null, ballotId: input.ballotId, castAt: null }, duplicate: false, secretChoice: input.choice, ...secretMarks });
  }
  const ballot: BallotRecord = { memberId, choice: input.choice, ballotId: input.ballotId, castAt: now };
  if (poll.election) ballot.marks = [...(input.marks ?? [])];
  return ok({ ballot, duplicate: false, secretChoice: null });
}

const NOT_ELIGIBLE = {
  noVotingRight: 'Advisory members do not vote',
  absent: 'Not checked in: please check in first',
  excluded: 'Excluded from this item (Mitwirkungsverbot)',
} as const;

/** Who may vote on an item right now, who is excluded, and the quorum: fixed into a poll when it opens. */
export function rosterFor(s: MeetingState, itemId: string) {
  const facts = eligibilityFacts(s, itemId);
  return {
    eligibleMemberIds: eligibleMemberIds(s.meeting.members, facts),
    excludedMemberIds: s.meeting.members.filter((m) => facts.excluded.has(m.id)).map((m) => m.id),
    quorum: quorumFor(s, itemId),
  };
}

/**
 * What a new round decides (the item, an amendment of it, or several items en bloc), once it
 * may start: a valid result gets a new round only after the chair declared it invalid, and
 * amendments come first, in order (shared/motions/decideMotions.ts).
 */
export function refuseIfDecided(s: MeetingState, itemId: string, subject: SubjectInput = {}): Result<Pick<Poll, 'motionId' | 'blocItemIds'>> {
  const running = openPoll(s);
  if (running) return fail('poll_already_open', 'Another vote is still open');
  return decideSubject(s, itemId, subject);
}

/** Rounds are counted per thing decided: the item's proposal (en bloc too) or one amendment. */
export const nextRound = (s: MeetingState, itemId: string, motionId: string | null = null): number =>
  s.polls.filter((p) => covers(p, itemId) && (p.motionId ?? null) === motionId).length + 1;

/** poll:open as the core takes it: every field set, except what the vote decides. */
export type OpenPollArgs = Required<Omit<OpenPollInput, keyof SubjectInput>> & SubjectInput;

export function decideOpen(s: MeetingState, input: OpenPollArgs, pollId: string, now: string): Result<Poll> {
  const item = s.meeting.agenda.find((i) => i.id === input.itemId);
  if (!item) return fail('not_found', 'Unknown agenda item');
  const refused = refuseIfDecided(s, item.id, input);
  if (!refused.ok) return refused;
  const subject = refused.data;
  const { eligibleMemberIds, excludedMemberIds, quorum } = rosterFor(s, item.id);
  if (!quorum.quorate && !input.confirmNotQuorate) {
    return fail('not_quorate', `Not quorate: ${quorum.present} of ${quorum.total} present, ${quorum.required} needed; confirm to vote anyway`);
  }
  const round = nextRound(s, item.id, subject.motionId ?? null);
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
    eligibleMemberIds,
    excludedMemberIds,
    quorum,
    quorumOverridden: !quorum.quorate,
    rules: s.meeting.rules,
    statutoryMembers: s.statutoryMembers,
    counts: null,
    rollCallLive: input.mode === 'rollCall' && input.rollCallLive,
    countedByHand: false,
    invalidatedAt: null,
    ...subject,
  });
}

export function decideClose(s: MeetingState, pollId: string, now: string): Result<Poll> {
  const poll = findPoll(s, pollId);
  if (!poll) return fail('not_found', 'Unknown poll');
  if (poll.status !== 'open') return fail('poll_not_open', 'The vote is not open');
  const counts =
    poll.mode === 'secret'
      ? { ...(s.secretCounts.get(poll.id) ?? emptyCounts()) }
      : tally([...ballotsOf(s, poll.id).values()].flatMap((b) => (b.choice ? [b.choice] : [])));
  if (!poll.election) return ok({ ...poll, status: 'closed', closedAt: now, counts });
  const { candidateIds } = poll.election;
  const votes =
    poll.mode === 'secret'
      ? { ...tallyMarks(candidateIds, []), ...s.secretVotes?.get(poll.id) }
      : tallyMarks(candidateIds, [...ballotsOf(s, poll.id).values()].map((b) => b.marks ?? []));
  return ok({ ...poll, status: 'closed', closedAt: now, counts, election: { ...poll.election, votes } });
}

export function decidePublish(s: MeetingState, pollId: string, now: string): Result<Poll> {
  const poll = findPoll(s, pollId);
  if (!poll) return fail('not_found', 'Unknown poll');
  if (poll.status === 'published') return ok(poll);
  if (poll.status !== 'closed') return fail('conflict', 'Only a closed vote can be published');
  return ok({ ...poll, status: 'published', publishedAt: now });
}

/**
 * The tablets show the buttons of the current item's vote: moving on while a vote runs would
 * take them away from everyone while the server still accepts ballots.
 */
export function decideSelect(s: MeetingState, itemId: string | null): Result<string | null> {
  if (itemId !== null && !s.meeting.agenda.some((i) => i.id === itemId)) return fail('not_found', 'Unknown agenda item');
  const running = openPoll(s);
  if (running && running.itemId !== itemId) {
    const number = s.meeting.agenda.find((i) => i.id === running.itemId)?.number ?? '';
    return fail('poll_already_open', `Close the running vote on ${number} first`);
  }
  return ok(itemId);
}
