import { describe, expect, it } from 'vitest';
import type { Counts, MajorityKind } from '../meeting/model.ts';
import { minuteBlock } from '../minutes/block.ts';
import { verdictExplanation } from '../minutes/wording.ts';
import { RULE_SET_IDS, ruleSet } from './ruleSets.ts';
import { verdict, type Outcome } from './verdict.ts';

const c = (yes: number, no: number, abstain: number): Counts => ({ yes, no, abstain });
const STATUTORY = 12;

/** Every majority kind with its edge cases; statutory members: 12. */
const CASES: [MajorityKind, string, Counts, boolean, Outcome, number][] = [
  // kind, case, counts, passed, outcome, required Ja
  ['simple', 'zero votes cast', c(0, 0, 0), false, 'rejected', 1],
  ['simple', 'all abstain', c(0, 0, 12), false, 'rejected', 1],
  ['simple', 'tie', c(5, 5, 2), false, 'rejected', 6],
  ['simple', 'one vote ahead', c(6, 5, 1), true, 'majority', 6],
  ['simple', 'unanimous', c(12, 0, 0), true, 'unanimous', 1],
  ['simple', 'one Ja, the rest abstain', c(1, 0, 11), true, 'unanimousWithAbstentions', 1],
  ['twoThirdsCast', 'zero votes cast', c(0, 0, 0), false, 'rejected', 1],
  ['twoThirdsCast', 'all abstain', c(0, 0, 12), false, 'rejected', 1],
  ['twoThirdsCast', 'exactly two thirds', c(8, 4, 0), true, 'majority', 8],
  ['twoThirdsCast', 'one short of two thirds', c(7, 5, 0), false, 'rejected', 8],
  ['twoThirdsCast', 'abstentions are not part of the basis', c(8, 4, 3), true, 'majority', 8],
  ['twoThirdsCast', 'tie', c(6, 6, 0), false, 'rejected', 8],
  ['statutoryMajority', 'zero votes cast', c(0, 0, 0), false, 'rejected', 7],
  ['statutoryMajority', 'unanimous but too many absent', c(6, 0, 0), false, 'rejected', 7],
  ['statutoryMajority', 'just enough with absentees', c(7, 0, 0), true, 'unanimous', 7],
  ['statutoryMajority', 'majority of the cast, not of the members', c(6, 5, 1), false, 'rejected', 7],
  ['statutoryMajority', 'all abstain', c(0, 0, 12), false, 'rejected', 7],
  ['twoThirdsStatutory', 'two thirds of the members', c(8, 4, 0), true, 'majority', 8],
  ['twoThirdsStatutory', 'one short', c(7, 1, 0), false, 'rejected', 8],
  ['twoThirdsStatutory', 'unanimous but too many absent', c(5, 0, 0), false, 'rejected', 8],
  ['twoThirdsStatutory', 'tie', c(6, 6, 0), false, 'rejected', 8],
];

describe.each(CASES)('%s: %s', (majority, _, counts, passed, outcome, required) => {
  it('decides and explains the verdict', () => {
    const v = verdict(counts, { majority, statutoryMembers: STATUTORY });
    expect(v).toMatchObject({ passed, outcome, required, achieved: counts.yes, majority });
    expect(verdictExplanation(v, STATUTORY)).toMatch(/^Erforderlich: /);
  });

  // Every state decides the same way (see ruleSets.ts); they differ in whether an abstention
  // exists at all, so Bavaria only meets the cases without one.
  it.each(RULE_SET_IDS.filter((id) => ruleSet(id).allowsAbstention || counts.abstain === 0))('words the minutes under %s', (rules) => {
    const block = minuteBlock({
      item: { id: 'i1', number: 'Ö 1', name: 'Satzung', public: true, paper: null },
      counts,
      majority,
      statutoryMembers: STATUTORY,
      rules,
      decisionKind: null,
    });
    expect(block).toContain(`Beschlussart: ${passed ? 'ungeändert beschlossen' : 'abgelehnt'}`);
    const wording = { unanimous: 'Einstimmig', unanimousWithAbstentions: 'Einstimmig bei', majority: 'Mehrheitlich', rejected: 'Abgelehnt' }[outcome];
    expect(block).toContain(`Abstimmungsergebnis: ${wording}`);
    expect(block.includes('Enthaltung/en:')).toBe(ruleSet(rules).allowsAbstention);
    expect(block.includes('Erforderliche Mehrheit:')).toBe(majority !== 'simple');
  });
});

describe('the verdict explains itself', () => {
  const s = { statutoryMembers: STATUTORY };
  it.each([
    ['twoThirdsCast', c(7, 5, 0), 'Erforderlich: 8 Ja-Stimmen (⅔ der abgegebenen), erreicht: 7', 'Required: 8 yes votes (⅔ of votes cast), achieved: 7'],
    ['twoThirdsCast', c(1, 0, 0), 'Erforderlich: 1 Ja-Stimme (⅔ der abgegebenen), erreicht: 1', 'Required: 1 yes vote (⅔ of votes cast), achieved: 1'],
    ['statutoryMajority', c(6, 0, 0), 'Erforderlich: 7 Ja-Stimmen (Mehrheit der 12 gesetzlichen Mitglieder), erreicht: 6', 'Required: 7 yes votes (majority of the 12 statutory members), achieved: 6'],
    ['twoThirdsStatutory', c(8, 1, 0), 'Erforderlich: 8 Ja-Stimmen (⅔ der 12 gesetzlichen Mitglieder), erreicht: 8', 'Required: 8 yes votes (⅔ of the 12 statutory members), achieved: 8'],
    ['simple', c(6, 3, 1), 'Erforderlich: mehr Ja- als Nein-Stimmen, erreicht: 6 zu 3', 'Required: more yes than no votes, achieved: 6 to 3'],
  ] as const)('%s %o', (majority, counts, de, en) => {
    const v = verdict(counts, { majority, ...s });
    expect(verdictExplanation(v, STATUTORY, 'de')).toBe(de);
    expect(verdictExplanation(v, STATUTORY, 'en')).toBe(en);
  });
});
