import type { AgendaItem, Counts, MajorityKind } from '../meeting/model.ts';
import { countLines, resultNotes } from '../minutes/block.ts';
import type { Language } from '../minutes/wording.ts';
import { verdict } from '../rules/verdict.ts';

/**
 * The minutes' wording for amendments and Sammelabstimmung, in the form of the RIS result block
 * (shared/minutes/block.ts): each amendment's result under the item, before the main motion's.
 */

const TEXT = {
  de: {
    amendment: (n: number, mover: string) => `Änderungsantrag ${n} ${mover}:`,
    passed: 'Der Änderungsantrag ist angenommen.',
    rejected: 'Der Änderungsantrag ist abgelehnt.',
    mainAmended: 'Abstimmung über den Hauptantrag in der geänderten Fassung:',
    main: 'Abstimmung über den Hauptantrag:',
    bloc: (numbers: string) => `Abstimmung in Sammelabstimmung (TOP ${numbers}).`,
    blocTitle: (numbers: string) => `Sammelabstimmung TOP ${numbers}`,
  },
  en: {
    amendment: (n: number, mover: string) => `Amendment ${n} (${mover}):`,
    passed: 'The amendment was carried.',
    rejected: 'The amendment was rejected.',
    mainAmended: 'Vote on the main motion as amended:',
    main: 'Vote on the main motion:',
    bloc: (numbers: string) => `Voted en bloc (items ${numbers}).`,
    blocTitle: (numbers: string) => `Vote en bloc: items ${numbers}`,
  },
} as const;

export interface AmendmentResult {
  /** 1-based place in the item's order. */
  number: number;
  mover: string;
  text: string;
  counts: Counts;
  majority: MajorityKind;
  statutoryMembers: number;
  rules: string;
  excludedNames?: readonly string[];
  /** How the round was taken and earlier rounds declared invalid (shared/minutes/recordNotes.ts). */
  notes: readonly string[];
}

/** One amendment's result: who moved it, its wording, the counts and whether it passed. */
export function amendmentLines(a: AmendmentResult, lang: Language = 'de'): string[] {
  const l = TEXT[lang];
  const v = verdict(a.counts, { majority: a.majority, statutoryMembers: a.statutoryMembers });
  return [
    l.amendment(a.number, a.mover),
    ...a.text.split('\n'),
    ...countLines(a, v, lang),
    v.passed ? l.passed : l.rejected,
    ...resultNotes(a, v, lang),
    ...a.notes,
  ];
}

/**
 * What a round decided, for results.csv (after the item's name) and the printed results:
 * "Änderungsantrag 1 der SPD-Fraktion", "Sammelabstimmung TOP Ö 3, Ö 4"; null for the item itself.
 */
export function roundSubjectLabel(
  r: { amendment?: { number: number; mover: string } | null; bloc?: readonly string[] | null },
  lang: Language = 'de',
): string | null {
  if (r.amendment) return TEXT[lang].amendment(r.amendment.number, r.amendment.mover).slice(0, -1);
  if (r.bloc) return TEXT[lang].blocTitle(r.bloc.join(', '));
  return null;
}

/** The line that introduces the main motion's result after amendments. */
export const mainMotionHeading = (amended: boolean, lang: Language = 'de'): string => (amended ? TEXT[lang].mainAmended : TEXT[lang].main);

/** The note each item of a Sammelabstimmung carries below its counts, naming all items of the bloc. */
export function blocNote(items: readonly Pick<AgendaItem, 'number'>[], lang: Language = 'de'): string {
  return TEXT[lang].bloc(items.map((i) => i.number).join(', '));
}
