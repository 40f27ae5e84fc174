import { decideOpen, rosterFor } from '../meeting/decide.ts';
import type { Poll } from '../meeting/model.ts';
import { openPoll, type MeetingState } from '../meeting/state.ts';
import { fail, ok, type Result } from '../protocol/result.ts';
import { electionRule } from './electionRules.ts';
import { isYesNoBallot, type Candidate, type Election, type Lot } from './model.ts';
import { electionProgress, type ElectionProgress, type ElectionRound } from './progress.ts';

/** The chair's election commands as pure decisions, like shared/meeting/decide.ts. */

const MAX_CANDIDATES = 50;

export const electionOf = (s: MeetingState, itemId: string): Election | undefined => s.elections?.get(itemId);

export function electionRoundOf(p: Poll): ElectionRound | null {
  if (!p.election) return null;
  return {
    pollId: p.id,
    status: p.status,
    election: p.election,
    counts: p.counts,
    rules: p.rules,
    statutoryMembers: p.statutoryMembers,
    presentEligible: p.eligibleMemberIds.length,
  };
}

export function progressOf(s: MeetingState, election: Election): ElectionProgress {
  const rounds = s.polls.filter((p) => p.itemId === election.itemId).flatMap((p) => electionRoundOf(p) ?? []);
  return electionProgress(election, rounds);
}

/** Candidates, seats and the secret demand are settled before the first Wahlgang starts. */
function refuseOnceStarted(s: MeetingState, election: Election): Result<null> {
  if (s.polls.some((p) => p.itemId === election.itemId && p.election && p.status !== 'invalid')) {
    return fail('conflict', 'The election has begun: candidates and seats can no longer change');
  }
  return ok(null);
}

export function decideSetup(s: MeetingState, itemId: string, seats: number): Result<Election> {
  if (!s.meeting.agenda.some((i) => i.id === itemId)) return fail('not_found', 'Unknown agenda item');
  if (s.polls.some((p) => p.itemId === itemId && !p.election && p.status !== 'invalid')) {
    return fail('result_exists', 'This item already has a vote; it cannot become an election');
  }
  if (seats > 1 && !electionRule(s.meeting.rules).multiSeat) {
    return fail('conflict', `Under ${electionRule(s.meeting.rules).source} each seat is elected on its own: one seat per election`);
  }
  const existing = electionOf(s, itemId);
  if (existing) {
    const started = refuseOnceStarted(s, existing);
    if (!started.ok) return started;
    return ok({ ...existing, seats });
  }
  return ok({ itemId, seats, candidates: [], secretDemandedAt: null, lots: [] });
}

export function decideAddCandidate(s: MeetingState, itemId: string, name: string, candidateId: string): Result<Election> {
  const election = electionOf(s, itemId);
  if (!election) return fail('not_found', 'This item is not an election');
  const started = refuseOnceStarted(s, election);
  if (!started.ok) return started;
  if (election.candidates.length >= MAX_CANDIDATES) return fail('conflict', `At most ${MAX_CANDIDATES} candidates`);
  if (election.candidates.some((c) => c.name.toLocaleLowerCase('de') === name.toLocaleLowerCase('de'))) {
    return fail('conflict', `${name} is a candidate already`);
  }
  const candidate: Candidate = { id: candidateId, name };
  return ok({ ...election, candidates: [...election.candidates, candidate] });
}

export function decideWithdraw(s: MeetingState, itemId: string, candidateId: string): Result<Election> {
  const election = electionOf(s, itemId);
  if (!election) return fail('not_found', 'This item is not an election');
  const started = refuseOnceStarted(s, election);
  if (!started.ok) return started;
  if (!election.candidates.some((c) => c.id === candidateId)) return fail('not_found', 'Unknown candidate');
  return ok({ ...election, candidates: election.candidates.filter((c) => c.id !== candidateId) });
}

/** One member's demand makes the election secret (§ 67 Satz 2 NKomVG); it holds for every Wahlgang. */
export function decideSecretDemand(s: MeetingState, itemId: string, demanded: boolean, now: string): Result<Election> {
  const election = electionOf(s, itemId);
  if (!election) return fail('not_found', 'This item is not an election');
  if (openPoll(s)?.itemId === itemId) return fail('conflict', 'A Wahlgang is running: record the demand before it starts');
  if (!demanded && s.polls.some((p) => p.itemId === itemId && p.election && p.status !== 'invalid')) {
    // Taking a demand back after a secret Wahlgang would make the next one open: not without a fresh start.
    return fail('conflict', 'The election has begun in secret; the demand cannot be taken back');
  }
  return ok({ ...election, secretDemandedAt: demanded ? (election.secretDemandedAt ?? now) : null });
}

