import { describe, expect, it } from 'vitest';
import type { Counts } from '../meeting/model.ts';
import { tally } from './tally.ts';
import { verdict } from './verdict.ts';

const c = (yes: number, no: number, abstain: number): Counts => ({ yes, no, abstain });
const simple = { majority: 'simple' as const, statutoryMembers: 10 };

describe('tally', () => {
  it('counts each choice', () => {
    expect(tally(['yes', 'no', 'yes', 'abstain', 'yes'])).toEqual(c(3, 1, 1));
    expect(tally([])).toEqual(c(0, 0, 0));
  });
});

describe('verdict, simple majority (NKomVG § 66)', () => {
  it.each([
    ['all Ja', c(10, 0, 0), true, 'unanimous'],
    ['Ja with abstentions', c(8, 0, 2), true, 'unanimousWithAbstentions'],
    ['Ja against Nein', c(6, 3, 1), true, 'majority'],
    ['one vote ahead', c(5, 4, 1), true, 'majority'],
    ['tie', c(4, 4, 2), false, 'rejected'],
    ['more Nein', c(3, 6, 1), false, 'rejected'],
    ['all abstain', c(0, 0, 10), false, 'rejected'],
    ['zero votes cast', c(0, 0, 0), false, 'rejected'],
    ['all Nein', c(0, 10, 0), false, 'rejected'],
  ] as const)('%s', (_, counts, passed, outcome) => {
    expect(verdict(counts, simple)).toMatchObject({ passed, outcome, achieved: counts.yes });
  });

  it('ignores abstentions: 1 Ja, 0 Nein, 9 Enthaltungen passes', () => {
    expect(verdict(c(1, 0, 9), simple)).toMatchObject({ passed: true, outcome: 'unanimousWithAbstentions' });
  });
});
