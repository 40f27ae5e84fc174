import type { Choice } from '../meeting/model.ts';
import type { Language } from './wording.ts';

/**
 * § 68 NKomVG (and its kin in the other codes): in an open vote a member may demand that the
 * minutes show how they voted. The clerk's sentence names who asked and what they chose:
 * "Auf Verlangen von Herrn Marotz wird vermerkt: Herr Marotz hat mit Nein gestimmt."
 */

/** "von" takes the dative: "Herr Marotz" becomes "Herrn Marotz"; "Frau" and bare names stay. */
export const dativeName = (name: string): string => name.replace(/^Herr(?=\s)/, 'Herrn');

const DE: Record<Choice, string> = { yes: 'hat mit Ja gestimmt', no: 'hat mit Nein gestimmt', abstain: 'hat sich der Stimme enthalten' };
const EN: Record<Choice, string> = { yes: 'voted yes', no: 'voted no', abstain: 'abstained' };

export function recordedVoteNote(name: string, choice: Choice, lang: Language = 'de'): string {
  return lang === 'en'
    ? `Recorded at the request of ${name}: ${name} ${EN[choice]}.`
    : `Auf Verlangen von ${dativeName(name)} wird vermerkt: ${name} ${DE[choice]}.`;
}
