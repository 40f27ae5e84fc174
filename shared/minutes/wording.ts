import type { MajorityKind, QuorumCheck, QuorumCount } from '../meeting/model.ts';
import type { Outcome, Verdict } from '../rules/verdict.ts';

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

const votes = (n: number, lang: Language): string =>
  lang === 'en' ? `${n} yes ${n === 1 ? 'vote' : 'votes'}` : `${n} ${n === 1 ? 'Ja-Stimme' : 'Ja-Stimmen'}`;

/** The majority a vote needs, in words: "⅔ der abgegebenen", "Mehrheit der 10 gesetzlichen Mitglieder". */
export function majorityLabel(majority: MajorityKind, statutoryMembers: number, lang: Language = 'de'): string {
  const de: Record<MajorityKind, string> = {
    simple: 'Mehrheit der abgegebenen',
    twoThirdsCast: '⅔ der abgegebenen',
    statutoryMajority: `Mehrheit der ${statutoryMembers} gesetzlichen Mitglieder`,
    twoThirdsStatutory: `⅔ der ${statutoryMembers} gesetzlichen Mitglieder`,
  };
  const en: Record<MajorityKind, string> = {
    simple: 'majority of votes cast',
    twoThirdsCast: '⅔ of votes cast',
    statutoryMajority: `majority of the ${statutoryMembers} statutory members`,
    twoThirdsStatutory: `⅔ of the ${statutoryMembers} statutory members`,
  };
  return (lang === 'en' ? en : de)[majority];
}

/** The verdict explains itself: "Erforderlich: 8 Ja-Stimmen (⅔ der abgegebenen), erreicht: 7". */
export function verdictExplanation(v: Verdict, statutoryMembers: number, lang: Language = 'de'): string {
  if (v.majority === 'simple') {
    // Under a simple majority the Nein votes set the bar: "more Ja than Nein" says it plainly.
    const no = v.basis - v.achieved;
    return lang === 'en'
      ? `Required: more yes than no votes, achieved: ${v.achieved} to ${no}`
      : `Erforderlich: mehr Ja- als Nein-Stimmen, erreicht: ${v.achieved} zu ${no}`;
  }
  const label = majorityLabel(v.majority, statutoryMembers, lang);
  return lang === 'en'
    ? `Required: ${votes(v.required, lang)} (${label}), achieved: ${v.achieved}`
    : `Erforderlich: ${votes(v.required, lang)} (${label}), erreicht: ${v.achieved}`;
}

/** The minutes' line for a qualified majority; a simple majority needs no line. */
export function qualifiedMajorityLine(v: Verdict, statutoryMembers: number, lang: Language = 'de'): string | null {
  if (v.majority === 'simple') return null;
  const label = majorityLabel(v.majority, statutoryMembers, lang);
  return lang === 'en'
    ? `Required majority: ${label} (${votes(v.required, lang)}), achieved: ${v.achieved}`
    : `Erforderliche Mehrheit: ${label} (${votes(v.required, lang)}), erreicht: ${v.achieved}`;
}

/** Note for a vote counted by show of hands (the chair entered the numbers). */
export const handCountNote = (lang: Language = 'de'): string =>
  lang === 'en' ? 'Vote by show of hands, counted by the chair' : 'Abstimmung per Handzeichen, ausgezählt durch die Sitzungsleitung';

/** Note for a vote the chair started although the body was not quorate. */
export function quorumOverrideNote(q: QuorumCount, lang: Language = 'de'): string {
  return lang === 'en'
    ? `Not quorate when the vote began (${q.present} of ${q.total} voting members present, ${q.required} needed); the chair confirmed the vote`
    : `Bei Beginn der Abstimmung nicht beschlussfähig (${q.present} von ${q.total} stimmberechtigten Mitgliedern anwesend, ${q.required} erforderlich); Abstimmung auf ausdrückliche Bestätigung der Sitzungsleitung`;
}

/** Members who did not take part because of a conflict of interest, with the law's section. */
export function exclusionNote(names: readonly string[], source: string, lang: Language = 'de'): string {
  return lang === 'en'
    ? `Did not take part (conflict of interest, ${source}): ${names.join(', ')}`
    : `Mitwirkungsverbot (${source}): ${names.join(', ')}`;
}

const clock = (iso: string): string =>
  new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(new Date(iso));

/** A challenged quorum and what the count established. */
export function quorumCheckNote(c: QuorumCheck, lang: Language = 'de'): string {
  const { present, total, quorate } = c.quorum;
  return lang === 'en'
    ? `Quorum challenged (${clock(c.at)}): ${present} of ${total} voting members present – ${quorate ? 'quorate' : 'not quorate'}`
    : `Beschlussfähigkeit angezweifelt (${clock(c.at)} Uhr): ${present} von ${total} stimmberechtigten Mitgliedern anwesend – ${quorate ? 'beschlussfähig' : 'nicht beschlussfähig'}`;
}
