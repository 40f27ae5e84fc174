import * as v from 'valibot';
import { CHOICES, MAJORITY_KINDS, VOTE_MODES } from '../meeting/model.ts';
import { DECISION_KINDS } from '../minutes/decisionKinds.ts';
import { MemberId } from './meetingSpec.ts';
import { subjectFields } from './motionCommands.ts';

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
  /** Election ballots only: the marked candidates (see shared/elections/ballot.ts). */
  marks: v.optional(v.pipe(v.array(id), v.maxLength(50))),
});

export const SelectItem = v.strictObject({ itemId: v.nullable(id) });

export const OpenPoll = v.strictObject({
  itemId: id,
  mode: v.optional(v.picklist(VOTE_MODES), 'open'),
  majority: v.optional(v.picklist(MAJORITY_KINDS), 'simple'),
  /** The chair's explicit confirmation to vote although the body is not quorate. */
  confirmNotQuorate: v.optional(v.boolean(), false),
  /** Roll-call only: show each member's choice on the display as it comes in. */
  rollCallLive: v.optional(v.boolean(), false),
  ...subjectFields,
});

/** A member checks in (button "Anwesend") or out on their own tablet. */
export const SetOwnAttendance = v.strictObject({ present: v.boolean() });

/** The chair or clerk checks any member in or out by hand. */
export const SetAttendance = v.strictObject({ memberId: MemberId, present: v.boolean() });

/** The chair or clerk marks (or clears) a member's Mitwirkungsverbot for one item. */
export const SetExclusion = v.strictObject({ itemId: id, memberId: MemberId, excluded: v.boolean() });

export const PollRef = v.strictObject({ pollId: id });

/** Chair: revoke a member's join links and issue a new one (a lost tablet). */
export const ReissueLink = v.strictObject({ memberId: MemberId });

export type ReissueLinkInput = v.InferInput<typeof ReissueLink>;
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000));

/** Numbers counted by show of hands, entered by the chair. */
export const HandCount = v.strictObject({
  itemId: id,
  counts: v.strictObject({ yes: count, no: count, abstain: count }),
  majority: v.optional(v.picklist(MAJORITY_KINDS), 'simple'),
  ...subjectFields,
});

/** Declares a closed or published round invalid; `repeat` opens the next round at once. */
export const InvalidatePoll = v.strictObject({ pollId: id, repeat: v.optional(v.boolean(), false) });

/** Beschlussart of an item; null returns to the default derived from the verdict. */
export const SetDecisionKind = v.strictObject({ itemId: id, kind: v.nullable(v.picklist(DECISION_KINDS)) });

export type CastBallotInput = v.InferInput<typeof CastBallot>;
export type SelectItemInput = v.InferInput<typeof SelectItem>;
export type OpenPollInput = v.InferInput<typeof OpenPoll>;
/** The chair records that quorum was challenged; the server counts. */
export const ChallengeQuorum = v.strictObject({});

export type PollRefInput = v.InferInput<typeof PollRef>;
export type SetOwnAttendanceInput = v.InferInput<typeof SetOwnAttendance>;
export type SetAttendanceInput = v.InferInput<typeof SetAttendance>;
export type SetExclusionInput = v.InferInput<typeof SetExclusion>;
export type HandCountInput = v.InferInput<typeof HandCount>;
export type InvalidatePollInput = v.InferInput<typeof InvalidatePoll>;
export type SetDecisionKindInput = v.InferInput<typeof SetDecisionKind>;

/** § 68: a member has the minutes record how they voted in this open vote (or takes it back). */
export const RecordOwnVote = v.strictObject({ pollId: id, recorded: v.boolean() });

/** § 68 marked by the clerk for one member. */
export const RecordVote = v.strictObject({ pollId: id, memberId: MemberId, recorded: v.boolean() });

/** The chair has a closed open vote minuted group-wise ("fraktionsweise protokollieren"). */
export const SetGroupWise = v.strictObject({ pollId: id, groupWise: v.boolean() });

export type RecordOwnVoteInput = v.InferInput<typeof RecordOwnVote>;
export type RecordVoteInput = v.InferInput<typeof RecordVote>;
export type SetGroupWiseInput = v.InferInput<typeof SetGroupWise>;
