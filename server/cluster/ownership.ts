import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Which node owns a meeting. The service decides commands on in-memory state, so exactly one
 * node may hold a meeting at a time. Ownership is a session-level advisory lock held on this
 * node's one dedicated connection: when the process dies, PostgreSQL ends the session and the
 * lock is free at once, with no lease to expire. The row in meeting_owners tells the other
 * nodes whom to forward commands to, and fences the owner's writes (fenceOwnership).
 *
 * A node that loses the connection has lost every meeting with it (another node may take them
 * a moment later): onLost() fires and the instance is finished; make a new one to own again.
 */

/** The lock key of a meeting: 64 bits of SHA-256 of its id, as PostgreSQL's signed bigint. */
export function meetingLockKey(meetingId: string): bigint {
  return createHash('sha256').update(`handzeichen-meeting:${meetingId}`).digest().readBigInt64BE(0);
}

/**
 * SQL: the owner row `o` is current, i.e. its backend holds its lock. pg_locks shows a bigint
 * key as two unsigned 32-bit halves, with objsubid 1.
 */
export const HOLDS_LOCK = `EXISTS (
  SELECT 1 FROM pg_locks l
   WHERE l.pid = o.backend_pid AND l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
     AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
     AND l.classid = ((o.lock_key >> 32) & 4294967295)::oid AND l.objid = (o.lock_key & 4294967295)::oid)`;

export class NotOwnerError extends Error {
  constructor(readonly meetingIds: readonly string[]) {
    super(`this node does not own ${meetingIds.join(', ')}`);
  }
}

/**
 * The write fence, for the store's commit transaction on any connection: throws NotOwnerError
 * unless `nodeId` holds every meeting written. It share-locks the owner rows until COMMIT, so a
 * new owner's acquire() (which rewrites the row) waits for this transaction, and reads the
 * meeting only after it: a write of the old owner is either seen by the new one or refused.
 * Without it, a node that lost its lock but has not noticed yet could still commit.
 */
export async function fenceOwnership(client: pg.ClientBase, meetingIds: readonly string[], nodeId: string): Promise<void> {
  const wanted = [...new Set(meetingIds)];
  const { rows } = await client.query<{ meeting_id: string }>(
    `SELECT o.meeting_id FROM meeting_owners o
      WHERE o.meeting_id = ANY($1::text[]) AND o.node_id = $2 AND ${HOLDS_LOCK}
        FOR SHARE OF o`,
    [wanted, nodeId],
  );
  const held = new Set(rows.map((r) => r.meeting_id));
  const missing = wanted.filter((id) => !held.has(id));
  if (missing.length > 0) throw new NotOwnerError(missing);
}

export interface OwnershipOptions {
  /**
   * How often the connection is probed. A probe unanswered for SILENT_PROBES intervals (8 s by
   * default) means the connection is lost. That must stay below the server-side timeouts in
   * SERVER_DETECTS_DEAD_PEER (about 10 s), so a cut-off node gives its meetings up before
   * PostgreSQL hands them to another; and well above what a busy node's event loop may lag (a
   * 2 s limit made nodes under a benchmark's load give themselves up while PostgreSQL was fine).
   */
  heartbeatMs?: number;
}

/**
 * Per-session settings (allowed for any user) that make PostgreSQL drop a silent peer's session,
 * and so its locks, within about 10 s: idle keepalives (5 s + 3 × 2 s) and, while a reply is
 * unacknowledged, tcp_user_timeout. A process that dies is noticed at once either way (its
 * kernel closes the socket); these cover a node cut off by the network.
 */
const SILENT_PROBES = 4;

const SERVER_DETECTS_DEAD_PEER = '-c tcp_keepalives_idle=5 -c tcp_keepalives_interval=2 -c tcp_keepalives_count=3 -c tcp_user_timeout=10000';

export class MeetingOwnership {
  private readonly client: pg.Client;
  private readonly ready: Promise<void>;
  private readonly owned = new Set<string>();
  /** acquire() calls in flight: session locks nest, so a second try-lock would need a second unlock. */
  private readonly acquiring = new Map<string, Promise<boolean>>();
  private readonly lostListeners: ((error: Error) => void)[] = [];
  private heartbeat: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();
  private probing = false;
  private lost: Error | undefined;
  private closing = false;

  constructor(
    connectionString: string,
    readonly nodeId: string,
    { heartbeatMs = 2000 }: OwnershipOptions = {},
  ) {
    this.client = new pg.Client({ connectionString, options: SERVER_DETECTS_DEAD_PEER, keepAlive: true, application_name: `handzeichen-owner ${nodeId}` });
    this.client.on('error', (e) => this.lose(e));
    this.client.on('end', () => this.lose(new Error('the ownership connection ended')));
    this.ready = this.client.connect().then(() => {
      this.heartbeat = setInterval(() => this.probe(heartbeatMs * SILENT_PROBES).catch((e: Error) => this.lose(e)), heartbeatMs).unref();
    });
    // Callers see a failed connect in their own call; this keeps it from being unhandled meanwhile.
    this.ready.catch((e: Error) => this.lose(e));
  }

