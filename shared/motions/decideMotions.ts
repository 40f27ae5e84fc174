import type { AgendaItem, Poll } from '../meeting/model.ts';
import { covers, openPoll, validPoll, type MeetingState } from '../meeting/state.ts';
import type { AddAmendmentInput, MoveAmendmentInput, SubjectInput } from '../protocol/motionCommands.ts';
import { fail, ok, type Result } from '../protocol/result.ts';
import type { Motion } from './model.ts';
import { amendmentsOf, motionsOf, nextSubject, validMotionPoll } from './sequence.ts';

/**
 * The rules of amendments and Sammelabstimmung: pure decisions like shared/meeting/decide.ts.
 * Amendments are voted first, in the chair's order, then the main motion; an en-bloc vote
 * takes only items that could each be voted on plainly.
 */

const hasPoll = (s: MeetingState, motionId: string): boolean => s.polls.some((p) => p.motionId === motionId);
const numberOf = (s: MeetingState, itemId: string): string => s.meeting.agenda.find((i) => i.id === itemId)?.number ?? itemId;

/** The poll fields for what a new vote decides, once it is allowed; refused with a reason otherwise. */
export function decideSubject(s: MeetingState, itemId: string, input: SubjectInput): Result<Pick<Poll, 'motionId' | 'blocItemIds'>> {
  if (input.motionId && input.blocItemIds) return fail('invalid_payload', 'A vote is on an amendment or en bloc, not both');
  if (input.motionId) {
    const motion = motionsOf(s).find((m) => m.id === input.motionId);
    if (!motion || motion.itemId !== itemId) return fail('not_found', 'Unknown amendment of this item');
    if (validPoll(s, itemId)) return fail('result_exists', 'The main motion has a result: declare it invalid before voting on an amendment');
    if (validMotionPoll(s, motion.id)) return fail('result_exists', 'This amendment already has a result; declare it invalid to repeat the vote');
    const next = nextSubject(s, itemId);
    if (next.kind === 'amendment' && next.motion.id !== motion.id) {
      return fail('conflict', `Amendments are voted in order: vote on amendment ${next.number} first`);
    }
    return ok({ motionId: motion.id });
  }
  if (input.blocItemIds) return decideBloc(s, itemId, input.blocItemIds);
  const next = nextSubject(s, itemId);
  if (next.kind === 'amendment') return fail('conflict', `Vote on amendment ${next.number} before the main motion`);
  if (validPoll(s, itemId)) return fail('result_exists', 'This item already has a result; declare it invalid to repeat the vote');
  return ok({});
}

/**
 * A Sammelabstimmung needs at least two items, each undecided, without amendments (they need
 * their own votes) and without a Mitwirkungsverbot (who may vote must be the same for all),
 * all public or all non-public (the room display shows the vote or nothing of it).
 */
function decideBloc(s: MeetingState, itemId: string, ids: string[]): Result<Pick<Poll, 'blocItemIds'>> {
  if (new Set(ids).size !== ids.length) return fail('invalid_payload', 'An item is listed twice in the Sammelabstimmung');
  if (!ids.includes(itemId)) return fail('invalid_payload', 'The Sammelabstimmung must include its own item');
  const items: AgendaItem[] = [];
  for (const id of ids) {
    const item = s.meeting.agenda.find((i) => i.id === id);
    if (!item) return fail('not_found', 'Unknown agenda item in the Sammelabstimmung');
    items.push(item);
  }
  for (const item of items) {
    if (validPoll(s, item.id)) return fail('result_exists', `${item.number} already has a result`);
    if (amendmentsOf(s, item.id).length) return fail('conflict', `${item.number} has amendments: vote on it separately`);
    if (s.exclusions.get(item.id)?.size) return fail('conflict', `${item.number} has a Mitwirkungsverbot: vote on it separately`);
    if (item.public !== items[0]!.public) return fail('conflict', 'A Sammelabstimmung takes public or non-public items, not both');
  }
  // Agenda order, the item the vote is opened on first: what the screens and the minutes list.
  const order = new Map(s.meeting.agenda.map((i, n) => [i.id, n]));
  const rest = ids.filter((id) => id !== itemId).sort((a, b) => order.get(a)! - order.get(b)!);
  return ok({ blocItemIds: [itemId, ...rest] });
}

/** Nothing may change an item's amendments once its main motion is being or has been voted on. */
function refuseIfMainStarted(s: MeetingState, itemId: string): Result<null> {
  const running = openPoll(s);
  if (running && covers(running, itemId) && !running.motionId) return fail('poll_already_open', 'The main motion is being voted on');
  if (validPoll(s, itemId)) return fail('result_exists', 'The main motion already has a result');
  return ok(null);
}

export function decideAddAmendment(s: MeetingState, input: AddAmendmentInput, motionId: string): Result<Motion> {
  const item = s.meeting.agenda.find((i) => i.id === input.itemId);
  if (!item) return fail('not_found', 'Unknown agenda item');
  const refused = refuseIfMainStarted(s, item.id);
  if (!refused.ok) return refused;
  if (amendmentsOf(s, item.id).length >= 50) return fail('conflict', 'At most 50 amendments per item');
  const last = amendmentsOf(s, item.id).at(-1);
  return ok({ id: motionId, itemId: item.id, mover: input.mover, text: input.text, position: (last?.position ?? 0) + 1 });
}

/** Swaps an amendment with its neighbour; both must still be unvoted (a result keeps its place). */
export function decideMoveAmendment(s: MeetingState, input: MoveAmendmentInput): Result<Motion[]> {
  const motion = motionsOf(s).find((m) => m.id === input.motionId);
  if (!motion) return fail('not_found', 'Unknown amendment');
  const list = amendmentsOf(s, motion.itemId);
  const at = list.findIndex((m) => m.id === motion.id);
  const other = list[input.direction === 'up' ? at - 1 : at + 1];
  if (!other) return fail('conflict', input.direction === 'up' ? 'Already the first amendment' : 'Already the last amendment');
  if (hasPoll(s, motion.id) || hasPoll(s, other.id)) return fail('conflict', 'An amendment that was voted on keeps its place');
  return ok([
    { ...motion, position: other.position },
    { ...other, position: motion.position },
  ]);
}

export function decideRemoveAmendment(s: MeetingState, motionId: string): Result<Motion> {
  const motion = motionsOf(s).find((m) => m.id === motionId);
  if (!motion) return fail('not_found', 'Unknown amendment');
  if (hasPoll(s, motion.id)) return fail('conflict', 'An amendment that was voted on stays in the record');
  return ok(motion);
}

/** An amendment's round may not be declared invalid once the main motion was voted on after it. */
export function refuseInvalidate(s: MeetingState, poll: Poll): Result<null> {
  if (poll.motionId && validPoll(s, poll.itemId)) {
    return fail('conflict', `Declare the result of the main motion on ${numberOf(s, poll.itemId)} invalid first`);
  }
  return ok(null);
}
