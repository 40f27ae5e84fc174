import { describe, expect, it } from 'vitest';
import type { Counts } from '../meeting/model.ts';
import type { Lot } from './model.ts';
import { pickBest, rank, roundOutcome, type RoundInput } from './outcome.ts';

const counts = (yes: number, no = 0, abstain = 0): Counts => ({ yes, no, abstain });
const lot = (purpose: Lot['purpose'], among: string[], winners: string[]): Lot => ({ pollId: 'p', purpose, among, count: winners.length, winners, method: 'server', at: '' });

function round(o: Partial<RoundInput> & { votes: Record<string, number>; stage?: 1 | 2; seats?: number }): ReturnType<typeof roundOutcome> {
  const candidateIds = Object.keys(o.votes);
  const ballots = Object.values(o.votes).reduce((a, b) => a + b, 0);
  return roundOutcome({
    rules: o.rules ?? 'NKomVG',
    election: { stage: o.stage ?? 1, seats: o.seats ?? 1, candidateIds, votes: o.votes },
    counts: o.counts ?? counts(ballots),
    statutoryMembers: o.statutoryMembers ?? 11,
    presentEligible: o.presentEligible ?? 10,
    lots: o.lots ?? [],
  });
}

describe('NKomVG § 67: majority of the members, then the most votes, then the lot', () => {
  it('elects in the first Wahlgang with the majority of the statutory members, whatever the abstentions', () => {
    const o = round({ votes: { a: 6, b: 3 }, counts: counts(9, 0, 2) });
    expect(o.required).toBe(6);
    expect(o.basis).toBe(11);
    expect(o.elected).toEqual([{ candidateId: 'a', votes: 6, byLot: false }]);
    expect(o.next).toEqual({ kind: 'done' });
  });

  it('one vote short of the majority of members leads to a second Wahlgang with every candidate', () => {
    const o = round({ votes: { a: 5, b: 4, c: 1 } });
    expect(o.elected).toEqual([]);
    expect(o.next).toEqual({ kind: 'secondRound', candidateIds: ['a', 'b', 'c'], seats: 1 });
  });

  it('a majority of the votes cast is not enough when it is not the majority of the members', () => {
    expect(round({ votes: { a: 5, b: 1 }, statutoryMembers: 11 }).elected).toEqual([]);
  });

  it('in the second Wahlgang the most votes win; a tie waits for the lot, which then elects', () => {
    expect(round({ stage: 2, votes: { a: 3, b: 2 } }).elected).toEqual([{ candidateId: 'a', votes: 3, byLot: false }]);
    const tie = round({ stage: 2, votes: { a: 4, b: 4, c: 1 } });
    expect(tie.next).toEqual({ kind: 'lot', purpose: 'seat', among: ['a', 'b'], count: 1 });
    expect(tie.elected).toEqual([]);
    const drawn = round({ stage: 2, votes: { a: 4, b: 4, c: 1 }, lots: [lot('seat', ['b', 'a'], ['b'])] });
    expect(drawn.elected).toEqual([{ candidateId: 'b', votes: 4, byLot: true }]);
    expect(drawn.next).toEqual({ kind: 'done' });
    expect(drawn.lots).toHaveLength(1);
  });

  it('a lot drawn for another tie does not settle this one', () => {
    expect(round({ stage: 2, votes: { a: 4, b: 4, c: 4 }, lots: [lot('seat', ['a', 'b'], ['a'])] }).next.kind).toBe('lot');
  });

  it('a single candidate: Ja from the majority of members; else a second Wahlgang needing more Ja than Nein', () => {
    expect(round({ votes: { a: 6 }, counts: counts(6, 4, 1) }).elected).toHaveLength(1);
    expect(round({ votes: { a: 5 }, counts: counts(5, 2, 3) }).next).toEqual({ kind: 'secondRound', candidateIds: ['a'], seats: 1 });
    expect(round({ stage: 2, votes: { a: 5 }, counts: counts(5, 2, 3) }).elected).toHaveLength(1);
    expect(round({ stage: 2, votes: { a: 3 }, counts: counts(3, 3, 3) }).elected).toEqual([]);
  });

  it('nobody is elected with no votes in the second Wahlgang', () => {
    const o = round({ stage: 2, votes: { a: 0, b: 0 }, counts: counts(0, 0, 9) });
    expect(o.elected).toEqual([]);
    expect(o.next).toEqual({ kind: 'done' });
  });
});

