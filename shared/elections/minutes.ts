import type { AgendaItem } from '../meeting/model.ts';
import type { MeetingState } from '../meeting/state.ts';
import { exclusionNote, quorumOverrideNote, type Language } from '../minutes/wording.ts';
import { ruleSet } from '../rules/ruleSets.ts';
import { progressOf } from './decide.ts';
import type { Election } from './model.ts';
import { electionHeading, roundLines } from './wording.ts';

const clock = (iso: string): string =>
  new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(new Date(iso));

/**
 * The minutes' block of an election: every counted Wahlgang with its votes, lots and who is
 * elected. Null while no Wahlgang is counted (an open one is never exported).
 */
export function electionMinuteBlock(s: MeetingState, item: AgendaItem, election: Election, lang: Language = 'de'): string | null {
  const rounds = s.polls.filter((p) => p.itemId === item.id && p.election);
  const counted = rounds.filter((p) => p.status !== 'open' && p.status !== 'invalid' && p.counts && p.election?.votes);
  if (counted.length === 0) return null;
  const progress = progressOf(s, election);
  const first = counted[0]!;
  const paper = item.paper ? ` (${lang === 'en' ? 'Paper' : 'Vorlage'} ${item.paper})` : '';
  const lines = [
    `TOP ${item.number} – ${item.name}${paper}`,
    electionHeading(first.rules, first.mode === 'secret', election.secretDemandedAt !== null, election.seats, lang),
  ];
  for (const p of counted) {
    const outcome = progress.outcomes[p.id];
    if (!outcome) continue;
    lines.push(...roundLines(p.rules, { election: p.election!, counts: p.counts!, outcome }, election.candidates, lang));
    if (p.countedByHand) {
      lines.push(lang === 'en' ? 'Counted in the room (ballots or show of hands) and entered by the chair.' : 'Im Saal ausgezählt (Stimmzettel oder Handzeichen) und von der Sitzungsleitung eingetragen.');
    }
  }
  const excluded = s.meeting.members.filter((m) => first.excludedMemberIds.includes(m.id)).map((m) => m.name);
  if (excluded.length) lines.push(exclusionNote(excluded, ruleSet(first.rules).sources.exclusion, lang));
  for (const p of counted) if (p.quorumOverridden) lines.push(quorumOverrideNote(p.quorum, lang));
  for (const p of rounds.filter((r) => r.status === 'invalid')) {
    lines.push(
      lang === 'en'
        ? `The ballot of ${clock(p.openedAt)} was declared invalid and repeated.`
        : `Der Wahlgang von ${clock(p.openedAt)} Uhr wurde für ungültig erklärt und wiederholt.`,
    );
  }
  return lines.join('\n');
}
