import type { Poll } from '../meeting/model.ts';
import type { MeetingState } from '../meeting/state.ts';
import { defaultDecisionKind, type DecisionKind } from '../minutes/decisionKinds.ts';
import { verdict } from '../rules/verdict.ts';
import type { Motion, VoteSubject } from './model.ts';

/**
 * Reading an item's motions from the meeting state: which amendment comes next, whether the
 * main motion is voted "in der geänderten Fassung", what a poll decides. Pure. The questions
 * that need only polls and motions take the chair's snapshot as well (same fields).
 */

type PollFacts = Pick<Poll, 'motionId' | 'status' | 'counts' | 'majority' | 'statutoryMembers'>;
export interface MotionFacts {
  polls: readonly PollFacts[];
  motions?: readonly Motion[] | undefined;
}

export const motionsOf = (s: MotionFacts): readonly Motion[] => s.motions ?? [];

/** The item's amendments in voting order. */
export function amendmentsOf(s: MotionFacts, itemId: string): Motion[] {
  return motionsOf(s)
    .filter((m) => m.itemId === itemId)
    .sort((a, b) => a.position - b.position);
}

/** The round of an amendment that counts: its newest one not declared invalid. */
export const validMotionPoll = <P extends PollFacts>(s: { polls: readonly P[] }, motionId: string): P | undefined =>
  s.polls.findLast((p) => p.motionId === motionId && p.status !== 'invalid');

/** Passed, counted from the poll's own terms; false while it has no counts. */
export function pollPassed(p: PollFacts): boolean {
  return !!p.counts && verdict(p.counts, { majority: p.majority, statutoryMembers: p.statutoryMembers }).passed;
}

/** One of the item's amendments passed: the main motion is voted in the amended form. */
export function isAmended(s: MotionFacts, itemId: string): boolean {
  return amendmentsOf(s, itemId).some((m) => {
    const p = validMotionPoll(s, m.id);
    return !!p && pollPassed(p);
  });
}

/** What the item votes on next: the first amendment without a result, else the main motion. */
export type NextSubject = { kind: 'amendment'; motion: Motion; number: number } | { kind: 'main' };

export function nextSubject(s: MotionFacts, itemId: string): NextSubject {
  const amendments = amendmentsOf(s, itemId);
  const index = amendments.findIndex((m) => !validMotionPoll(s, m.id));
  return index < 0 ? { kind: 'main' } : { kind: 'amendment', motion: amendments[index]!, number: index + 1 };
}

/** What a poll decides; null for a plain vote on an item without amendments. */
export function subjectOf(s: MeetingState, poll: Poll): VoteSubject | null {
  if (poll.blocItemIds?.length) return { kind: 'bloc', itemIds: [...poll.blocItemIds] };
  const amendments = amendmentsOf(s, poll.itemId);
  if (poll.motionId) {
    const index = amendments.findIndex((m) => m.id === poll.motionId);
    const motion = amendments[index];
    return motion ? { kind: 'amendment', motionId: motion.id, number: index + 1, mover: motion.mover, text: motion.text } : null;
  }
  return amendments.length ? { kind: 'main', amended: isAmended(s, poll.itemId) } : null;
}

/**
 * The Beschlussart the item gets when the clerk chose none: "geändert beschlossen" when an
 * amendment passed and then the main motion, else as for a plain vote.
 */
export function defaultItemDecision(s: MeetingState, itemId: string, mainPassed: boolean): DecisionKind {
  return mainPassed && isAmended(s, itemId) ? 'adoptedAmended' : defaultDecisionKind(mainPassed);
}
