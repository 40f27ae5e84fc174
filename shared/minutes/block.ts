import type { AgendaItem, Counts, MajorityKind } from '../meeting/model.ts';
import { ruleSet } from '../rules/ruleSets.ts';
import { verdict } from '../rules/verdict.ts';
import { DECISION_KIND_LABELS, defaultDecisionKind, type DecisionKind } from './decisionKinds.ts';
import { minuteNumber, resultWording, type Language } from './wording.ts';

export interface DecidedItem {
  item: AgendaItem;
  counts: Counts;
  majority: MajorityKind;
  statutoryMembers: number;
  rules: string;
  decisionKind: DecisionKind | null;
}

const LABELS = {
  de: { paper: 'Vorlage', kind: 'Beschlussart', result: 'Abstimmungsergebnis', yes: 'Ja-Stimmen', no: 'Nein-Stimmen', abstain: 'Enthaltung/en' },
  en: { paper: 'Paper', kind: 'Decision', result: 'Result', yes: 'Yes votes', no: 'No votes', abstain: 'Abstentions' },
} as const;

/** The result block of one item, in the form the RIS (e.g. ALLRIS) shows it. */
export function minuteBlock(d: DecidedItem, lang: Language = 'de'): string {
  const l = LABELS[lang];
  const v = verdict(d.counts, { majority: d.majority, statutoryMembers: d.statutoryMembers });
  const kind = d.decisionKind ?? defaultDecisionKind(v.passed);
  const paper = d.item.paper ? ` (${l.paper} ${d.item.paper})` : '';
  const lines = [
    `TOP ${d.item.number} – ${d.item.name}${paper}`,
    `${l.kind}: ${DECISION_KIND_LABELS[lang][kind]}`,
    `${l.result}: ${resultWording(v.outcome, d.counts.abstain, lang)}`,
    `${l.yes}: ${minuteNumber(d.counts.yes)}`,
    `${l.no}: ${minuteNumber(d.counts.no)}`,
  ];
  if (ruleSet(d.rules).allowsAbstention) lines.push(`${l.abstain}: ${minuteNumber(d.counts.abstain)}`);
  return lines.join('\n');
}
