import { verdictExplanation } from '../../shared/minutes/wording.ts';
import type { Verdict } from '../../shared/rules/verdict.ts';
import { lang } from '../i18n/i18n.ts';

/** "Erforderlich: 8 Ja-Stimmen (⅔ der abgegebenen), erreicht: 7" under a result. */
export function VerdictExplanation({ verdict, statutoryMembers, class: className = '' }: { verdict: Verdict; statutoryMembers: number; class?: string }) {
  return <p class={`verdict-explanation ${className}`}>{verdictExplanation(verdict, statutoryMembers, lang.value)}</p>;
}
