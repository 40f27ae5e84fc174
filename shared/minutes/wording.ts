import type { Outcome } from '../rules/verdict.ts';

export type Language = 'de' | 'en';

/** Result wording for the minutes ("Abstimmungsergebnis"). */
export function resultWording(outcome: Outcome, abstentions: number, lang: Language = 'de'): string {
  if (lang === 'en') {
    switch (outcome) {
      case 'unanimous':
        return 'Unanimous';
      case 'unanimousWithAbstentions':
        return `Unanimous with ${abstentions} ${abstentions === 1 ? 'abstention' : 'abstentions'}`;
      case 'majority':
        return 'By majority';
      case 'rejected':
        return 'Rejected';
    }
  }
  switch (outcome) {
    case 'unanimous':
      return 'Einstimmig';
    case 'unanimousWithAbstentions':
      return `Einstimmig bei ${abstentions} ${abstentions === 1 ? 'Enthaltung' : 'Enthaltungen'}`;
    case 'majority':
      return 'Mehrheitlich';
    case 'rejected':
      return 'Abgelehnt';
  }
}

/** Headline for the room display: whether the motion passed, in words the audience knows. */
export function verdictHeadline(outcome: Outcome, lang: Language = 'de'): string {
  const de: Record<Outcome, string> = {
    unanimous: 'Einstimmig angenommen',
    unanimousWithAbstentions: 'Einstimmig angenommen',
    majority: 'Mehrheitlich angenommen',
    rejected: 'Abgelehnt',
  };
  const en: Record<Outcome, string> = {
    unanimous: 'Carried unanimously',
    unanimousWithAbstentions: 'Carried unanimously',
    majority: 'Carried by majority',
    rejected: 'Rejected',
  };
  return (lang === 'en' ? en : de)[outcome];
}

/** Minutes write zero as "-". */
export const minuteNumber = (n: number): string => (n === 0 ? '-' : String(n));
