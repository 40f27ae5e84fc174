import type { MeetingSnapshot, PollView } from '../protocol/snapshot.ts';
import { electionProgress, type ElectionProgress, type ElectionRound } from './progress.ts';

/** A Wahlgang as a screen sees it; counts are there only once this screen may see them. */
export function roundOfView(p: PollView): ElectionRound | null {
  if (!p.election) return null;
  return {
    pollId: p.id,
    status: p.status,
    election: p.election,
    counts: p.counts,
    rules: p.rules,
    statutoryMembers: p.statutoryMembers,
    presentEligible: p.eligibleCount,
  };
}

/** Where the election of an item stands, as far as this screen can tell. */
export function snapshotElectionProgress(s: MeetingSnapshot, itemId: string): ElectionProgress | null {
  const election = s.elections?.[itemId];
  if (!election) return null;
  return electionProgress(election, s.polls.filter((p) => p.itemId === itemId).flatMap((p) => roundOfView(p) ?? []));
}
