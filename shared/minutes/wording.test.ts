import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../meeting/model.ts';
import { verdict } from '../rules/verdict.ts';
import { minuteBlock } from './block.ts';
import {
  exclusionNote,
  handCountNote,
  majorityLabel,
  qualifiedMajorityLine,
  quorumCheckNote,
  quorumOverrideNote,
  resultWording,
  verdictHeadline,
} from './wording.ts';

describe('result wording, German and English', () => {
  it.each([
    ['unanimous', 0, 'Einstimmig', 'Unanimous'],
    ['unanimousWithAbstentions', 1, 'Einstimmig bei 1 Enthaltung', 'Unanimous with 1 abstention'],
    ['unanimousWithAbstentions', 2, 'Einstimmig bei 2 Enthaltungen', 'Unanimous with 2 abstentions'],
    ['unanimousWithAbstentions', 11, 'Einstimmig bei 11 Enthaltungen', 'Unanimous with 11 abstentions'],
    ['majority', 3, 'Mehrheitlich', 'By majority'],
    ['rejected', 0, 'Abgelehnt', 'Rejected'],
  ] as const)('%s with %i abstentions', (outcome, abstentions, de, en) => {
    expect(resultWording(outcome, abstentions, 'de')).toBe(de);
    expect(resultWording(outcome, abstentions, 'en')).toBe(en);
  });

  it('headlines for the display', () => {
    expect(verdictHeadline('unanimousWithAbstentions')).toBe('Einstimmig angenommen');
    expect(verdictHeadline('majority', 'en')).toBe('Carried by majority');
  });

  it('labels the majority kinds', () => {
    expect(majorityLabel('twoThirdsCast', 12)).toBe('⅔ der abgegebenen');
    expect(majorityLabel('statutoryMajority', 41, 'en')).toBe('majority of the 41 statutory members');
  });

  it('notes a hand count, a missing quorum and the excluded members', () => {
    expect(handCountNote()).toBe('Abstimmung per Handzeichen, ausgezählt durch die Sitzungsleitung');
    expect(handCountNote('en')).toBe('Vote by show of hands, counted by the chair');
    expect(quorumOverrideNote({ present: 4, total: 10, required: 6, quorate: false })).toBe(
      'Bei Beginn der Abstimmung nicht beschlussfähig (4 von 10 stimmberechtigten Mitgliedern anwesend, 6 erforderlich); Abstimmung auf ausdrückliche Bestätigung der Sitzungsleitung',
    );
    expect(exclusionNote(['Frau Wilke', 'Herr Kühn'], '§ 41 NKomVG')).toBe('Mitwirkungsverbot (§ 41 NKomVG): Frau Wilke, Herr Kühn');
  });

  it('notes a challenged quorum with the Berlin time', () => {
    const check = { at: '2022-03-22T16:42:00Z', itemId: null, quorum: { present: 7, total: 10, required: 6, quorate: true } };
    expect(quorumCheckNote(check)).toBe('Beschlussfähigkeit angezweifelt (17:42 Uhr): 7 von 10 stimmberechtigten Mitgliedern anwesend – beschlussfähig');
    expect(quorumCheckNote(check, 'en')).toBe('Quorum challenged (17:42): 7 of 10 voting members present – quorate');
  });

  it('writes no qualified-majority line for a simple majority', () => {
    expect(qualifiedMajorityLine(verdict({ yes: 5, no: 1, abstain: 0 }, { majority: 'simple', statutoryMembers: 10 }), 10)).toBeNull();
  });
});

describe('minute block with the rule-set lines', () => {
  const item: AgendaItem = { id: 'i1', number: 'Ö 4', name: 'Hauptsatzung', public: true, paper: '2024/001' };

  it('adds the qualified majority, the Mitwirkungsverbot and the missing quorum', () => {
    const block = minuteBlock({
      item,
      counts: { yes: 7, no: 5, abstain: 1 },
      majority: 'twoThirdsCast',
      statutoryMembers: 14,
      rules: 'NKomVG',
      decisionKind: null,
      excludedNames: ['Frau Wilke'],
      quorumOverride: { present: 7, total: 14, required: 8, quorate: false },
    });
    expect(block).toBe(
      [
        'TOP Ö 4 – Hauptsatzung (Vorlage 2024/001)',
        'Beschlussart: abgelehnt',
        'Abstimmungsergebnis: Abgelehnt',
        'Ja-Stimmen: 7',
        'Nein-Stimmen: 5',
        'Enthaltung/en: 1',
        'Erforderliche Mehrheit: ⅔ der abgegebenen (8 Ja-Stimmen), erreicht: 7',
        'Mitwirkungsverbot (§ 41 NKomVG): Frau Wilke',
        'Bei Beginn der Abstimmung nicht beschlussfähig (7 von 14 stimmberechtigten Mitgliedern anwesend, 8 erforderlich); Abstimmung auf ausdrückliche Bestätigung der Sitzungsleitung',
      ].join('\n'),
    );
  });

  it('in English, under Bavarian rules: no abstention line, the state’s section for the exclusion', () => {
    const block = minuteBlock(
      { item, counts: { yes: 9, no: 2, abstain: 0 }, majority: 'statutoryMajority', statutoryMembers: 15, rules: 'GO-BY', decisionKind: null, excludedNames: ['Herr Kühn'] },
      'en',
    );
    expect(block).toBe(
      [
        'TOP Ö 4 – Hauptsatzung (Paper 2024/001)',
        'Decision: adopted unchanged',
        'Result: By majority',
        'Yes votes: 9',
        'No votes: 2',
        'Required majority: majority of the 15 statutory members (8 yes votes), achieved: 9',
        'Did not take part (conflict of interest, Art. 49 GO): Herr Kühn',
      ].join('\n'),
    );
  });
});
