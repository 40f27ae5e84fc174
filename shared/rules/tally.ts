import type { Choice, Counts } from '../meeting/model.ts';

export const emptyCounts = (): Counts => ({ yes: 0, no: 0, abstain: 0 });

/** Counts ballots by choice. Order never matters. */
export function tally(choices: Iterable<Choice>): Counts {
  const counts = emptyCounts();
  for (const choice of choices) counts[choice] += 1;
  return counts;
}

export const totalCast = (c: Counts): number => c.yes + c.no + c.abstain;
