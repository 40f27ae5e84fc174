import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHOICES, MAJORITY_KINDS, type Choice } from '../meeting/model.ts';
import { tally, totalCast } from './tally.ts';
import { verdict } from './verdict.ts';

const choice = fc.constantFrom<Choice>(...CHOICES);
const ballots = fc.array(choice, { maxLength: 200 });
const majority = fc.constantFrom(...MAJORITY_KINDS);
const statutory = fc.integer({ min: 1, max: 200 });

describe('properties of tally and verdict', () => {
  it('counts always add up to the ballots cast, per choice', () => {
    fc.assert(
      fc.property(ballots, (bs) => {
        const counts = tally(bs);
        expect(totalCast(counts)).toBe(bs.length);
        for (const ch of CHOICES) expect(counts[ch]).toBe(bs.filter((b) => b === ch).length);
      }),
    );
  });

  it('never depends on the order of the ballots', () => {
    const shuffled = ballots.chain((bs) => fc.tuple(fc.constant(bs), fc.shuffledSubarray(bs, { minLength: bs.length, maxLength: bs.length })));
    fc.assert(
      fc.property(shuffled, majority, statutory, ([bs, reordered], kind, n) => {
        const ctx = { majority: kind, statutoryMembers: n };
        expect(verdict(tally(reordered), ctx)).toEqual(verdict(tally(bs), ctx));
      }),
    );
  });

  it('an added abstention never changes an NKomVG verdict, for any majority kind', () => {
    fc.assert(
      fc.property(ballots, majority, statutory, (bs, kind, n) => {
        const ctx = { majority: kind, statutoryMembers: n };
        const before = verdict(tally(bs), ctx);
        const after = verdict(tally([...bs, 'abstain']), ctx);
        expect({ passed: after.passed, required: after.required, achieved: after.achieved }).toEqual({
          passed: before.passed,
          required: before.required,
          achieved: before.achieved,
        });
      }),
    );
  });

  it('a tie is never angenommen', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), majority, statutory, (n, abstain, kind, members) => {
        expect(verdict({ yes: n, no: n, abstain }, { majority: kind, statutoryMembers: members }).passed).toBe(false);
      }),
    );
  });

  it('a qualified majority passes only where the simple one does', () => {
    fc.assert(
      fc.property(ballots, majority, statutory, (bs, kind, n) => {
        const counts = tally(bs);
        if (verdict(counts, { majority: kind, statutoryMembers: n }).passed) {
          expect(verdict(counts, { majority: 'simple', statutoryMembers: n }).passed).toBe(true);
        }
      }),
    );
  });
});
