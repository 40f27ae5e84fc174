import type { AgendaItem } from '../meeting/model.ts';
import type { MeetingSnapshot, PollProgress, PollView } from './snapshot.ts';

/** Reading a snapshot the same way on every screen. */

export const currentItem = (s: MeetingSnapshot): AgendaItem | undefined => s.agenda.find((i) => i.id === s.currentItemId);

export function latestPollOf(s: MeetingSnapshot, itemId: string | null | undefined): PollView | undefined {
  if (!itemId) return undefined;
  // A Sammelabstimmung is the vote of every item in it.
  return s.polls.findLast((p) => p.itemId === itemId || p.blocItemIds?.includes(itemId));
}

export const currentPoll = (s: MeetingSnapshot): PollView | undefined => latestPollOf(s, s.currentItemId);

export const openPollOf = (s: MeetingSnapshot): PollView | undefined => s.polls.find((p) => p.status === 'open');

/** Progress updates patch the newest snapshot instead of waiting for the next full one. */
export function applyProgress(snapshot: MeetingSnapshot, p: PollProgress): MeetingSnapshot {
  return {
    ...snapshot,
    polls: snapshot.polls.map((poll) =>
      poll.id === p.pollId
        ? {
            ...poll,
            castCount: p.castCount,
            eligibleCount: p.eligibleCount,
            ...(p.votedMemberIds ? { votedMemberIds: p.votedMemberIds } : {}),
            ...(p.rollCall ? { rollCall: p.rollCall } : {}),
          }
        : poll,
    ),
  };
}
