import type { Poll } from '../../shared/meeting/model.ts';
import type { Motion } from '../../shared/motions/model.ts';
import type { Db } from './database.ts';

/**
 * Rows of amendments and of what each poll decides (tables `motions`, `poll_subjects`).
 * A poll on the item's own proposal without a Sammelabstimmung has no subject row, so every
 * poll stored before motions existed reads back unchanged.
 */
export class MotionRows {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      insert: db.prepare(
        `INSERT INTO motions (meeting_id, id, item_id, position, mover, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      setPosition: db.prepare(`UPDATE motions SET position = ? WHERE meeting_id = ? AND id = ?`),
      remove: db.prepare(`DELETE FROM motions WHERE meeting_id = ? AND id = ?`),
      all: db.prepare(`SELECT id, item_id, position, mover, text FROM motions WHERE meeting_id = ? ORDER BY created_at, id`),
      insertSubject: db.prepare(`INSERT INTO poll_subjects (poll_id, motion_id, round, bloc_item_ids) VALUES (?, ?, ?, ?)`),
      subjects: db.prepare(
        `SELECT s.poll_id, s.motion_id, s.round, s.bloc_item_ids FROM poll_subjects s JOIN polls p ON p.id = s.poll_id WHERE p.meeting_id = ?`,
      ),
      // The polls table keeps one round number per item and round (UNIQUE); a subject row keeps
      // the round within the amendment, and the polls row takes the item's next free number.
      nextItemSeq: db.prepare(`SELECT COALESCE(MAX(round), 0) + 1 AS seq FROM polls WHERE meeting_id = ? AND item_id = ?`),
    };
  }

  add(meetingId: string, m: Motion, at: string): void {
    this.q.insert.run(meetingId, m.id, m.itemId, m.position, m.mover, m.text, at);
  }

  setPositions(meetingId: string, motions: readonly Motion[]): void {
    for (const m of motions) this.q.setPosition.run(m.position, meetingId, m.id);
  }

  remove(meetingId: string, motionId: string): void {
    this.q.remove.run(meetingId, motionId);
  }

  load(meetingId: string): Motion[] {
    return (this.q.all.all(meetingId) as { id: string; item_id: string; position: number; mover: string; text: string }[]).map((r) => ({
      id: r.id,
      itemId: r.item_id,
      mover: r.mover,
      text: r.text,
      position: r.position,
    }));
  }

  /** The round number to store in `polls`: the item's next one (for a plain item, the poll's own round). */
  storedRound(meetingId: string, p: Poll): number {
    return (this.q.nextItemSeq.get(meetingId, p.itemId) as { seq: number }).seq;
  }

  /** A subject row when the poll decides more than the plain item, or its round differs from the stored one. */
  insertSubject(p: Poll, storedRound: number): void {
    if (!p.motionId && !p.blocItemIds && storedRound === p.round) return;
    this.q.insertSubject.run(p.id, p.motionId ?? null, p.round, p.blocItemIds ? JSON.stringify(p.blocItemIds) : null);
  }

  /** Polls as stored, with their subject and their round within it. */
  withSubjects(meetingId: string, polls: Poll[]): Poll[] {
    const rows = this.q.subjects.all(meetingId) as { poll_id: string; motion_id: string | null; round: number; bloc_item_ids: string | null }[];
    if (!rows.length) return polls;
    const byPoll = new Map(rows.map((r) => [r.poll_id, r]));
    return polls.map((p) => {
      const r = byPoll.get(p.id);
      if (!r) return p;
      return {
        ...p,
        round: r.round,
        ...(r.motion_id ? { motionId: r.motion_id } : {}),
        ...(r.bloc_item_ids ? { blocItemIds: JSON.parse(r.bloc_item_ids) as string[] } : {}),
      };
    });
  }
}
