import type { ResultsScope } from '../../shared/export/results.ts';
import type { AgendaItem, Choice, Poll } from '../../shared/meeting/model.ts';
import { ballotsOf, covers, validPoll, type MeetingState } from '../../shared/meeting/state.ts';
import { itemHeading } from '../../shared/minutes/block.ts';
import { formatBlock } from '../../shared/minutes/formats/formats.ts';
import { recordLines } from '../../shared/minutes/records.ts';
import { electionMinuteBlock } from '../../shared/elections/minutes.ts';
import { DECISION_KIND_LABELS } from '../../shared/minutes/decisionKinds.ts';
import { recordNotes } from '../../shared/minutes/recordNotes.ts';
import { quorumCheckNote, type Language } from '../../shared/minutes/wording.ts';
import { amendmentLines, blocNote, mainMotionHeading } from '../../shared/motions/minuteLines.ts';
import { amendmentsOf, isAmended, validMotionPoll } from '../../shared/motions/sequence.ts';

/**
 * The minutes' result blocks: one per item whose valid round is closed or published (open
 * votes are never exported), and one per item without a vote that the clerk gave a
 * Beschlussart (e.g. "zur Kenntnis genommen"). An item's amendments come first, each with its
 * own result; every item of a Sammelabstimmung carries the bloc's result and says so.
 * `scope: 'public'` leaves non-public items out.
 */
export function minutesText(s: MeetingState, lang: Language = 'de', scope: ResultsScope = 'full'): string {
  const blocks: string[] = [];
  for (const item of s.meeting.agenda) {
    if (scope === 'public' && !item.public) continue;
    const election = s.elections?.get(item.id);
    if (election) {
      const block = electionMinuteBlock(s, item, election, lang);
      if (block) blocks.push(block);
      continue;
    }
    const kind = s.decisionKinds.get(item.id) ?? null;
    const amendments = amendmentResults(s, item, lang);
    const poll = validPoll(s, item.id);
    if (!poll?.counts || poll.status === 'open') {
      if (kind || amendments.length) {
        const decided = kind ? [`${lang === 'en' ? 'Decision' : 'Beschlussart'}: ${DECISION_KIND_LABELS[lang][kind]}`] : [];
        blocks.push([itemHeading(item, lang), ...amendments, ...decided].join('\n'));
      }
      continue;
    }
    const hasAmendments = amendmentsOf(s, item.id).length > 0;
    const bloc = poll.blocItemIds ? s.meeting.agenda.filter((i) => poll.blocItemIds!.includes(i.id)) : null;
    const notes = [
      ...(bloc ? [blocNote(bloc, lang)] : []),
      ...notesOf(s, poll, (p) => covers(p, item.id) && !p.motionId, lang),
    ];
    const records = recordLines(s, poll, lang);
    const block = formatBlock(
      s.meeting.minuteFormat ?? 'allris',
      {
        present: poll.eligibleMemberIds.length,
        resultText: records.resultText,
        item,
        counts: poll.counts,
        majority: poll.majority,
        statutoryMembers: poll.statutoryMembers,
        rules: poll.rules,
        decisionKind: kind,
        excludedNames: namesOf(s, poll.excludedMemberIds),
        quorumOverride: poll.quorumOverridden ? poll.quorum : null,
        ...(hasAmendments ? { amended: isAmended(s, item.id), preamble: [...amendments, mainMotionHeading(isAmended(s, item.id), lang)] } : {}),
      },
      lang,
    );
    blocks.push([block, ...notes, ...records.notes].join('\n'));
  }
  const date = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date(s.meeting.start));
  const header = `${s.meeting.name}\n${s.meeting.body} – ${date}${s.meeting.location ? `, ${s.meeting.location}` : ''}`;
  const nonPublic = new Set(s.meeting.agenda.filter((i) => !i.public).map((i) => i.id));
  const checks = s.quorumChecks.filter((c) => scope === 'full' || !c.itemId || !nonPublic.has(c.itemId)).map((c) => quorumCheckNote(c, lang));
  return [header, ...(checks.length ? [checks.join('\n')] : []), ...blocks].join('\n\n') + '\n';
}

const namesOf = (s: MeetingState, ids: readonly string[]) => s.meeting.members.filter((m) => ids.includes(m.id)).map((m) => m.name);

/** How the round was taken, and the earlier rounds of the same question declared invalid. */
function notesOf(s: MeetingState, poll: Poll, sameQuestion: (p: Poll) => boolean, lang: Language): string[] {
  const rollCall = new Map<string, Choice>();
  if (poll.mode === 'rollCall') for (const b of ballotsOf(s, poll.id).values()) if (b.choice) rollCall.set(b.memberId, b.choice);
  return recordNotes(
    { poll, invalidRounds: s.polls.filter((p) => sameQuestion(p) && p.status === 'invalid'), members: s.meeting.members, rollCall, rules: poll.rules },
    lang,
  );
}

/** The lines of every amendment of the item that has a counted result, in voting order. */
function amendmentResults(s: MeetingState, item: AgendaItem, lang: Language): string[] {
  return amendmentsOf(s, item.id).flatMap((motion, index) => {
    const poll = validMotionPoll(s, motion.id);
    if (!poll?.counts || poll.status === 'open') return [];
    return amendmentLines(
      {
        number: index + 1,
        mover: motion.mover,
        text: motion.text,
        counts: poll.counts,
        majority: poll.majority,
        statutoryMembers: poll.statutoryMembers,
        rules: poll.rules,
        excludedNames: namesOf(s, poll.excludedMemberIds),
        notes: notesOf(s, poll, (p) => p.motionId === motion.id, lang),
      },
      lang,
    );
  });
}
