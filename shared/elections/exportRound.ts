import type { Poll } from '../meeting/model.ts';
import type { MeetingState } from '../meeting/state.ts';
import { progressOf } from './decide.ts';
import { isYesNoBallot } from './model.ts';
import { roundLines, roundTitle } from './wording.ts';

/** A Wahlgang in results.json: the votes per candidate, who is elected, and the minute lines. */
export interface ElectionRoundResult {
  stage: 1 | 2;
  /** "1. Wahlgang", "2. Wahlgang" or "Stichwahl". */
  title: string;
  seats: number;
  /** Votes needed in a first Wahlgang (null when the most votes win) and what that majority is of. */
  required: number | null;
  basis: number | null;
  candidates: { candidateId: string; name: string; votes: number; elected: boolean; byLot: boolean }[];
  /** What the Wahlgang decided, in the minutes' words ("Gewählt ist Frau X mit 21 Stimmen."). */
  result: string | null;
  /** The lines of this Wahlgang as the minutes write them. */
  wording: { de: string[]; en: string[] };
}

export function electionRoundResult(s: MeetingState, p: Poll): ElectionRoundResult | null {
  const election = s.elections?.get(p.itemId);
  if (!p.election || !election) return null;
  const outcome = p.status === 'invalid' ? undefined : progressOf(s, election).outcomes[p.id];
  const names = new Map(election.candidates.map((c) => [c.id, c.name]));
  const lines = (lang: 'de' | 'en') => (outcome && p.counts ? roundLines(p.rules, { election: p.election!, counts: p.counts, outcome }, election.candidates, lang) : []);
  const de = lines('de');
  // Title, one line of votes per candidate (or Ja/Nein), the abstentions: what follows is the result.
  const countLines = 2 + (isYesNoBallot(p.election) ? 1 : p.election.candidateIds.length);
  return {
    stage: p.election.stage,
    title: roundTitle(p.rules, p.election.stage),
    seats: p.election.seats,
    required: outcome?.required ?? null,
    basis: outcome?.basis ?? null,
    candidates: p.election.candidateIds.map((id) => {
      const elected = outcome?.elected.find((e) => e.candidateId === id);
      return { candidateId: id, name: names.get(id) ?? id, votes: p.election!.votes?.[id] ?? 0, elected: !!elected, byLot: !!elected?.byLot };
    }),
    result: de.length > countLines ? de.slice(countLines).join(' ') : null,
    wording: { de, en: lines('en') },
  };
}
