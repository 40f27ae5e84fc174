import type { Counts, PollStatus } from '../meeting/model.ts';
import type { Election, PollElection } from './model.ts';
import { roundOutcome, type Elected, type RoundOutcome } from './outcome.ts';

/** A Wahlgang as both the server (Poll) and the screens (PollView) know it. */
export interface ElectionRound {
  pollId: string;
  status: PollStatus;
  election: PollElection;
  /** Null while the counts are not known (still open, or not visible to this screen). */
  counts: Counts | null;
  rules: string;
  statutoryMembers: number;
  presentEligible: number;
}

export type ElectionNext =
  /** The next Wahlgang can start, with these candidates and seats. */
  | { kind: 'open'; stage: 1 | 2; candidateIds: string[]; seats: number }
  | { kind: 'running'; pollId: string }
  /** A tie: the chair draws the lot (or enters one drawn by hand) before anything else. */
  | { kind: 'lot'; pollId: string; purpose: 'seat' | 'runoff'; among: string[]; count: number }
  /** Counts not visible to this screen yet. */
  | { kind: 'waiting'; pollId: string }
  | { kind: 'done' };

export interface ElectionProgress {
  /** Outcome of every counted Wahlgang (not those declared invalid), by poll id. */
  outcomes: Record<string, RoundOutcome>;
  /** Everyone elected so far, in the order they were elected. */
  elected: Elected[];
  next: ElectionNext;
}

/** Where an election stands after its Wahlgänge (oldest first; rounds declared invalid are skipped). */
export function electionProgress(election: Election, rounds: readonly ElectionRound[]): ElectionProgress {
  const valid = rounds.filter((r) => r.status !== 'invalid');
  const outcomes: Record<string, RoundOutcome> = {};
  const elected: Elected[] = [];
  let next: ElectionNext = { kind: 'open', stage: 1, candidateIds: election.candidates.map((c) => c.id), seats: election.seats };
  for (const r of valid) {
    if (r.status === 'open') {
      next = { kind: 'running', pollId: r.pollId };
      break;
    }
    if (!r.counts || !r.election.votes) {
      next = { kind: 'waiting', pollId: r.pollId };
      break;
    }
    const outcome = roundOutcome({
      rules: r.rules,
      election: { ...r.election, votes: r.election.votes },
      counts: r.counts,
      statutoryMembers: r.statutoryMembers,
      presentEligible: r.presentEligible,
      lots: election.lots.filter((l) => l.pollId === r.pollId),
    });
    outcomes[r.pollId] = outcome;
    elected.push(...outcome.elected);
    const n = outcome.next;
    next =
      n.kind === 'lot'
        ? { kind: 'lot', pollId: r.pollId, purpose: n.purpose, among: n.among, count: n.count }
        : n.kind === 'secondRound' && r.election.stage === 1
          ? { kind: 'open', stage: 2, candidateIds: n.candidateIds, seats: n.seats }
          : { kind: 'done' };
  }
  return { outcomes, elected, next };
}
