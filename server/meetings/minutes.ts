import type { MeetingState } from '../../shared/meeting/state.ts';
import { minuteBlock } from '../../shared/minutes/block.ts';
import { quorumCheckNote, type Language } from '../../shared/minutes/wording.ts';

/**
 * The minutes' result blocks: one per item whose newest vote is closed or published.
 * Open votes are never exported.
 */
export function minutesText(s: MeetingState, lang: Language = 'de'): string {
  const blocks: string[] = [];
  for (const item of s.meeting.agenda) {
    const poll = s.polls.findLast((p) => p.itemId === item.id && p.status !== 'invalid');
    if (!poll?.counts || poll.status === 'open') continue;
    blocks.push(
      minuteBlock(
        {
          item,
          counts: poll.counts,
          majority: poll.majority,
          statutoryMembers: s.statutoryMembers,
          rules: s.meeting.rules,
          decisionKind: null,
          excludedNames: s.meeting.members.filter((m) => poll.excludedMemberIds.includes(m.id)).map((m) => m.name),
          quorumOverride: poll.quorumOverridden ? poll.quorum : null,
        },
        lang,
      ),
    );
  }
  const date = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date(s.meeting.start));
  const header = `${s.meeting.name}\n${s.meeting.body} – ${date}${s.meeting.location ? `, ${s.meeting.location}` : ''}`;
  const checks = s.quorumChecks.map((c) => quorumCheckNote(c, lang));
  return [header, ...(checks.length ? [checks.join('\n')] : []), ...blocks].join('\n\n') + '\n';
}