export function decideOpenElectionRound(s: MeetingState, itemId: string, confirmNotQuorate: boolean, pollId: string, now: string): Result<Poll> {
  const election = electionOf(s, itemId);
  if (!election) return fail('not_found', 'This item is not an election');
  const running = openPoll(s);
  if (running) return fail('poll_already_open', 'Another vote is still open');
  const next = progressOf(s, election).next;
  if (next.kind === 'lot') return fail('conflict', 'A tie must be decided by lot first');
  if (next.kind !== 'open') return fail('result_exists', 'The election is decided');
  if (next.candidateIds.length === 0) return fail('conflict', 'Add a candidate first');
  const rule = electionRule(s.meeting.rules);
  const mode = rule.alwaysSecret || election.secretDemandedAt ? 'secret' : 'open';
  const { quorum } = rosterFor(s, itemId);
  if (!quorum.quorate && !confirmNotQuorate) {
    return fail('not_quorate', `Not quorate: ${quorum.present} of ${quorum.total} present, ${quorum.required} needed; confirm to vote anyway`);
  }
  // Opened like any vote (roster, quorum, round number), but decideOpen refuses an item that has a
  // result: a second Wahlgang follows a counted first one, so it is built from a state without it.
  const others = { ...s, polls: s.polls.filter((p) => p.itemId !== itemId || p.status === 'invalid') };
  const poll = decideOpen(others, { itemId, mode, majority: 'simple', confirmNotQuorate: true, rollCallLive: false }, pollId, now);
  if (!poll.ok) return poll;
  const round = s.polls.filter((p) => p.itemId === itemId).length + 1;
  return ok({
    ...poll.data,
    round,
    quorumOverridden: !quorum.quorate,
    election: { stage: next.stage, seats: next.seats, candidateIds: next.candidateIds, votes: null },
  });
}

/**
 * A Wahlgang counted by hand: the due Wahlgang, closed at once with the entered numbers. Refused
 * when they cannot be right: an unknown or missing candidate, more ballots than members may vote,
 * a ballot with more marks than seats, or votes without ballots.
 */
export function decideElectionHandCount(
  s: MeetingState,
  input: { itemId: string; votes: Record<string, number>; ballots: number; no: number; abstain: number },
  pollId: string,
  now: string,
): Result<Poll> {
  const opened = decideOpenElectionRound(s, input.itemId, true, pollId, now);
  if (!opened.ok) return opened;
  const e = opened.data.election!;
  const ids = Object.keys(input.votes);
  if (ids.length !== e.candidateIds.length || !e.candidateIds.every((id) => ids.includes(id))) {
    return fail('invalid_counts', 'Enter the votes of every candidate of this Wahlgang');
  }
  const yesNo = isYesNoBallot(e);
  if (input.no > 0 && !yesNo) return fail('invalid_counts', 'Nein is counted only with a single candidate');
  const marks = Object.values(input.votes).reduce((a, b) => a + b, 0);
  const ballots = yesNo ? marks : input.ballots;
  const eligible = opened.data.eligibleMemberIds.length;
  if (ballots + input.no + input.abstain > eligible) {
    return fail('invalid_counts', `${ballots + input.no + input.abstain} ballots counted, but only ${eligible} members may vote`);
  }
  if (marks > ballots * e.seats || (ballots > 0 && marks < ballots) || Object.values(input.votes).some((n) => n > ballots)) {
    return fail('invalid_counts', `${marks} votes do not fit ${ballots} ballots with up to ${e.seats} ${e.seats === 1 ? 'mark' : 'marks'}`);
  }
  return ok({
    ...opened.data,
    status: 'closed',
    closedAt: now,
    countedByHand: true,
    counts: { yes: ballots, no: input.no, abstain: input.abstain },
    election: { ...e, votes: Object.fromEntries(e.candidateIds.map((id) => [id, input.votes[id]!])) },
  });
}

/** Picks `count` of `among` at random; the server passes its cryptographic source. */
export type DrawRandom = (among: readonly string[], count: number) => string[];

export function decideLot(s: MeetingState, pollId: string, winners: readonly string[] | undefined, draw: DrawRandom, now: string): Result<Lot> {
  const poll = s.polls.find((p) => p.id === pollId);
  if (!poll?.election) return fail('not_found', 'Unknown Wahlgang');
  const election = electionOf(s, poll.itemId);
  if (!election) return fail('not_found', 'This item is not an election');
  const next = progressOf(s, election).next;
  if (next.kind !== 'lot' || next.pollId !== pollId) return fail('conflict', 'No tie to decide by lot in this Wahlgang');
  let picked: string[];
  if (winners) {
    if (new Set(winners).size !== winners.length || winners.length !== next.count || winners.some((w) => !next.among.includes(w))) {
      return fail('invalid_payload', `The lot must pick ${next.count} of the tied candidates`);
    }
    picked = [...winners];
  } else picked = draw(next.among, next.count);
  return ok({ pollId, purpose: next.purpose, among: next.among, count: next.count, winners: picked, method: winners ? 'hand' : 'server', at: now });
}
