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
});

export const PollRef = v.strictObject({ pollId: id });

/** Chair: revoke a member's join links and issue a new one (a lost tablet). */
export const ReissueLink = v.strictObject({ memberId: id });

export type ReissueLinkInput = v.InferInput<typeof ReissueLink>;
export type CastBallotInput = v.InferInput<typeof CastBallot>;
export type SelectItemInput = v.InferInput<typeof SelectItem>;
export type OpenPollInput = v.InferInput<typeof OpenPoll>;
export type PollRefInput = v.InferInput<typeof PollRef>;
