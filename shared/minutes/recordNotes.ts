import type { Choice, Member, Poll, VoteMode } from '../meeting/model.ts';
import { byGroup, groupOf } from '../meeting/groups.ts';
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
    noGroup: 'fraktionslos',
    notVoted: 'Nicht abgestimmt',
    repeated: (round: number, at: string) => `Die ${round}. Abstimmung (${at} Uhr) wurde für ungültig erklärt und wiederholt.`,
  },
  en: {
    hand: 'Counted by show of hands.',
    secret: 'Secret ballot.',
    rollCall: 'Roll-call vote:',
    choice: { yes: 'Yes', no: 'No', abstain: 'Abstain' },
    none: 'none',
    noGroup: 'no group',
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
  named: readonly { name: string; choice: Choice; group?: string | null }[];
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
    const grouped = f.named.some((v) => v.group);
    lines.push(l.rollCall);
    for (const c of options) {
      const voters = f.named.filter((v) => v.choice === c);
      lines.push(`  ${l.choice[c]}: ${voters.length ? namesOf(voters, grouped, l.noGroup) : l.none}`);
    }
    if (f.notVoted.length) lines.push(`  ${l.notVoted}: ${f.notVoted.join(', ')}`);
  }
  return lines;
}

/** With Fraktionen: "Herr A, Herr B (CDU-Fraktion); Frau C (fraktionslos)", groups in order of appearance. */
function namesOf(voters: readonly { name: string; group?: string | null }[], grouped: boolean, noGroup: string): string {
  if (!grouped) return voters.map((v) => v.name).join(', ');
  return byGroup(voters, (v) => v.group ?? null)
    .map((g) => `${g.entries.map((v) => v.name).join(', ')} (${g.group ?? noGroup})`)
    .join('; ');
}

export function recordNotes(r: RecordInput, lang: Language = 'de'): string[] {
  const name = new Map(r.members.map((m) => [m.id, m.name]));
  const group = new Map(r.members.map((m) => [m.id, groupOf(m)]));
  const eligible = r.poll.eligibleMemberIds;
  const lines = voteNotes(
    {
      countedByHand: r.poll.countedByHand,
      mode: r.poll.mode,
      named: eligible.flatMap((id) => {
        const choice = r.rollCall.get(id);
        return choice ? [{ name: name.get(id) ?? id, choice, group: group.get(id) ?? null }] : [];
      }),
      notVoted: eligible.filter((id) => !r.rollCall.has(id)).map((id) => name.get(id) ?? id),
      rules: r.rules,
    },
    lang,
  );
  for (const earlier of r.invalidRounds) lines.push(TEXT[lang].repeated(earlier.round, time(earlier.openedAt, lang)));
  return lines;
}
