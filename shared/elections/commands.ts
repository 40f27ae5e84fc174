import * as v from 'valibot';

/** Runtime schemas of the chair's election commands (the ballot itself is `ballot:cast` with `marks`). */

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(120));

/** Makes an agenda item an election (or changes its seats before the first Wahlgang). */
export const SetupElection = v.strictObject({ itemId: id, seats: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 1) });

/** A candidate proposed, also on the spot during the meeting. */
export const AddCandidate = v.strictObject({ itemId: id, name });

/** A candidate withdrawn before the first Wahlgang. */
export const WithdrawCandidate = v.strictObject({ itemId: id, candidateId: id });

/** The chair records that a member demanded a secret ballot (or corrects a mistaken record). */
export const DemandSecret = v.strictObject({ itemId: id, demanded: v.boolean() });

/** Opens the next Wahlgang; the server decides which one and with which candidates. */
export const OpenElectionRound = v.strictObject({ itemId: id, confirmNotQuorate: v.optional(v.boolean(), false) });

/** Decides a tie by lot: without `winners` the server draws; with them, a lot drawn by hand is entered. */
export const DrawLot = v.strictObject({ pollId: id, winners: v.optional(v.pipe(v.array(id), v.minLength(1), v.maxLength(50))) });

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000));

/**
 * A Wahlgang counted in the room (paper ballots or show of hands, tablets failed): votes per
 * candidate, the ballots that carried marks, the Nein (single candidate only) and the blank ones.
 */
export const ElectionHandCount = v.strictObject({
  itemId: id,
  votes: v.pipe(v.record(id, count), v.check((r) => Object.keys(r).length <= 50, 'at most 50 candidates')),
  ballots: count,
  no: v.optional(count, 0),
  abstain: v.optional(count, 0),
});

export type ElectionHandCountInput = v.InferInput<typeof ElectionHandCount>;
export type SetupElectionInput = v.InferInput<typeof SetupElection>;
export type AddCandidateInput = v.InferInput<typeof AddCandidate>;
export type WithdrawCandidateInput = v.InferInput<typeof WithdrawCandidate>;
export type DemandSecretInput = v.InferInput<typeof DemandSecret>;
export type OpenElectionRoundInput = v.InferInput<typeof OpenElectionRound>;
export type DrawLotInput = v.InferInput<typeof DrawLot>;
