import { electionRule } from './electionRules.ts';
import type { Candidate, Lot, PollElection } from './model.ts';
import { isYesNoBallot } from './model.ts';
import type { RoundOutcome } from './outcome.ts';
import type { Language } from '../minutes/wording.ts';

/**
 * Election wording for the minutes and the screens, in the RIS's words ("Gewählt ist Frau X mit
 * 21 Stimmen."). Names are used only in the nominative ("Losentscheid: Herr X"), so no German
 * declension is needed.
 */

export const votesWord = (n: number, lang: Language = 'de'): string =>
  lang === 'en' ? `${n} ${n === 1 ? 'vote' : 'votes'}` : `${n} ${n === 1 ? 'Stimme' : 'Stimmen'}`;

export const electedLine = (name: string, votes: number, lang: Language = 'de'): string =>
  lang === 'en' ? `Elected: ${name} with ${votesWord(votes, lang)}.` : `Gewählt ist ${name} mit ${votesWord(votes, lang)}.`;

/** "1. Wahlgang", "2. Wahlgang" or "Stichwahl" (a second Wahlgang between the best). */
export function roundTitle(rules: string, stage: 1 | 2, lang: Language = 'de'): string {
  const runoff = stage === 2 && electionRule(rules).secondRound === 'runoffTopTwo';
  if (lang === 'en') return runoff ? 'Run-off' : stage === 1 ? 'First ballot' : 'Second ballot';
  return runoff ? 'Stichwahl' : `${stage}. Wahlgang`;
}

/** What it takes to be elected in this Wahlgang. */
export function requirementText(rules: string, outcome: Pick<RoundOutcome, 'required' | 'basis'>, lang: Language = 'de'): string {
  if (outcome.required === null || outcome.basis === null) {
    return lang === 'en' ? 'the most votes are elected' : 'gewählt ist, wer die meisten Stimmen erhält';
  }
  const basis = electionRule(rules).firstRoundBasis;
  const of =
    lang === 'en'
      ? { statutoryMembers: `majority of the ${outcome.basis} members`, validVotes: `more than half of the ${outcome.basis} valid votes`, presentEligible: `majority of the ${outcome.basis} members present and entitled to vote` }[basis]
      : { statutoryMembers: `Mehrheit der ${outcome.basis} Mitglieder`, validVotes: `mehr als die Hälfte der ${outcome.basis} gültigen Stimmen`, presentEligible: `Mehrheit der ${outcome.basis} anwesenden Stimmberechtigten` }[basis];
  return lang === 'en' ? `required: ${votesWord(outcome.required, lang)} (${of})` : `erforderlich: ${votesWord(outcome.required, lang)} (${of})`;
}

export function lotLine(lot: Lot, names: ReadonlyMap<string, string>, lang: Language = 'de'): string {
  const winners = lot.winners.map((id) => names.get(id) ?? id).join(', ');
  if (lang === 'en') {
    const by = lot.method === 'server' ? 'drawn by the chair in the console' : 'drawn by hand in the room';
    return `Tie${lot.purpose === 'runoff' ? ' for the run-off' : ''}. Decided by lot (${by}): ${winners}`;
  }
  const by = lot.method === 'server' ? 'von der Sitzungsleitung in der Konsole gezogen' : 'im Saal von Hand gezogen';
  return `Stimmengleichheit${lot.purpose === 'runoff' ? ' um die Teilnahme an der Stichwahl' : ''}. Losentscheid (${by}): ${winners}`;
}

const minuteNumber = (n: number) => (n === 0 ? '-' : String(n));

export interface RoundForMinutes {
  election: PollElection;
  counts: { yes: number; no: number; abstain: number };
  outcome: RoundOutcome;
}

/** The lines of one Wahlgang: title with the requirement, the votes, then what followed. */
export function roundLines(rules: string, r: RoundForMinutes, candidates: readonly Candidate[], lang: Language = 'de'): string[] {
  const names = new Map(candidates.map((c) => [c.id, c.name]));
  const lines = [`${roundTitle(rules, r.election.stage, lang)} – ${requirementText(rules, r.outcome, lang)}`];
  const votes = r.election.votes ?? {};
  if (isYesNoBallot(r.election)) {
    const name = names.get(r.election.candidateIds[0]!) ?? '';
    lines.push(
      `${name}: ${lang === 'en' ? 'Yes' : 'Ja'} ${minuteNumber(votes[r.election.candidateIds[0]!] ?? 0)}, ${lang === 'en' ? 'No' : 'Nein'} ${minuteNumber(r.counts.no)}`,
    );
  } else {
    for (const id of r.election.candidateIds) lines.push(`${names.get(id) ?? id}: ${votesWord(votes[id] ?? 0, lang)}`);
  }
  lines.push(`${lang === 'en' ? 'Abstentions' : 'Enthaltung/en'}: ${minuteNumber(r.counts.abstain)}`);
  for (const lot of r.outcome.lots) lines.push(lotLine(lot, names, lang));
  for (const e of r.outcome.elected) lines.push(electedLine(names.get(e.candidateId) ?? e.candidateId, e.votes, lang));
  const next = r.outcome.next;
  if (next.kind === 'secondRound') lines.push(lang === 'en' ? 'The required majority was not reached.' : 'Die erforderliche Mehrheit wurde nicht erreicht.');
  if (next.kind === 'lot') lines.push(lang === 'en' ? 'Tie: to be decided by lot.' : 'Stimmengleichheit: Losentscheid steht aus.');
  if (next.kind === 'done' && r.outcome.elected.length < r.election.seats) {
    lines.push(lang === 'en' ? 'Not elected.' : r.outcome.elected.length === 0 ? 'Niemand ist gewählt.' : 'Weitere Sitze blieben unbesetzt.');
  }
  return lines;
}

/** "Wahl nach § 67 NKomVG, geheim (auf Verlangen eines Mitglieds)". */
export function electionHeading(rules: string, secret: boolean, demanded: boolean, seats: number, lang: Language = 'de'): string {
  const rule = electionRule(rules);
  const how =
    lang === 'en'
      ? secret
        ? rule.alwaysSecret
          ? 'secret (by law)'
          : demanded
            ? 'secret (demanded by a member)'
            : 'secret'
        : 'open'
      : secret
        ? rule.alwaysSecret
          ? 'geheim (gesetzlich vorgeschrieben)'
          : demanded
            ? 'geheim (auf Verlangen eines Mitglieds)'
            : 'geheim'
        : 'offen';
  const seatsText = seats > 1 ? (lang === 'en' ? `, ${seats} seats` : `, ${seats} Sitze`) : '';
  return lang === 'en' ? `Election under ${rule.source}, ${how}${seatsText}` : `Wahl nach ${rule.source}, ${how}${seatsText}`;
}
