import * as v from 'valibot';
import { CHOICES, MAJORITY_KINDS, VOTE_MODES } from '../meeting/model.ts';

/**
 * Runtime schemas of everything a client may send. The server validates every payload
 * against these before anything else happens; the client uses the inferred types.
 */

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

export const CastBallot = v.strictObject({
  pollId: id,
  choice: v.picklist(CHOICES),
  /** Client-generated id: the same id is the same ballot, so a re-send never double-counts. */
  ballotId: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/)),
});

export const SelectItem = v.strictObject({ itemId: v.nullable(id) });

export const OpenPoll = v.strictObject({
  itemId: id,
  mode: v.optional(v.picklist(VOTE_MODES), 'open'),
  majority: v.optional(v.picklist(MAJORITY_KINDS), 'simple'),
  /** The chair's explicit confirmation to vote although the body is not quorate. */
  confirmNotQuorate: v.optional(v.boolean(), false),
});

/** A member checks in (button "Anwesend") or out on their own tablet. */
export const SetOwnAttendance = v.strictObject({ present: v.boolean() });

/** The chair or clerk checks any member in or out by hand. */
export const SetAttendance = v.strictObject({ memberId: id, present: v.boolean() });

/** The chair or clerk marks (or clears) a member's Mitwirkungsverbot for one item. */
export const SetExclusion = v.strictObject({ itemId: id, memberId: id, excluded: v.boolean() });

export const PollRef = v.strictObject({ pollId: id });

export type CastBallotInput = v.InferInput<typeof CastBallot>;
export type SelectItemInput = v.InferInput<typeof SelectItem>;
export type OpenPollInput = v.InferInput<typeof OpenPoll>;
/** The chair records that quorum was challenged; the server counts. */
export const ChallengeQuorum = v.strictObject({});

export type PollRefInput = v.InferInput<typeof PollRef>;
export type SetOwnAttendanceInput = v.InferInput<typeof SetOwnAttendance>;
export type SetAttendanceInput = v.InferInput<typeof SetAttendance>;
export type SetExclusionInput = v.InferInput<typeof SetExclusion>;
