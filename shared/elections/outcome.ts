import type { Counts } from '../meeting/model.ts';
import { electionRule } from './electionRules.ts';
import { isYesNoBallot, type Lot, type PollElection } from './model.ts';

/**
 * The verdict of one Wahlgang under a rule set: who is elected, and what comes next — nothing,
 * a lot to draw, or a second Wahlgang with which candidates. Pure and total: every tally has an
 * outcome.
 */

export interface RoundInput {
  rules: string;
  election: PollElection & { votes: Record<string, number> };
  /** Ballots: yes = a ballot with marks (or Ja), no = Nein, abstain = Enthaltung / blank. */
  counts: Counts;
  statutoryMembers: number;
  /** Members this Wahlgang expected a ballot from (present and entitled). */
  presentEligible: number;
  /** Lots already drawn for this Wahlgang. */
  lots: readonly Lot[];
}

export interface Standing {
  candidateId: string;
  votes: number;
}

export interface Elected extends Standing {
  byLot: boolean;
}

export type NextStep =
  | { kind: 'done' }
  | { kind: 'lot'; purpose: Lot['purpose']; among: string[]; count: number }
  | { kind: 'secondRound'; candidateIds: string[]; seats: number };

export interface RoundOutcome {
  /** Votes needed to be elected in a first Wahlgang; null when the most votes win. */
  required: number | null;
  /** What the majority is taken of (see ElectionRule.firstRoundBasis); null when the most votes win. */
  basis: number | null;
  /** Every candidate on the ballot, most votes first (ties in ballot order). */
  standings: Standing[];
  elected: Elected[];
  /** The lot that settled a tie in this Wahlgang, if one was needed and drawn. */
  lots: Lot[];
  next: NextStep;
}

/** Candidates ranked by votes, ties kept in ballot order. */
export function rank(candidateIds: readonly string[], votes: Record<string, number>): Standing[] {
  return candidateIds
    .map((candidateId, i) => ({ candidateId, votes: votes[candidateId] ?? 0, i }))
    .sort((a, b) => b.votes - a.votes || a.i - b.i)
    .map(({ candidateId, votes }) => ({ candidateId, votes }));
}

interface Pick {
  chosen: Standing[];
  byLot: Set<string>;
  tie: { among: string[]; count: number } | null;
  lot: Lot | null;
}

/**
 * The best `places` of a ranking. A tie across the last place is settled by a matching lot, or
 * reported as a tie to draw.
 */
export function pickBest(ranked: readonly Standing[], places: number, lot: Lot | undefined): Pick {
  if (ranked.length <= places || places <= 0) return { chosen: ranked.slice(0, Math.max(0, places)), byLot: new Set(), tie: null, lot: null };
  const boundary = ranked[places - 1]!.votes;
  const above = ranked.filter((s) => s.votes > boundary);
  const tied = ranked.filter((s) => s.votes === boundary);
  const count = places - above.length;
  if (tied.length === count) return { chosen: [...above, ...tied], byLot: new Set(), tie: null, lot: null };
  const among = tied.map((s) => s.candidateId);
  if (lot && lot.count === count && sameSet(lot.among, among)) {
    const winners = tied.filter((s) => lot.winners.includes(s.candidateId));
    return { chosen: [...above, ...winners], byLot: new Set(lot.winners), tie: null, lot };
  }
  return { chosen: above, byLot: new Set(), tie: { among, count }, lot: null };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function roundOutcome(input: RoundInput): RoundOutcome {
  const { election, counts } = input;
  const rule = electionRule(input.rules);
  const standings = rank(election.candidateIds, election.votes);
  const lotFor = (purpose: Lot['purpose']) => input.lots.findLast((l) => l.purpose === purpose);
  const yesNo = isYesNoBallot(election);

  if (election.stage === 2) {
    // The most votes win; a candidate nobody voted for is not elected, and a single candidate
    // needs more Ja than Nein.
    if (yesNo) {
      const yes = standings[0]!.votes;
      return { required: null, basis: null, standings, elected: yes > counts.no ? [{ ...standings[0]!, byLot: false }] : [], lots: [], next: { kind: 'done' } };
    }
    const pick = pickBest(standings.filter((s) => s.votes > 0), election.seats, lotFor('seat'));
    const elected = pick.chosen.map((s) => ({ ...s, byLot: pick.byLot.has(s.candidateId) }));
    const next: NextStep = pick.tie ? { kind: 'lot', purpose: 'seat', ...pick.tie } : { kind: 'done' };
    return { required: null, basis: null, standings, elected, lots: pick.lot ? [pick.lot] : [], next };
  }

  const basis =
    rule.firstRoundBasis === 'statutoryMembers'
      ? input.statutoryMembers
      : rule.firstRoundBasis === 'presentEligible'
        ? input.presentEligible
        : counts.yes + (rule.noIsValid ? counts.no : 0);
  const required = Math.floor(basis / 2) + 1;
  const reached = standings.filter((s) => s.votes >= required);
  const seatPick = pickBest(reached, election.seats, lotFor('seat'));
  const elected = seatPick.chosen.map((s) => ({ ...s, byLot: seatPick.byLot.has(s.candidateId) }));
  const lots = seatPick.lot ? [seatPick.lot] : [];
  if (seatPick.tie) return { required, basis, standings, elected, lots, next: { kind: 'lot', purpose: 'seat', ...seatPick.tie } };
  const seats = election.seats - elected.length;
  if (seats === 0) return { required, basis, standings, elected, lots, next: { kind: 'done' } };

  const left = standings.filter((s) => !elected.some((e) => e.candidateId === s.candidateId));
  if (left.length === 0) return { required, basis, standings, elected, lots, next: { kind: 'done' } };
  if (yesNo && !rule.singleCandidateSecondRound) return { required, basis, standings, elected, lots, next: { kind: 'done' } };
  if (rule.secondRound === 'allCandidates' || yesNo) {
    return { required, basis, standings, elected, lots, next: { kind: 'secondRound', candidateIds: inBallotOrder(election, left), seats } };
  }
  // Stichwahl: twice as many candidates as seats are left (the two best for one seat).
  const runoff = pickBest(left, 2 * seats, lotFor('runoff'));
  if (runoff.lot) lots.push(runoff.lot);
  if (runoff.tie) return { required, basis, standings, elected, lots, next: { kind: 'lot', purpose: 'runoff', ...runoff.tie } };
  return { required, basis, standings, elected, lots, next: { kind: 'secondRound', candidateIds: inBallotOrder(election, runoff.chosen), seats } };
}

const inBallotOrder = (e: PollElection, picked: readonly Standing[]): string[] =>
  e.candidateIds.filter((id) => picked.some((s) => s.candidateId === id));
