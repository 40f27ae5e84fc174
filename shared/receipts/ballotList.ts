import type { Choice, VoteMode } from '../meeting/model.ts';
import { findPoll, type MeetingState } from '../meeting/state.ts';
import { receiptCode } from './receipt.ts';

/**
 * The published ballot list of a poll, for members to check their receipt. Open and roll-call:
 * receipt, member and choice, so a member sees its choice counted as cast. Secret: the sorted
 * receipts only, so a receipt proves inclusion and nothing about who or how. Pure.
 */
export type BallotList =
  | { pollId: string; mode: Exclude<VoteMode, 'secret'>; ballots: { receipt: string; memberId: string; name: string; choice: Choice }[] }
  | { pollId: string; mode: 'secret'; receipts: string[] };

export function ballotList(s: MeetingState, pollId: string): BallotList | null {
  const poll = findPoll(s, pollId);
  if (!poll || poll.status !== 'published') return null;
  const ballots = [...(s.ballots.get(pollId)?.values() ?? [])];
  if (poll.mode === 'secret') return { pollId, mode: 'secret', receipts: ballots.map((b) => receiptCode(pollId, b.ballotId)).sort() };
  const names = new Map(s.meeting.members.map((m) => [m.id, m.name]));
  return {
    pollId,
    mode: poll.mode,
    ballots: ballots
      .flatMap((b) => (b.choice ? [{ receipt: receiptCode(pollId, b.ballotId), memberId: b.memberId, name: names.get(b.memberId) ?? b.memberId, choice: b.choice }] : []))
      .sort((a, b) => a.name.localeCompare(b.name, 'de')),
  };
}
