import type { Choice, Member, Poll } from '../meeting/model.ts';
import { ruleSet } from '../rules/ruleSets.ts';
import type { Language } from './wording.ts';

/**
 * Lines the minutes add below an item's result block: how the vote was taken (by hand,
 * secret, roll-call with the names per option) and that earlier rounds were declared invalid.
 */
export interface RecordInput {
  poll: Poll;
  /** Earlier rounds of the same item that were declared invalid, oldest first. */
  invalidRounds: Poll[];
  members: Member[];
  /** Roll-call only: each member's choice. */
  rollCall: Map<string, Choice>;
  rules: string;
}

const TEXT = {
  de: {
    hand: 'Abstimmung per Handzeichen.',
    secret: 'Geheime Abstimmung.',
    rollCall: 'Namentliche Abstimmung:',
    choice: { yes: 'Ja', no: 'Nein', abstain: 'Enthaltung' },
    none: 'keine',
    notVoted: 'Nicht abgestimmt',
    repeated: (round: number, at: string) => `Die ${round}. Abstimmung (${at} Uhr) wurde für ungültig erklärt und wiederholt.`,
  },
  en: {
    hand: 'Counted by show of hands.',
    secret: 'Secret ballot.',
    rollCall: 'Roll-call vote:',
    choice: { yes: 'Yes', no: 'No', abstain: 'Abstain' },
    none: 'none',
    notVoted: 'Did not vote',
    repeated: (round: number, at: string) => `Vote ${round} (${at}) was declared invalid and repeated.`,
  },
} as const;

const time = (iso: string, lang: Language) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(
    new Date(iso),
  );

export function recordNotes(r: RecordInput, lang: Language = 'de'): string[] {
  const l = TEXT[lang];
  const lines: string[] = [];
  if (r.poll.countedByHand) lines.push(l.hand);
  if (r.poll.mode === 'secret') lines.push(l.secret);
  if (r.poll.mode === 'rollCall') {
    const name = new Map(r.members.map((m) => [m.id, m.name]));
    const options: Choice[] = ruleSet(r.rules).allowsAbstention ? ['yes', 'no', 'abstain'] : ['yes', 'no'];
    lines.push(l.rollCall);
    for (const c of options) {
      const names = r.poll.eligibleMemberIds.filter((id) => r.rollCall.get(id) === c).map((id) => name.get(id) ?? id);
      lines.push(`  ${l.choice[c]}: ${names.length ? names.join(', ') : l.none}`);
    }
    const missing = r.poll.eligibleMemberIds.filter((id) => !r.rollCall.has(id)).map((id) => name.get(id) ?? id);
    if (missing.length) lines.push(`  ${l.notVoted}: ${missing.join(', ')}`);
  }
  for (const earlier of r.invalidRounds) lines.push(l.repeated(earlier.round, time(earlier.openedAt, lang)));
  return lines;
}
