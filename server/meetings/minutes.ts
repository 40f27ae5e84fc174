import type { ResultsScope } from '../../shared/export/results.ts';
import type { Choice } from '../../shared/meeting/model.ts';
import { ballotsOf, validPoll, type MeetingState } from '../../shared/meeting/state.ts';
import { minuteBlock } from '../../shared/minutes/block.ts';
import { DECISION_KIND_LABELS } from '../../shared/minutes/decisionKinds.ts';
import { recordNotes } from '../../shared/minutes/recordNotes.ts';
import { quorumCheckNote, type Language } from '../../shared/minutes/wording.ts';

/**
 * The minutes' result blocks: one per item whose valid round is closed or published (open
 * votes are never exported), and one per item without a vote that the clerk gave a
 * Beschlussart (e.g. "zur Kenntnis genommen"). `scope: 'public'` leaves non-public items out.
 */
export function minutesText(s: MeetingState, lang: Language = 'de', scope: ResultsScope = 'full'): string {
  const blocks: string[] = [];
  for (const item of s.meeting.agenda) {
    if (scope === 'public' && !item.public) continue;
    const kind = s.decisionKinds.get(item.id) ?? null;
    const poll = validPoll(s, item.id);
    if (!poll?.counts || poll.status === 'open') {
      if (kind) {
        const paper = item.paper ? ` (${lang === 'en' ? 'Paper' : 'Vorlage'} ${item.paper})` : '';
        blocks.push(`TOP ${item.number} – ${item.name}${paper}\n${lang === 'en' ? 'Decision' : 'Beschlussart'}: ${DECISION_KIND_LABELS[lang][kind]}`);
      }
      continue;
    }
    const rollCall = new Map<string, Choice>();
    if (poll.mode === 'rollCall') for (const b of ballotsOf(s, poll.id).values()) if (b.choice) rollCall.set(b.memberId, b.choice);
    const notes = recordNotes(
      {
        poll,
        invalidRounds: s.polls.filter((p) => p.itemId === item.id && p.status === 'invalid'),
        members: s.meeting.members,
        rollCall,
        rules: poll.rules,
      },
      lang,
    );
    const block = minuteBlock(
      {
        item,
        counts: poll.counts,
        majority: poll.majority,
        statutoryMembers: poll.statutoryMembers,
        rules: poll.rules,
        decisionKind: kind,
        excludedNames: s.meeting.members.filter((m) => poll.excludedMemberIds.includes(m.id)).map((m) => m.name),
        quorumOverride: poll.quorumOverridden ? poll.quorum : null,
      },
      lang,
    );
    blocks.push([block, ...notes].join('\n'));
  }
  const date = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date(s.meeting.start));
  const header = `${s.meeting.name}\n${s.meeting.body} – ${date}${s.meeting.location ? `, ${s.meeting.location}` : ''}`;
  const nonPublic = new Set(s.meeting.agenda.filter((i) => !i.public).map((i) => i.id));
  const checks = s.quorumChecks.filter((c) => scope === 'full' || !c.itemId || !nonPublic.has(c.itemId)).map((c) => quorumCheckNote(c, lang));
  return [header, ...(checks.length ? [checks.join('\n')] : []), ...blocks].join('\n\n') + '\n';
}