  /** Calls `listener` once when the connection, and with it every meeting of this node, is lost. */
  onLost(listener: (error: Error) => void): void {
    if (this.lost) listener(this.lost);
    else this.lostListeners.push(listener);
  }

  /** Whether this node holds the meeting now (no round trip: the hot path asks this per command). */
  owns(meetingId: string): boolean {
    return this.owned.has(meetingId);
  }

  /** Takes the meeting if nobody holds it. True if this node owns it now (also if it already did). */
  acquire(meetingId: string): Promise<boolean> {
    if (this.owned.has(meetingId)) return Promise.resolve(true);
    let pending = this.acquiring.get(meetingId);
    if (!pending) {
      pending = this.tryAcquire(meetingId).finally(() => this.acquiring.delete(meetingId));
      this.acquiring.set(meetingId, pending);
    }
    return pending;
  }

  private async tryAcquire(meetingId: string): Promise<boolean> {
    await this.ready;
    if (this.lost) return false;
    const key = meetingLockKey(meetingId).toString();
    const { rows } = await this.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS got', [key]);
    if (!rows[0]!.got) return false;
    try {
      // Waits for commits of the previous owner still in flight (fenceOwnership), so the
      // meeting is read only after them.
      await this.query(
        `INSERT INTO meeting_owners (meeting_id, node_id, lock_key, backend_pid, acquired_at) VALUES ($1, $2, $3, pg_backend_pid(), now())
         ON CONFLICT (meeting_id) DO UPDATE
           SET node_id = EXCLUDED.node_id, lock_key = EXCLUDED.lock_key, backend_pid = EXCLUDED.backend_pid, acquired_at = EXCLUDED.acquired_at`,
        [meetingId, this.nodeId, key],
      );
    } catch (e) {
      // Holding the lock without the row would make the meeting unreachable: let it go.
      await this.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch(() => {});
      throw e;
    }
    // The connection may have died while the row was written: then the lock went with it.
    if (this.lost) return false;
    this.owned.add(meetingId);
    return true;
  }

  /** The node holding the meeting, or null when nobody does (a dead owner's row does not count). */
  async ownerOf(meetingId: string): Promise<string | null> {
    await this.ready;
    if (this.lost) throw this.lost;
    const { rows } = await this.query<{ node_id: string }>(`SELECT o.node_id FROM meeting_owners o WHERE o.meeting_id = $1 AND ${HOLDS_LOCK}`, [meetingId]);
    return rows[0]?.node_id ?? null;
  }

  /** Gives the meeting up (a node draining before shutdown). No-op if this node does not hold it. */
  async release(meetingId: string): Promise<void> {
    if (!this.owned.delete(meetingId) || this.lost) return;
    await this.query('DELETE FROM meeting_owners WHERE meeting_id = $1 AND backend_pid = pg_backend_pid()', [meetingId]);
    await this.query('SELECT pg_advisory_unlock($1::bigint)', [meetingLockKey(meetingId).toString()]);
  }

  /** Gives every meeting up and closes the connection (ending the session releases the locks). */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    this.owned.clear();
    await this.ready.catch(() => {});
    if (this.lost) return;
    await this.query('DELETE FROM meeting_owners WHERE backend_pid = pg_backend_pid()').catch(() => {});
    await this.client.end();
  }

  /**
   * One query at a time on the dedicated connection (node-postgres would queue them too, but
   * deprecates doing so): heartbeats, look-ups and takeovers from many sockets meet here.
   */
  private query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>> {
    const run = this.queue.then(() => this.client.query<R>(sql, params));
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async probe(ms: number): Promise<void> {
    // The probe still waiting judges; another one on top would only queue behind it.
    if (this.probing) return;
    this.probing = true;
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        // After a loop blocked by other work, timers run before the answer that arrived meanwhile
        // is read: judge only once the pending I/O has been handled.
        setImmediate(() => reject(new Error(`PostgreSQL did not answer within ${ms} ms`)));
      }, ms);
    });
    try {
      await Promise.race([this.query('SELECT 1'), silent]);
    } finally {
      clearTimeout(timer);
      this.probing = false;
    }
  }

  private lose(error: Error): void {
    if (this.closing || this.lost) return;
    this.lost = error;
    this.owned.clear();
    clearInterval(this.heartbeat);
    // A hung connection may still hold the session: end it, so PostgreSQL frees the locks as soon as it can.
    this.client.end().catch(() => {});
    for (const listener of this.lostListeners.splice(0)) listener(error);
  }
}
