import type pg from 'pg';
import type { PendingEntry } from '../../audit/auditEntries.ts';
import { linkEntry, toEntry, type AuditEntry } from '../../audit/auditLog.ts';

/**
 * Advisory lock key for appending to the audit log: ASCII "HZAUDT", used for nothing else.
 * The log is one chain for the whole database; two nodes appending from the same end would
 * fork it (the trigger then refuses one of them, failing a whole batch of ballots). Taken for
 * the rest of the transaction, so commits queue on it instead.
 */
export const AUDIT_LOCK = 0x485a_4155_4454;

/**
 * Appends entries to the chain, last thing before COMMIT so the lock is held only for the
 * append and the commit itself. Under READ COMMITTED (the storage begins its writes so) the
 * statement after the lock sees every entry committed by the node that held it before.
 */
export async function appendAudit(client: pg.PoolClient, pending: readonly PendingEntry[]): Promise<void> {
  if (!pending.length) return;
  await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  // bigint comes back as text: read as such and turned into a number (2^53 entries is far off).
  // Ordered by the qualified column: a bare `seq` would name the text alias and sort '9' after '10'.
  const { rows } = await client.query<{ seq: string; hash: string }>('SELECT seq::text AS seq, hash FROM audit_log ORDER BY audit_log.seq DESC LIMIT 1');
  let last = rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : undefined;
  const entries = pending.map((e) => (last = linkEntry(last, e)));
  const column = <K extends keyof AuditEntry>(k: K) => entries.map((e) => e[k]);
  // One statement for the whole batch; the chain trigger sees the rows inserted before each one.
  await client.query(
    `INSERT INTO audit_log (seq, meeting_id, at, kind, poll_id, payload, prev_hash, hash)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
    [column('seq'), column('meetingId'), column('at'), column('kind'), column('pollId'), column('payload'), column('prevHash'), column('hash')],
  );
}

/** The whole log in order, as server/audit/verify.ts reads it from SQLite (on the pool, or a client inside a read transaction). */
export async function auditEntries(db: pg.Pool | pg.ClientBase): Promise<AuditEntry[]> {
  const { rows } = await db.query(
    `SELECT seq::text AS seq, meeting_id, at, kind, poll_id, payload, prev_hash, hash FROM audit_log ORDER BY audit_log.seq`,
  );
  return rows.map(toEntry);
}
