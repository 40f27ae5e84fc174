import { hash } from 'node:crypto';
import { writeTransaction, type Db } from '../storage/database.ts';

/**
 * The append-only audit log. Each entry's hash covers its own fields and the previous entry's
 * hash, so changing, removing or reordering any row breaks every hash after it. The table
 * refuses UPDATE and DELETE by trigger; the chain catches whoever drops the trigger.
 */

export const GENESIS = '0'.repeat(64);

export type AuditKind =
  // The vote path.
  | 'poll.opened'
  | 'ballot.accepted'
  | 'poll.closed'
  | 'poll.published'
  | 'poll.invalidated'
  | 'poll.corrected'
  // What decides who may vote and how the result is recorded.
  | 'meeting.created'
  | 'meeting.setupChanged'
  | 'meeting.archived'
  | 'attendance.recorded'
  | 'exclusion.set'
  | 'quorum.checked'
  | 'decisionKind.set'
  // Amendments (shared/motions): what the item's votes decide, and in which order.
  | 'motion.added'
  | 'motion.reordered'
  | 'motion.removed'
  | 'vote.recorded'
  | 'poll.groupWise'
  // Elections of persons: candidates, seats, the secret demand; a tie decided by lot.
  | 'election.changed'
  | 'election.lotDrawn';

export interface AuditEntry {
  seq: number;
  meetingId: string;
  at: string;
  kind: string;
  pollId: string | null;
  /** JSON text exactly as hashed. */
  payload: string;
  prevHash: string;
  hash: string;
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  // One-shot hash: a Hash object per entry cost twice as much, in a burst of 10,000 ballots.
  return hash('sha256', `${e.prevHash}\n${e.seq}\n${e.meetingId}\n${e.at}\n${e.kind}\n${e.pollId ?? ''}\n${e.payload}`, 'hex');
}

/** The entry that follows `last` (undefined: the first), hashed. Shared by every store's log. */
export function linkEntry(
  last: { seq: number; hash: string } | undefined,
  e: { meetingId: string; at: string; kind: AuditKind; pollId: string | null; payload: unknown },
): AuditEntry {
  const entry: AuditEntry = { seq: (last?.seq ?? 0) + 1, meetingId: e.meetingId, at: e.at, kind: e.kind, pollId: e.pollId, payload: JSON.stringify(e.payload), prevHash: last?.hash ?? GENESIS, hash: '' };
  entry.hash = entryHash(entry);
  return entry;
}

export class AuditLog {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      last: db.prepare(`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`),
      insert: db.prepare(
        `INSERT INTO audit_log (seq, meeting_id, at, kind, poll_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      all: db.prepare(`SELECT * FROM audit_log ORDER BY seq`),
    };
  }

  /** The chain's end while one batch appends many entries in one transaction (see `batch`). */
  private tail: { seq: number; hash: string } | null = null;

  /**
   * Call inside the transaction that stores the change itself: both commit or neither. Two
   * connections append to the log (the server's and its writer thread's), so the chain's end is
   * read inside a write transaction that holds the file's write lock (writeTransaction, BEGIN
   * IMMEDIATE): no other entry can be appended between reading the end and committing. Called
   * outside a transaction, it opens one of its own. (A deferred transaction that read first and
   * then appends fails with SQLITE_BUSY_SNAPSHOT rather than fork the chain, and `seq` is the
   * primary key besides.)
   */
  append(meetingId: string, at: string, kind: AuditKind, pollId: string | null, payload: unknown): void {
    if (!this.db.inTransaction) return writeTransaction(this.db, () => this.append(meetingId, at, kind, pollId, payload));
    const last = this.tail ?? (this.q.last.get() as { seq: number; hash: string } | undefined);
    const entry = linkEntry(last, { meetingId, at, kind, pollId, payload });
    // Positional: binding by name looks up every key of the object, per entry.
    this.q.insert.run(entry.seq, entry.meetingId, entry.at, entry.kind, entry.pollId, entry.payload, entry.prevHash, entry.hash);
    if (this.tail) this.tail = entry;
  }

  /**
   * Runs a burst of appends (a group commit of thousands of ballots) reading the chain's end
   * once instead of once per entry. Call it inside the batch's write transaction, which must be
   * BEGIN IMMEDIATE (writeTransaction): the end read here is then the file's, and stays so until
   * the commit. It is forgotten after `run`, committed or not.
   */
  batch(run: () => void): void {
    if (!this.db.inTransaction) throw new Error('AuditLog.batch must run inside the write transaction');
    const last = this.q.last.get() as { seq: number; hash: string } | undefined;
    this.tail = last ?? { seq: 0, hash: GENESIS };
    try {
      run();
    } finally {
      this.tail = null;
    }
  }

  entries(): AuditEntry[] {
    return (this.q.all.all() as Record<string, string | number | null>[]).map(toEntry);
  }
}

export function toEntry(r: Record<string, string | number | null>): AuditEntry {
  return {
    seq: Number(r.seq),
    meetingId: String(r.meeting_id),
    at: String(r.at),
    kind: String(r.kind),
    pollId: r.poll_id === null ? null : String(r.poll_id),
    payload: String(r.payload),
    prevHash: String(r.prev_hash),
    hash: String(r.hash),
  };
}
