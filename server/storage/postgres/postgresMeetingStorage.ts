import pg from 'pg';
import { meetingCreatedEntry } from '../../audit/auditEntries.ts';
import type { MeetingState } from '../../../shared/meeting/state.ts';
import type { NewMeeting } from '../meetingStore.ts';
import type { IssuedToken, MeetingSource } from '../storage.ts';
import type { MeetingStorage, StoreWrite } from '../storeWrites.ts';
import { appendAudit } from './pgAudit.ts';
import { loadMeeting } from './pgLoad.ts';
import { writeBatch } from './pgWrites.ts';
import { setSources } from './postgresSetup.ts';
import { insertTokens } from './postgresTokens.ts';
import { inTransaction } from './transaction.ts';
import { isoNow } from '../../clock.ts';

/**
 * The meeting storage on PostgreSQL (clustered mode): the same rows as SQLite, the same
 * MeetingState out of load(), the same audit-log entries per write. Each commit() is one
 * transaction on one pooled connection, acknowledged after COMMIT returned, which with
 * synchronous_commit on (checked by `open`) means after the WAL flush.
 *
 * The pool is the caller's (it may serve the token and setup stores too) unless `open` made it.
 * Writes run READ COMMITTED whatever the server's default: appending to the audit log relies on
 * each statement seeing what other nodes committed before it (pgAudit.ts).
 */
export class PostgresMeetingStorage implements MeetingStorage {
  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: () => string = isoNow,
    private readonly ownsPool = false,
  ) {}

  /**
   * In a cluster: runs inside every commit transaction before anything is written, with the
   * meetings the batch writes to; it throws when this node no longer owns one of them
   * (server/cluster/ownership.ts, fenceOwnership), so a node that lost a meeting cannot write it.
   */
  fence: ((client: pg.PoolClient, meetingIds: readonly string[]) => Promise<void>) | undefined;

  /**
   * A storage with a pool of its own on `url`; refuses a server whose commits are acknowledged
   * before they are durable (synchronous_commit off or local would lose acknowledged ballots
   * on a crash, or on a failover to a standby).
   */
  static async open(url: string, options: { max?: number; onError?: (error: Error) => void; clock?: () => string } = {}): Promise<PostgresMeetingStorage> {
    const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4 });
    // An idle client losing its connection emits on the pool; unheard, it would end the process.
    pool.on('error', options.onError ?? (() => {}));
    try {
      await assertDurableCommits(pool);
    } catch (e) {
      await pool.end();
      throw e;
    }
    return new PostgresMeetingStorage(pool, options.clock, true);
  }

  /** The meeting, its first links (hashed, as tokenStore.ts stores them) and import source, and its audit entry: one transaction. */
  async createMeeting(m: NewMeeting, createdAt: string, links: { tokens: readonly IssuedToken[]; source?: MeetingSource }): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO meetings (id, body, organization, name, start, location, rules, statutory_members, current_item_id, created_at, minute_format, language)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9, $10, $11)`,
        [m.id, m.body, m.organization, m.name, m.start, m.location, m.rules, m.statutoryMembers, createdAt, m.minuteFormat ?? 'allris', m.language ?? 'de'],
      );
      await client.query(
        `INSERT INTO members (meeting_id, id, position, name, role, voting_right, group_name)
         SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::boolean[], $7::text[])`,
        [m.id, m.members.map((x) => x.id), m.members.map((_, i) => i), m.members.map((x) => x.name), m.members.map((x) => x.role), m.members.map((x) => x.votingRight), m.members.map((x) => x.group ?? null)],
      );
      await client.query(
        `INSERT INTO agenda_items (meeting_id, id, position, number, name, public, paper)
         SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::boolean[], $7::text[])`,
        [m.id, m.agenda.map((x) => x.id), m.agenda.map((_, i) => i), m.agenda.map((x) => x.number), m.agenda.map((x) => x.name), m.agenda.map((x) => x.public), m.agenda.map((x) => x.paper)],
      );
      await insertTokens(client, links.tokens, createdAt);
      if (links.source) await setSources(client, m.id, links.source);
      await appendAudit(client, [meetingCreatedEntry(m, createdAt)]);
    });
  }

  async meetingIds(): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM meetings ORDER BY created_at COLLATE "C"');
    return rows.map((r) => r.id);
  }

  async load(meetingId: string): Promise<MeetingState | undefined> {
    return inTransaction(this.pool, (client) => loadMeeting(client, meetingId), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async commit(writes: readonly StoreWrite[]): Promise<void> {
    if (!writes.length) return;
    await inTransaction(this.pool, async (client) => {
      if (this.fence) await this.fence(client, writes.map((w) => w.meetingId));
      const now = this.clock;
      const pending = await writeBatch(client, writes, { batchAt: now(), now });
      await appendAudit(client, pending);
    });
  }

  /** Ends the pool if this storage opened it; a pool handed in is closed by its owner. */
  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}

/**
 * Refuses a server whose commits are acknowledged before they are durable: synchronous_commit
 * off or local would lose acknowledged ballots on a crash, or on a failover to a standby.
 */
export async function assertDurableCommits(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ sc: string }>(`SELECT current_setting('synchronous_commit') AS sc`);
  if (rows[0]!.sc === 'off' || rows[0]!.sc === 'local') throw new Error(`synchronous_commit is ${rows[0]!.sc}: acknowledged ballots could be lost`);
}
