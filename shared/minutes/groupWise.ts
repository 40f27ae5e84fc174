import { byGroup } from '../meeting/groups.ts';
import type { Choice } from '../meeting/model.ts';
import type { Outcome } from '../rules/verdict.ts';
import { resultWording, type Language } from './wording.ts';

/**
 * Group-wise minuting of an open vote ("fraktionsweise protokollieren"): the result in the
 * words a clerk writes, "Mehrheitlich gegen die Stimmen der CDU-Fraktion bei Enthaltung der
 * FDP-Fraktion", derived from the open ballots.
 *
 * - Only votes against the outcome and abstentions are named; the side that carried the day is
 *   what is left. Against the outcome means Nein when the motion passed and Ja when it was
 *   rejected ("abgelehnt gegen die Stimmen der SPD-Fraktion": the SPD voted for it), as in
 *   German minutes.
 * - A group is named as a whole when every member of it who voted chose the same; a group whose
 *   voters split is named with the number of its votes ("2 Stimmen aus der SPD-Fraktion").
 * - Members without a group are counted as "fraktionslose Mitglieder", never as a group.
 * - All cast votes Ja: "Einstimmig", nothing to name.
 */

export interface GroupBallot {
  group: string | null;
  choice: Choice;
}

interface Named {
  /** Groups whose voters all chose this option, in order of appearance. */
  whole: { group: string; voters: number }[];
  /** Votes for this option from split groups, and (group null) from members without a group. */
  partial: { group: string | null; votes: number }[];
}

function gather(ballots: readonly GroupBallot[], choice: Choice): Named {
  const named: Named = { whole: [], partial: [] };
  for (const { group, entries } of byGroup(ballots, (b) => b.group)) {
    const votes = entries.filter((b) => b.choice === choice).length;
    if (votes === 0) continue;
    if (group !== null && votes === entries.length) named.whole.push({ group, voters: votes });
    else named.partial.push({ group, votes });
  }
  return named;
}

function list(parts: string[], and: string): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1)}`;
}

const DE = {
  // "gegen" takes the accusative.
  against(n: Named): string {
    const parts: string[] = [];
    if (n.whole.length) {
      const voters = n.whole.reduce((sum, g) => sum + g.voters, 0);
      parts.push(`${voters === 1 ? 'die Stimme' : 'die Stimmen'} ${list(n.whole.map((g) => `der ${g.group}`), 'und')}`);
    }
    for (const p of n.partial) {
      const votes = p.votes === 1 ? 'eine Stimme' : `${p.votes} Stimmen`;
      parts.push(p.group === null ? `${votes} ${p.votes === 1 ? 'eines fraktionslosen Mitglieds' : 'fraktionsloser Mitglieder'}` : `${votes} aus der ${p.group}`);
    }
    return parts.length ? `gegen ${list(parts, 'und')}` : '';
  },
  // "bei" takes the dative.
  abstain(n: Named): string {
    const parts: string[] = [];
    if (n.whole.length) parts.push(`Enthaltung ${list(n.whole.map((g) => `der ${g.group}`), 'und')}`);
    for (const p of n.partial) {
      const votes = p.votes === 1 ? 'einer Enthaltung' : `${p.votes} Enthaltungen`;
      parts.push(p.group === null ? `${votes} ${p.votes === 1 ? 'eines fraktionslosen Mitglieds' : 'fraktionsloser Mitglieder'}` : `${votes} aus der ${p.group}`);
    }
    return parts.length ? `bei ${list(parts, 'und')}` : '';
  },
  head: { unanimousWithAbstentions: 'Einstimmig', majority: 'Mehrheitlich', rejected: 'Abgelehnt' },
};

const EN = {
  against(n: Named): string {
    const parts: string[] = [];
    if (n.whole.length) {
      const voters = n.whole.reduce((sum, g) => sum + g.voters, 0);
      parts.push(`${voters === 1 ? 'the vote' : 'the votes'} of ${list(n.whole.map((g) => `the ${g.group}`), 'and')}`);
    }
    for (const p of n.partial) {
      const votes = p.votes === 1 ? '1 vote' : `${p.votes} votes`;
      parts.push(p.group === null ? `${votes} of ${p.votes === 1 ? 'a member' : 'members'} without a group` : `${votes} from the ${p.group}`);
    }
    return parts.length ? `against ${list(parts, 'and')}` : '';
  },
  abstain(n: Named): string {
    const parts: string[] = [];
    if (n.whole.length) parts.push(`the abstention of ${list(n.whole.map((g) => `the ${g.group}`), 'and')}`);
    for (const p of n.partial) {
      const votes = p.votes === 1 ? '1 abstention' : `${p.votes} abstentions`;
      parts.push(p.group === null ? `${votes} of ${p.votes === 1 ? 'a member' : 'members'} without a group` : `${votes} from the ${p.group}`);
    }
    return parts.length ? `with ${list(parts, 'and')}` : '';
  },
  head: { unanimousWithAbstentions: 'Unanimous', majority: 'By majority', rejected: 'Rejected' },
};

/** The result line of a vote minuted group-wise; `outcome` is the verdict's (qualified majorities included). */
export function groupWiseWording(ballots: readonly GroupBallot[], outcome: Outcome, lang: Language = 'de'): string {
  if (outcome === 'unanimous') return resultWording(outcome, 0, lang);
  const t = lang === 'en' ? EN : DE;
  const against: Choice = outcome === 'rejected' ? 'yes' : 'no';
  return [t.head[outcome], t.against(gather(ballots, against)), t.abstain(gather(ballots, 'abstain'))].filter(Boolean).join(' ');
}
