import type { AgendaItem, Counts, MajorityKind, QuorumCount } from '../meeting/model.ts';
import { ruleSet } from '../rules/ruleSets.ts';
import { verdict, type Verdict } from '../rules/verdict.ts';
import { DECISION_KIND_LABELS, defaultDecisionKind, type DecisionKind } from './decisionKinds.ts';
import { exclusionNote, minuteNumber, qualifiedMajorityLine, quorumOverrideNote, resultWording, type Language } from './wording.ts';

export interface DecidedItem {
  item: AgendaItem;
  counts: Counts;
  majority: MajorityKind;
  statutoryMembers: number;
  rules: string;
  decisionKind: DecisionKind | null;
  /** Names of members excluded by a conflict of interest for this item. */
  excludedNames?: readonly string[];
  /** Quorum at the start when the chair voted without it. */
  quorumOverride?: QuorumCount | null;
  /** An amendment passed before this vote: the default Beschlussart is "geändert beschlossen" (if it passes). */
  amended?: boolean;
  /** Lines between the TOP line and the Beschlussart: the amendments' results (shared/motions/minuteLines.ts). */
  preamble?: readonly string[];
  /** The result in words when the chair had it minuted group-wise (replaces the plain wording). */
  resultText?: string | null;
}

const LABELS = {
  de: { paper: 'Vorlage', kind: 'Beschlussart', result: 'Abstimmungsergebnis', yes: 'Ja-Stimmen', no: 'Nein-Stimmen', abstain: 'Enthaltung/en' },
  en: { paper: 'Paper', kind: 'Decision', result: 'Result', yes: 'Yes votes', no: 'No votes', abstain: 'Abstentions' },
} as const;

/** The result block of one item, in the form the RIS (e.g. ALLRIS) shows it. */
export function minuteBlock(d: DecidedItem, lang: Language = 'de'): string {
  const l = LABELS[lang];
  const v = verdictOf(d);
  const lines = [itemHeading(d.item, lang), ...(d.preamble ?? []), `${l.kind}: ${DECISION_KIND_LABELS[lang][kindOf(d, v)]}`, ...countLines(d, v, lang)];
  lines.push(...resultNotes(d, v, lang));
  return lines.join('\n');
}

export const verdictOf = (d: Pick<DecidedItem, 'counts' | 'majority' | 'statutoryMembers'>): Verdict =>
  verdict(d.counts, { majority: d.majority, statutoryMembers: d.statutoryMembers });

const kindOf = (d: Pick<DecidedItem, 'decisionKind' | 'amended'>, v: Verdict): DecisionKind =>
  d.decisionKind ?? (d.amended && v.passed ? 'adoptedAmended' : defaultDecisionKind(v.passed));

/** Everything above the counts, the same in every minute format: TOP, amendments, Beschlussart, result. */
export function headLines(d: DecidedItem, v: Verdict, lang: Language = 'de'): string[] {
  const l = LABELS[lang];
  return [itemHeading(d.item, lang), ...(d.preamble ?? []), `${l.kind}: ${DECISION_KIND_LABELS[lang][kindOf(d, v)]}`, resultLine(d, v, lang)];
}

const resultLine = (d: Pick<DecidedItem, 'counts' | 'resultText'>, v: Verdict, lang: Language) =>
  `${LABELS[lang].result}: ${d.resultText ?? resultWording(v.outcome, d.counts.abstain, lang)}`;

/** "TOP Ö 12 – Integrationskonzept … (Vorlage 2022/032)". */
export function itemHeading(item: AgendaItem, lang: Language = 'de'): string {
  return `TOP ${item.number} – ${item.name}${item.paper ? ` (${LABELS[lang].paper} ${item.paper})` : ''}`;
}

/** "Abstimmungsergebnis" and the counts (no abstention line where the rules allow none). */
export function countLines(d: Pick<DecidedItem, 'counts' | 'rules' | 'resultText'>, v: Verdict, lang: Language = 'de'): string[] {
  const l = LABELS[lang];
  const lines = [
    resultLine(d, v, lang),
    `${l.yes}: ${minuteNumber(d.counts.yes)}`,
    `${l.no}: ${minuteNumber(d.counts.no)}`,
  ];
  if (ruleSet(d.rules).allowsAbstention) lines.push(`${l.abstain}: ${minuteNumber(d.counts.abstain)}`);
  return lines;
}

/** The lines below the counts: the qualified majority, a Mitwirkungsverbot, a vote without quorum. */
export function resultNotes(
  d: Pick<DecidedItem, 'statutoryMembers' | 'rules' | 'excludedNames' | 'quorumOverride'>,
  v: Verdict,
  lang: Language = 'de',
): string[] {
  const lines: string[] = [];
  const qualified = qualifiedMajorityLine(v, d.statutoryMembers, lang);
  if (qualified) lines.push(qualified);
  if (d.excludedNames?.length) lines.push(exclusionNote(d.excludedNames, ruleSet(d.rules).sources.exclusion, lang));
  if (d.quorumOverride) lines.push(quorumOverrideNote(d.quorumOverride, lang));
  return lines;
}
