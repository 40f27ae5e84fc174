import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../meeting/model.ts';
import { formatBlock, type FormattedItem } from './formats.ts';

const item: AgendaItem = { id: 'i1', number: 'Ö 12', name: 'Integrationskonzept des Landkreises Peine', public: true, paper: '2022/032' };
const decided = (yes: number, no: number, abstain: number, extra: Partial<FormattedItem> = {}): FormattedItem => ({
  item,
  counts: { yes, no, abstain },
  majority: 'simple',
  statutoryMembers: 11,
  rules: 'NKomVG',
  decisionKind: null,
  present: yes + no + abstain,
  ...extra,
});
const head = 'TOP Ö 12 – Integrationskonzept des Landkreises Peine (Vorlage 2022/032)';

describe('minute formats', () => {
  it('allris: the seed block, byte for byte', () => {
    expect(formatBlock('allris', decided(10, 0, 0))).toBe(
      [head, 'Beschlussart: ungeändert beschlossen', 'Abstimmungsergebnis: Einstimmig', 'Ja-Stimmen: 10', 'Nein-Stimmen: -', 'Enthaltung/en: -'].join('\n'),
    );
  });

  it('sessionNet: one line with the Befangen count, zero as 0', () => {
    expect(formatBlock('sessionNet', decided(9, 0, 0))).toBe(
      [head, 'Beschlussart: ungeändert beschlossen', 'Abstimmungsergebnis: Einstimmig', 'Ja: 9, Nein: 0, Enthaltungen: 0, Befangen: 0'].join('\n'),
    );
    expect(formatBlock('sessionNet', decided(6, 3, 1, { excludedNames: ['Frau Wilke'] }))).toBe(
      [
        head,
        'Beschlussart: ungeändert beschlossen',
        'Abstimmungsergebnis: Mehrheitlich',
        'Ja: 6, Nein: 3, Enthaltungen: 1, Befangen: 1',
        'Mitwirkungsverbot (§ 41 NKomVG): Frau Wilke',
      ].join('\n'),
    );
    expect(formatBlock('sessionNet', decided(9, 0, 0), 'en')).toContain('\nYes: 9, No: 0, Abstentions: 0, Excluded: 0');
  });

  it('bavarian: Ja, Nein and Anwesend', () => {
    expect(formatBlock('bavarian', decided(9, 2, 0, { rules: 'GO-BY' }))).toBe(
      [head, 'Beschlussart: ungeändert beschlossen', 'Abstimmungsergebnis: Mehrheitlich', 'Ja: 9, Nein: 2, Anwesend: 11'].join('\n'),
    );
    expect(formatBlock('bavarian', decided(9, 2, 0, { rules: 'GO-BY' }), 'en')).toContain('\nYes: 9, No: 2, Present: 11');
  });

  it('bavarian: counts the members present and entitled, not only those who voted', () => {
    expect(formatBlock('bavarian', decided(5, 4, 0, { rules: 'GO-BY', present: 10 }))).toContain('\nJa: 5, Nein: 4, Anwesend: 10');
  });

  it('bavarian under a rule set with abstentions keeps them in the line', () => {
    expect(formatBlock('bavarian', decided(7, 2, 2))).toContain('\nJa: 7, Nein: 2, Enthaltungen: 2, Anwesend: 11');
  });

  it('puts a group-wise wording into the result line of every format', () => {
    const resultText = 'Mehrheitlich gegen die Stimmen der CDU-Fraktion';
    for (const format of ['allris', 'sessionNet', 'bavarian'] as const) {
      expect(formatBlock(format, decided(6, 4, 0, { resultText }))).toContain(`\nAbstimmungsergebnis: ${resultText}\n`);
    }
  });
});
