/**
 * Motions on an agenda item beyond the item's own proposal (the main motion, Hauptantrag):
 * amendments (Änderungsanträge), voted before the main motion in the order the chair sets.
 * The main motion needs no record of its own: a poll on the item without `motionId` is it.
 */
export interface Motion {
  id: string;
  itemId: string;
  /** Who moved it, as the minutes name them after "Änderungsantrag 1", e.g. "der SPD-Fraktion". */
  mover: string;
  /** The wording of the amendment, as read out. */
  text: string;
  /** Order among the item's amendments (ascending; gaps are fine). */
  position: number;
}

/** What one poll decides, as every screen and the minutes name it. */
export type VoteSubject =
  /** `number`: 1-based place among the item's amendments. */
  | { kind: 'amendment'; motionId: string; number: number; mover: string; text: string }
  /** The item's own proposal after amendments; `amended` when one of them passed. */
  | { kind: 'main'; amended: boolean }
  /** Sammelabstimmung: one vote whose result every listed item takes. */
  | { kind: 'bloc'; itemIds: string[] };
