import { describe, expect, it } from 'vitest';
import type { Member } from '../meeting/model.ts';
import { eligibleMemberIds, expectedVoters, ineligibility } from './eligibility.ts';
import { quorum, type QuorumFacts } from './quorum.ts';
import { RULE_SET_IDS } from './ruleSets.ts';

const facts = (present: number, excluded = 0, excludedPresent = excluded, total = 10): QuorumFacts => ({ total, present, excluded, excludedPresent });

describe('quorum per rule set (10 voting members)', () => {
  // rules, case, facts, quorate, counted present, required
  it.each([
    ['NKomVG', 'nobody checked in yet', facts(0), false, 0, 6],
    ['NKomVG', 'exactly half is not a majority', facts(5), false, 5, 6],
    ['NKomVG', 'majority present', facts(6), true, 6, 6],
    ['NKomVG', 'excluded members still count as present', facts(6, 2), true, 6, 6],
    ['GO-NRW', 'exactly half is not more than half', facts(5), false, 5, 6],
    ['GO-NRW', 'more than half present', facts(6, 1), true, 6, 6],
    ['GO-BY', 'majority present', facts(6), true, 6, 6],
    ['GO-BY', 'present but excluded members do not count', facts(6, 1), false, 5, 6],
    ['GemO-BW', 'half present suffices', facts(5), true, 5, 5],
    ['GemO-BW', 'excluded members do not count', facts(5, 1), false, 4, 5],
    ['GemO-BW', 'more than half excluded: a quarter suffices', facts(9, 6), true, 3, 3],
    ['GemO-BW', 'more than half excluded, fewer than a quarter left', facts(8, 6), false, 2, 3],
  ] as const)('%s: %s', (rules, _, f, quorate, present, required) => {
    expect(quorum(rules, f)).toEqual({ present, total: 10, required, quorate });
  });

  it.each(RULE_SET_IDS)('%s: a body without voting members is never quorate', (rules) => {
    expect(quorum(rules, facts(0, 0, 0, 0)).quorate).toBe(false);
  });

  it('odd sizes: 11 members need 6 (more than half) or 6 (at least half)', () => {
    expect(quorum('NKomVG', facts(6, 0, 0, 11)).quorate).toBe(true);
    expect(quorum('GemO-BW', facts(5, 0, 0, 11)).quorate).toBe(false);
    expect(quorum('GemO-BW', facts(6, 0, 0, 11)).required).toBe(6);
  });
});

describe('eligibility', () => {
  const m = (id: string, votingRight = true): Member => ({ id, name: id, role: votingRight ? 'member' : 'advisory', votingRight });
  const members = [m('a'), m('b'), m('c'), m('adv', false)];
  const f = { present: new Set(['a', 'b', 'adv']), excluded: new Set(['b']) };

  it('names why a member may not vote', () => {
    expect(members.map((x) => ineligibility(x, f))).toEqual([null, 'excluded', 'absent', 'noVotingRight']);
  });

  it('expects only eligible members', () => {
    expect(eligibleMemberIds(members, f)).toEqual(['a']);
  });

  it('keeps expecting a member who left after voting', () => {
    const afterLeaving = { present: new Set(['b']), excluded: new Set<string>() };
    expect(expectedVoters(members, afterLeaving, new Set(['a']))).toEqual(['a', 'b']);
  });
});
