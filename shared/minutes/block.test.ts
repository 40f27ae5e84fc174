import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../meeting/model.ts';
import { minuteBlock } from './block.ts';
import { minuteNumber, resultWording } from './wording.ts';

const item: AgendaItem = { id: 'i1', number: 'Ö 12', name: 'Integrationskonzept des Landkreises Peine', public: true, paper: '2022/032' };
const block = (yes: number, no: number, abstain: number, rules = 'NKomVG') =>
  minuteBlock({ item, counts: { yes, no, abstain }, majority: 'simple', statutoryMembers: 10, rules, decisionKind: null });

describe('minute block (seed form)', () => {
  it('reproduces the seed minute: 10 Ja, unanimous', () => {
    expect(block(10, 0, 0)).toBe(
      [
        'TOP Ö 12 – Integrationskonzept des Landkreises Peine (Vorlage 2022/032)',
        'Beschlussart: ungeändert beschlossen',
        'Abstimmungsergebnis: Einstimmig',
        'Ja-Stimmen: 10',
        'Nein-Stimmen: -',
        'Enthaltung/en: -',
      ].join('\n'),
    );
  });

  it('words a rejection and defaults the Beschlussart to abgelehnt', () => {
    expect(block(4, 4, 2)).toContain('Beschlussart: abgelehnt\nAbstimmungsergebnis: Abgelehnt\nJa-Stimmen: 4\nNein-Stimmen: 4\nEnthaltung/en: 2');
  });

  it('has no abstention line under Bavarian rules', () => {
    expect(block(9, 2, 0, 'GO-BY')).not.toContain('Enthaltung');
  });

  it('leaves out the paper when there is none', () => {
    expect(minuteBlock({ item: { ...item, paper: null }, counts: { yes: 1, no: 0, abstain: 0 }, majority: 'simple', statutoryMembers: 1, rules: 'NKomVG', decisionKind: 'noted' })).toMatch(
      /^TOP Ö 12 – Integrationskonzept des Landkreises Peine\nBeschlussart: zur Kenntnis genommen\n/,
    );
  });
});

describe('wording', () => {
  it('writes zero as a dash', () => {
    expect(minuteNumber(0)).toBe('-');
    expect(minuteNumber(7)).toBe('7');
  });
  it('gets the German plural right', () => {
    expect(resultWording('unanimousWithAbstentions', 1)).toBe('Einstimmig bei 1 Enthaltung');
    expect(resultWording('unanimousWithAbstentions', 5)).toBe('Einstimmig bei 5 Enthaltungen');
    expect(resultWording('unanimousWithAbstentions', 1, 'en')).toBe('Unanimous with 1 abstention');
  });
});
