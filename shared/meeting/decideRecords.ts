import { fail, ok, type Result } from '../protocol/result.ts';
import { groupOf } from './groups.ts';
import { memberById } from './lookup.ts';
import type { Poll } from './model.ts';
import { ballotsOf, findPoll, isGroupWise, recordedIn, type MeetingState } from './state.ts';

/**
 * What the minutes record beyond the counts: a member's own vote on demand (§ 68 NKomVG) and
 * a result minuted group-wise. Pure, like decide.ts. Both need the individual open ballots:
 * a secret vote must never be tied to a member, and a show of hands has no ballots to name.
 */

export interface RecordedVoteChange {
  pollId: string;
  memberId: string;
  recorded: boolean;
}

function refuseWithoutBallots(poll: Poll): Result<null> {
  if (poll.mode === 'secret') return fail('forbidden', 'A secret vote is never recorded by name');
  if (poll.countedByHand) return fail('conflict', 'Counted by show of hands: there are no individual votes to record');
  if (poll.status === 'invalid') return fail('conflict', 'This round was declared invalid');
  return ok(null);
}

/** Null when nothing changes (already recorded, or already not). */
export function decideRecordedVote(s: MeetingState, pollId: string, memberId: string, recorded: boolean): Result<RecordedVoteChange | null> {
  const poll = findPoll(s, pollId);
  if (!poll) return fail('not_found', 'Unknown poll');
  const refused = refuseWithoutBallots(poll);
  if (!refused.ok) return refused;
  if (!memberById(s.meeting.members).has(memberId)) return fail('not_found', 'Unknown member');
  if (recordedIn(s, pollId).has(memberId) === recorded) return ok(null);
  if (recorded && !ballotsOf(s, pollId).get(memberId)?.choice) return fail('conflict', 'This member has not voted in this round');
  return ok({ pollId, memberId, recorded });
}

export interface GroupWiseChange {
  pollId: string;
  groupWise: boolean;
}

/** The chair decides after the close, once the ballots are final. */
export function decideGroupWise(s: MeetingState, pollId: string, groupWise: boolean): Result<GroupWiseChange | null> {
  const poll = findPoll(s, pollId);
  if (!poll) return fail('not_found', 'Unknown poll');
  const refused = refuseWithoutBallots(poll);
  if (!refused.ok) return refused;
  if (poll.status === 'open') return fail('poll_already_open', 'Close the vote first');
  if (isGroupWise(s, pollId) === groupWise) return ok(null);
  const members = memberById(s.meeting.members);
  if (groupWise && !poll.eligibleMemberIds.some((id) => groupOf(members.get(id)) !== null)) {
    return fail('conflict', 'Nobody in this vote belongs to a Fraktion or Gruppe');
  }
  return ok({ pollId, groupWise });
}