describe('GO-BY Art. 51 Abs. 3: more than half of the valid votes, Stichwahl of the best two', () => {
  it('blank ballots are not valid votes: 5 of 9 valid elects although 4 left theirs blank', () => {
    const o = round({ rules: 'GO-BY', votes: { a: 5, b: 4 }, counts: counts(9, 0, 4) });
    expect(o.basis).toBe(9);
    expect(o.required).toBe(5);
    expect(o.elected.map((e) => e.candidateId)).toEqual(['a']);
  });

  it('without a majority the two best go into the Stichwahl; a tie for second place is decided by lot first', () => {
    expect(round({ rules: 'GO-BY', votes: { a: 4, b: 3, c: 2 } }).next).toEqual({ kind: 'secondRound', candidateIds: ['a', 'b'], seats: 1 });
    const tie = round({ rules: 'GO-BY', votes: { a: 4, b: 3, c: 3 } });
    expect(tie.next).toEqual({ kind: 'lot', purpose: 'runoff', among: ['b', 'c'], count: 1 });
    const drawn = round({ rules: 'GO-BY', votes: { a: 4, b: 3, c: 3 }, lots: [lot('runoff', ['b', 'c'], ['c'])] });
    expect(drawn.next).toEqual({ kind: 'secondRound', candidateIds: ['a', 'c'], seats: 1 });
  });

  it('Nein votes are invalid: a single candidate is elected with any Ja', () => {
    expect(round({ rules: 'GO-BY', votes: { a: 1 }, counts: counts(1, 8, 0) }).elected).toHaveLength(1);
    const none = round({ rules: 'GO-BY', votes: { a: 0 }, counts: counts(0, 9, 0) });
    expect(none.elected).toEqual([]);
    expect(none.next).toEqual({ kind: 'done' });
  });
});

describe('GO NRW § 50 Abs. 2: Nein votes are valid, engere Wahl of the best two', () => {
  it('a single candidate with as many Nein as Ja is not elected, and there is no engere Wahl', () => {
    const o = round({ rules: 'GO-NRW', votes: { a: 5 }, counts: counts(5, 5, 1) });
    expect(o.required).toBe(6);
    expect(o.elected).toEqual([]);
    expect(o.next).toEqual({ kind: 'done' });
  });

  it('abstentions are not valid votes', () => {
    expect(round({ rules: 'GO-NRW', votes: { a: 5, b: 4 }, counts: counts(9, 0, 3) }).elected.map((e) => e.candidateId)).toEqual(['a']);
  });
});

describe('GemO BW § 37 Abs. 7: majority of the members present and entitled', () => {
  it('abstentions count against: 5 of 10 present is not enough', () => {
    const o = round({ rules: 'GemO-BW', votes: { a: 5, b: 2 }, counts: counts(7, 0, 3), presentEligible: 10 });
    expect(o.required).toBe(6);
    expect(o.next).toEqual({ kind: 'secondRound', candidateIds: ['a', 'b'], seats: 1 });
  });

  it('a single candidate who missed the majority gets a second Wahlgang', () => {
    expect(round({ rules: 'GemO-BW', votes: { a: 5 }, counts: counts(5, 3, 2), presentEligible: 10 }).next.kind).toBe('secondRound');
  });
});

describe('several seats at once', () => {
  it('elects everyone above the majority, up to the seats, and runs off the rest with twice as many candidates', () => {
    const o = round({ rules: 'GO-NRW', seats: 3, votes: { a: 8, b: 7, c: 4, d: 3, e: 2, f: 1 }, counts: counts(10) });
    expect(o.required).toBe(6);
    expect(o.elected.map((e) => e.candidateId)).toEqual(['a', 'b']);
    expect(o.next).toEqual({ kind: 'secondRound', candidateIds: ['c', 'd'], seats: 1 });
  });

  it('more above the majority than seats: the best win, a tie on the last seat goes to the lot', () => {
    const o = round({ rules: 'GemO-BW', seats: 2, votes: { a: 9, b: 7, c: 7 }, counts: counts(10), presentEligible: 10 });
    expect(o.elected.map((e) => e.candidateId)).toEqual(['a']);
    expect(o.next).toEqual({ kind: 'lot', purpose: 'seat', among: ['b', 'c'], count: 1 });
    const drawn = round({ rules: 'GemO-BW', seats: 2, votes: { a: 9, b: 7, c: 7 }, counts: counts(10), presentEligible: 10, lots: [lot('seat', ['b', 'c'], ['c'])] });
    expect(drawn.elected.map((e) => [e.candidateId, e.byLot])).toEqual([['a', false], ['c', true]]);
    expect(drawn.next).toEqual({ kind: 'done' });
  });

  it('the second Wahlgang fills the remaining seats by the most votes', () => {
    const o = round({ rules: 'GO-NRW', stage: 2, seats: 2, votes: { c: 5, d: 5, e: 2 } });
    expect(o.elected.map((e) => e.candidateId)).toEqual(['c', 'd']);
  });
});

describe('ranking', () => {
  it('keeps ties in ballot order and picks exactly the places when the tie ends at the boundary', () => {
    expect(rank(['a', 'b', 'c'], { a: 1, b: 2, c: 2 }).map((s) => s.candidateId)).toEqual(['b', 'c', 'a']);
    expect(pickBest(rank(['a', 'b', 'c'], { a: 3, b: 3, c: 1 }), 2, undefined).chosen.map((s) => s.candidateId)).toEqual(['a', 'b']);
  });
});
