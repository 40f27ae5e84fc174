import type { MinuteFormat } from '../../meeting/model.ts';
import { ruleSet } from '../../rules/ruleSets.ts';
import { headLines, minuteBlock, resultNotes, verdictOf, type DecidedItem } from '../block.ts';
import type { Language } from '../wording.ts';

/**
 * The result block in the form the meeting's RIS takes it (chosen per meeting):
 *
 * - `allris` (default): the ALLRIS block, one line per count, zero written as "-" (the seed).
 * - `sessionNet`: the counts in one line with the Mitwirkungsverbot count,
 *   "Ja: 9, Nein: 0, Enthaltungen: 0, Befangen: 0" (numbers as digits, zero as 0).
 * - `bavarian`: "Ja: 9, Nein: 2, Anwesend: 11" — Bavarian minutes have no abstention field;
 *   "Anwesend" is the number of members present and entitled to vote on the item when the vote
 *   closed (excluded members do not count). A meeting that allows abstentions and has some
 *   gets ", Enthaltungen: N" before "Anwesend", so no vote disappears from the record.
 *
 * Head (TOP, Beschlussart, Abstimmungsergebnis) and the notes below are the same in all three.
 */

export interface FormattedItem extends DecidedItem {
  /** Members present and entitled to vote on the item when the vote closed. */
  present: number;
}

const ONE_LINE = {
  de: { yes: 'Ja', no: 'Nein', abstain: 'Enthaltungen', excluded: 'Befangen', present: 'Anwesend' },
  en: { yes: 'Yes', no: 'No', abstain: 'Abstentions', excluded: 'Excluded', present: 'Present' },
} as const;

type CountsOf = Pick<FormattedItem, 'counts' | 'excludedNames' | 'rules' | 'present'>;

export function sessionNetLine(d: CountsOf, lang: Language = 'de'): string {
  const l = ONE_LINE[lang];
  const c = d.counts;
  return `${l.yes}: ${c.yes}, ${l.no}: ${c.no}, ${l.abstain}: ${c.abstain}, ${l.excluded}: ${d.excludedNames?.length ?? 0}`;
}

export function bavarianLine(d: CountsOf, lang: Language = 'de'): string {
  const l = ONE_LINE[lang];
  const c = d.counts;
  const abstain = c.abstain > 0 && ruleSet(d.rules).allowsAbstention ? `, ${l.abstain}: ${c.abstain}` : '';
  return `${l.yes}: ${c.yes}, ${l.no}: ${c.no}${abstain}, ${l.present}: ${d.present}`;
}

export function formatBlock(format: MinuteFormat, d: FormattedItem, lang: Language = 'de'): string {
  if (format === 'allris') return minuteBlock(d, lang);
  const v = verdictOf(d);
  const counts = format === 'sessionNet' ? sessionNetLine(d, lang) : bavarianLine(d, lang);
  return [...headLines(d, v, lang), counts, ...resultNotes(d, v, lang)].join('\n');
}
