import type { Choice, Member, Poll, VoteMode } from '../meeting/model.ts';
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

/** How one round was taken, by names: what the minutes and the printed results both say. */
export interface VoteFacts {
  countedByHand: boolean;
  mode: VoteMode;
  /** Roll-call only: each voter's choice, in the order of the member list. */
  named: readonly { name: string; choice: Choice }[];
  /** Roll-call only: members entitled to vote who did not, in the order of the member list. */
  notVoted: readonly string[];
  rules: string;
}

/** The notes on how a round was taken: by hand, secret, or roll-call with the names per option. */
export function voteNotes(f: VoteFacts, lang: Language = 'de'): string[] {
  const l = TEXT[lang];
  const lines: string[] = [];
  if (f.countedByHand) lines.push(l.hand);
  if (f.mode === 'secret') lines.push(l.secret);
  if (f.mode === 'rollCall') {
    const options: Choice[] = ruleSet(f.rules).allowsAbstention ? ['yes', 'no', 'abstain'] : ['yes', 'no'];
    lines.push(l.rollCall);
    for (const c of options) {
      const names = f.named.filter((v) => v.choice === c).map((v) => v.name);
      lines.push(`  ${l.choice[c]}: ${names.length ? names.join(', ') : l.none}`);
    }
    if (f.notVoted.length) lines.push(`  ${l.notVoted}: ${f.notVoted.join(', ')}`);
  }
  return lines;
}

export function recordNotes(r: RecordInput, lang: Language = 'de'): string[] {
  const name = new Map(r.members.map((m) => [m.id, m.name]));
  const eligible = r.poll.eligibleMemberIds;
  const lines = voteNotes(
    {
      countedByHand: r.poll.countedByHand,
      mode: r.poll.mode,
      named: eligible.flatMap((id) => {
        const choice = r.rollCall.get(id);
        return choice ? [{ name: name.get(id) ?? id, choice }] : [];
      }),
      notVoted: eligible.filter((id) => !r.rollCall.has(id)).map((id) => name.get(id) ?? id),
      rules: r.rules,
    },
    lang,
  );
  for (const earlier of r.invalidRounds) lines.push(TEXT[lang].repeated(earlier.round, time(earlier.openedAt, lang)));
  return lines;
}
