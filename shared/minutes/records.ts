import { groupOf } from '../meeting/groups.ts';
import type { Poll } from '../meeting/model.ts';
import { ballotsOf, isGroupWise, recordedIn, type MeetingState } from '../meeting/state.ts';
import { verdict } from '../rules/verdict.ts';
import { groupWiseWording } from './groupWise.ts';
import { recordedVoteNote } from './recordedVotes.ts';
import type { Language } from './wording.ts';

/**
 * The records of one counted round beyond its numbers: the result worded group-wise when the
 * chair had it minuted so, and one § 68 line per member who demanded it (in member-list order).
 * Secret and hand-counted rounds have neither: the core refuses both for them.
 */
export function recordLines(s: MeetingState, poll: Poll, lang: Language = 'de'): { resultText: string | null; notes: string[] } {
  if (poll.mode === 'secret' || poll.countedByHand || !poll.counts) return { resultText: null, notes: [] };
  const ballots = ballotsOf(s, poll.id);
  let resultText: string | null = null;
  if (isGroupWise(s, poll.id)) {
    const v = verdict(poll.counts, { majority: poll.majority, statutoryMembers: poll.statutoryMembers });
    // Every stored ballot counts, in member-list order (so groups appear as on the roster).
    const open = s.meeting.members.flatMap((m) => {
      const choice = ballots.get(m.id)?.choice;
      return choice ? [{ group: groupOf(m), choice }] : [];
    });
    resultText = groupWiseWording(open, v.outcome, lang);
  }
  const recorded = recordedIn(s, poll.id);
  const notes = s.meeting.members.flatMap((m) => {
    const choice = recorded.has(m.id) ? ballots.get(m.id)?.choice : null;
    return choice ? [recordedVoteNote(m.name, choice, lang)] : [];
  });
  return { resultText, notes };
}
