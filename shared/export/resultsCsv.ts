import type { Choice, MajorityKind, VoteMode } from '../meeting/model.ts';
import type { MeetingResults } from './results.ts';
import { roundSubjectLabel } from '../motions/minuteLines.ts';

/**
 * `results.csv`: one row per poll round; a roll-call round is followed by one row per member
 * with the name and choice. Semicolons and a BOM, because the clerk opens it in German Excel.
 */

const HEADER = ['TOP', 'Vorlage', 'Bezeichnung', 'Runde', 'Modus', 'Regel', 'Ja', 'Nein', 'Enthaltung', 'Ergebnis', 'Beschlussart', 'Beginn', 'Ende', 'Mitglied', 'Stimme'];

const MODE: Record<VoteMode, string> = { open: 'offen', rollCall: 'namentlich', secret: 'geheim' };
const MAJORITY: Record<MajorityKind, string> = {
  simple: 'einfache Mehrheit',
  twoThirdsCast: 'Zweidrittelmehrheit der abgegebenen Stimmen',
  statutoryMajority: 'Mehrheit der gesetzlichen Mitglieder',
  twoThirdsStatutory: 'Zweidrittelmehrheit der gesetzlichen Mitglieder',
};
const CHOICE: Record<Choice, string> = { yes: 'Ja', no: 'Nein', abstain: 'Enthaltung' };

/**
 * A text cell starting like a formula (OWASP's = + - @ tab CR, and their full-width forms that
 * some spreadsheets read as the same) gets a leading `'`. Numbers are left alone: a count must
 * stay a number.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Quotes when needed and neutralises formulas. */
function cell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function resultsCsv(r: MeetingResults): string {
  const rows: (string | number | null)[][] = [HEADER];
  for (const item of r.items) {
    for (const round of item.rounds) {
      // An amendment's or a bloc's round says so after the item's name: several rounds of one item are different questions.
      const subject = roundSubjectLabel(round);
      const name = subject ? `${item.name} – ${subject}` : item.name;
      if (round.election) {
        // A Wahlgang: its result line, then one row per candidate (`Mitglied` = the candidate, `Stimme` = the votes).
        const e = round.election;
        const rule = `${round.rules}: ${e.title}`;
        const result = round.status === 'invalid' ? 'ungültig' : e.result;
        rows.push([item.number, item.paper, item.name, round.round, `${MODE[round.mode]} (Wahl)`, rule, null, null, round.counts?.abstain ?? null, result, null, round.openedAt, round.closedAt, null, null]);
        for (const c of e.candidates) rows.push([item.number, item.paper, item.name, round.round, `${MODE[round.mode]} (Wahl)`, rule, null, null, null, c.elected ? 'gewählt' : null, null, null, null, c.name, c.votes]);
        continue;
      }
      const rule = `${r.meeting.rules}: ${MAJORITY[round.majority]}`;
      rows.push([
        item.number,
        item.paper,
        name,
        round.round,
        MODE[round.mode],
        rule,
        round.counts?.yes ?? null,
        round.counts?.no ?? null,
        r.meeting.rules === 'GO-BY' ? null : (round.counts?.abstain ?? null),
        round.status === 'invalid' ? 'ungültig' : round.result,
        round.decisionKindLabel,
        round.openedAt,
        round.closedAt,
        null,
        null,
      ]);
      for (const v of round.namedVotes ?? []) {
        rows.push([item.number, item.paper, name, round.round, MODE[round.mode], rule, null, null, null, null, null, null, null, v.name, CHOICE[v.choice]]);
      }
    }
  }
  return '\uFEFF' + rows.map((row) => row.map(cell).join(';')).join('\r\n') + '\r\n';
}
