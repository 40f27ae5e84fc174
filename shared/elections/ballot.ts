import type { Choice } from '../meeting/model.ts';
import { fail, type Failure } from '../protocol/result.ts';
import { isYesNoBallot, type PollElection } from './model.ts';

/**
 * An election ballot as the tablet sends it: the marked candidates, and a choice that says what
 * kind of ballot it is — `yes` with marks, `abstain` with none (Enthaltung, a blank ballot), and
 * for a single candidate also `no` (Nein). The choice is what the poll's ballot counters keep, so
 * progress, secrecy and verification work as for any vote.
 */
export interface ElectionMarks {
  choice: Choice;
  marks: readonly string[];
}

/** Null when the ballot is allowed on this Wahlgang; the refusal otherwise. Too many marks are never accepted. */
export function ballotRefusal(e: PollElection, b: ElectionMarks): Failure | null {
  const unique = new Set(b.marks);
  if (unique.size !== b.marks.length) return fail('choice_not_allowed', 'A candidate can be marked only once');
  if (b.marks.some((id) => !e.candidateIds.includes(id))) return fail('choice_not_allowed', 'Not a candidate of this Wahlgang');
  if (b.marks.length > e.seats) return fail('choice_not_allowed', `At most ${e.seats} ${e.seats === 1 ? 'mark' : 'marks'} on this ballot`);
  if (b.choice === 'yes' && b.marks.length === 0) return fail('choice_not_allowed', 'Mark a candidate or abstain');
  if (b.choice !== 'yes' && b.marks.length > 0) return fail('choice_not_allowed', 'A Nein or an Enthaltung carries no marks');
  if (b.choice === 'no' && !isYesNoBallot(e)) return fail('choice_not_allowed', 'Nein is offered only with a single candidate');
  return null;
}

/** Votes per candidate from the ballots' marks. */
export function tallyMarks(candidateIds: readonly string[], ballots: Iterable<readonly string[]>): Record<string, number> {
  const votes: Record<string, number> = Object.fromEntries(candidateIds.map((id) => [id, 0]));
  for (const marks of ballots) for (const id of marks) if (id in votes) votes[id]! += 1;
  return votes;
}
