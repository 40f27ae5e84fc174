import * as v from 'valibot';

/** Runtime schemas of the chair's commands on amendments and en-bloc votes (see commands.ts). */

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
/** Printable text: no control characters except line breaks in the amendment's wording. */
const line = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max), v.regex(/^[^\p{Cc}]*$/u));
const paragraph = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max), v.regex(/^(?:[^\p{Cc}]|\n)*$/u));

/** The chair adds an amendment to an item (also on the spot); it goes to the end of the order. */
export const AddAmendment = v.strictObject({ itemId: id, mover: line(200), text: paragraph(4000) });

/** The chair moves an amendment one place earlier or later in the voting order. */
export const MoveAmendment = v.strictObject({ motionId: id, direction: v.picklist(['up', 'down']) });

/** The chair removes an amendment that was never voted on (withdrawn, entered by mistake). */
export const RemoveAmendment = v.strictObject({ motionId: id });

/** Fields of poll:open and poll:handCount that say what the vote decides (absent: the item itself). */
export const subjectFields = {
  /** An amendment of the item. */
  motionId: v.optional(id),
  /** Sammelabstimmung: every item the one vote decides, `itemId` among them. */
  blocItemIds: v.optional(v.pipe(v.array(id), v.minLength(2), v.maxLength(200))),
};

export type AddAmendmentInput = v.InferInput<typeof AddAmendment>;
export type MoveAmendmentInput = v.InferInput<typeof MoveAmendment>;
export type RemoveAmendmentInput = v.InferInput<typeof RemoveAmendment>;
export interface SubjectInput {
  motionId?: string | undefined;
  blocItemIds?: string[] | undefined;
}
