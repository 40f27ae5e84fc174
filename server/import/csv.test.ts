import { describe, expect, it } from 'vitest';
import { parseAgendaCsv, parseCsv, parseMembersCsv } from './csv.ts';

const members = ['\uFEFFName;Rolle;Stimmrecht', 'Herr Marotz;Vorsitz;ja', 'Frau Wilke;stellv. Vorsitzende;ja', '"Kirchmann; Jens";Mitglied;', 'Herr Ahrens;beratend;nein', 'Frau Nolte;member;1'].join('\r\n');
const agenda = ['TOP,Bezeichnung,öffentlich,Vorlage', 'Ö 1,Eröffnung,,', 'Ö 12,"Integrationskonzept ""2030""",ja,2022/032', 'N 1,Vergabe,,2022/041'].join('\n');

describe('CSV import', () => {
  it('reads members with German headers, semicolons, BOM and quotes', () => {
    const r = parseMembersCsv(members);
    expect(r.ok && r.data).toEqual([
      { id: 'm1', name: 'Herr Marotz', role: 'chair', votingRight: true },
      { id: 'm2', name: 'Frau Wilke', role: 'deputy', votingRight: true },
      { id: 'm3', name: 'Kirchmann; Jens', role: 'member', votingRight: true },
      { id: 'm4', name: 'Herr Ahrens', role: 'advisory', votingRight: false },
      { id: 'm5', name: 'Frau Nolte', role: 'member', votingRight: true },
    ]);
  });

  it('reads a Fraktion column; an empty cell is no group', () => {
    const r = parseMembersCsv(['Name;Fraktion;Stimmrecht', 'Herr Marotz;SPD-Fraktion;ja', 'Frau Wilke;;ja', 'Herr Kühn;CDU-Fraktion;ja'].join('\n'));
    expect(r.ok && r.data.map((m) => m.group)).toEqual(['SPD-Fraktion', null, 'CDU-Fraktion']);
    const en = parseMembersCsv(['name,group', 'Frau Nolte,Gruppe Grüne/FDP'].join('\n'));
    expect(en.ok && en.data[0]!.group).toBe('Gruppe Grüne/FDP');
  });

  it('reads the agenda with commas; public defaults from the number', () => {
    const r = parseAgendaCsv(agenda);
    expect(r.ok && r.data).toEqual([
      { number: 'Ö 1', name: 'Eröffnung', public: true, paper: null },
      { number: 'Ö 12', name: 'Integrationskonzept "2030"', public: true, paper: '2022/032' },
      { number: 'N 1', name: 'Vergabe', public: false, paper: '2022/041' },
    ]);
  });

  it.each([
    [members.replace('Frau Nolte;member;1', 'Frau Nolte;member;vielleicht'), 'members.csv line 6: votingRight "vielleicht" is not ja/nein'],
    [members.replace('Herr Ahrens;beratend;nein', ';beratend;nein'), 'members.csv line 5: name is empty'],
    [members.replace('Herr Marotz;Vorsitz;ja', 'Herr Marotz;Kaiser;ja'), 'members.csv line 2: role "Kaiser" is not one of Vorsitz, stellv. Vorsitz, Mitglied, beratend'],
    ['Vorname;Stimmrecht\nA;ja', 'members.csv line 1: no column "name" (header: Vorname, Stimmrecht)'],
  ])('names the line of a bad member row (%#)', (text, message) => {
    expect(parseMembersCsv(text)).toEqual({ ok: false, error: { code: 'invalid_payload', message } });
  });

  it('refuses an advisory member with a voting right, naming the line', () => {
    const text = 'Name;Rolle;Stimmrecht\nHerr A;Mitglied;ja\nFrau B;advisory;ja';
    expect(parseMembersCsv(text)).toEqual({ ok: false, error: { code: 'invalid_payload', message: 'members.csv line 3: an advisory member (beratend) cannot have a voting right' } });
  });

  it('counts lines inside quoted multi-line cells', () => {
    const text = 'Nummer;Name\nÖ 1;"zwei\nZeilen"\nÖ 2;';
    expect(parseAgendaCsv(text)).toEqual({ ok: false, error: { code: 'invalid_payload', message: 'agenda.csv line 4: name is empty' } });
    expect(parseCsv(text).map((r) => r.line)).toEqual([1, 2, 4]);
  });
});
