import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS, entryHash } from '../../audit/auditLog.ts';
import { startPostgres, type TestPostgres } from '../../test/engines/postgres.ts';
import { respCommand, startRedis } from '../../test/engines/redis.ts';
import { migrate as migrateSqlite } from '../schema.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS } from './schema.ts';

/**
 * The PostgreSQL schema against a real, throwaway PostgreSQL (server/test/engines/postgres.ts):
 * the invariants the service relies on are refused by the database itself, as in SQLite.
 */

let server: TestPostgres;
const pools: pg.Pool[] = [];

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await server?.stop();
});

/** A pool on a database of its own (one per test), migrated unless told otherwise. */
async function freshDatabase(opts: { migrated?: boolean } = {}): Promise<{ url: string; pool: pg.Pool }> {
  const url = await server.createDatabase();
  const pool = open(url);
  if (opts.migrated !== false) await migrate(pool);
  return { url, pool };
}

function open(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  pools.push(pool);
  return pool;
}

/** The SQLSTATE a statement fails with (undefined: it succeeded). */
async function sqlState(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<string | undefined> {
  try {
    await pool.query(sql, params);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

async function columnsOf(pool: pg.Pool, table: string): Promise<string[]> {
  const { rows } = await pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name);
}

const meeting = (pool: pg.Pool, id = 'm1') =>
  pool.query(
    `INSERT INTO meetings (id, body, organization, name, start, location, rules, statutory_members, created_at)
     VALUES ($1, 'Rat', 'Stadt', 'Sitzung', '2026-12-03T17:00', 'Rathaus', 'gemo-nrw', 10, '2026-12-01T00:00:00Z')`,
    [id],
  );
const poll = (pool: pg.Pool, id: string, status = 'open', item = 'i1', meetingId = 'm1') =>
  sqlState(
    pool,
    `INSERT INTO polls (id, meeting_id, item_id, round, mode, majority, status, opened_at, eligible_member_ids)
     VALUES ($1, $2, $3, (SELECT count(*) + 1 FROM polls WHERE meeting_id = $2 AND item_id = $3), 'open', 'simple', $4, '2026-12-03T17:05Z', '[]')`,
    [id, meetingId, item, status],
  );

describe('the throwaway PostgreSQL', () => {
  it('runs with fsync and synchronous commit on, and stop() is idempotent and final', async () => {
    const { pool } = await freshDatabase({ migrated: false });
    const { rows } = await pool.query(`SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sc`);
    expect(rows[0]).toEqual({ fsync: 'on', sc: 'on' });

    const other = await startPostgres();
    const client = new pg.Client({ connectionString: other.url });
    await client.connect();
    await client.end();
    await Promise.all([other.stop(), other.stop()]);
    await other.stop();
    const late = new pg.Client({ connectionString: other.url, connectionTimeoutMillis: 1000 });
    await expect(late.connect()).rejects.toThrow();
  });
});

describe('migrations', () => {
  it('run once, concurrently from several pools, and again as a no-op', async () => {
    const { url, pool } = await freshDatabase({ migrated: false });
    const others = [open(url), open(url), open(url)];
    const reached = await Promise.all([pool, ...others].map((p) => migrate(p)));
    expect(reached).toEqual(reached.map(() => MIGRATIONS.length));
    expect((await pool.query('SELECT version FROM schema_version')).rows).toEqual([{ version: MIGRATIONS.length }]);
    expect(await migrate(others[0]!)).toBe(MIGRATIONS.length);
    expect((await pool.query('SELECT count(*)::int AS n FROM schema_version')).rows).toEqual([{ n: 1 }]);
  });

  it('give every SQLite table its columns, so the two storages hold the same data', async () => {
    const { pool } = await freshDatabase();
    const lite = new Database(':memory:');
    migrateSqlite(lite);
    const liteTables = (lite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    const { rows } = await pool.query<{ table_name: string }>(
      // meeting_owners is the clustered mode's bookkeeping (server/cluster/ownership.ts): no meeting data, no SQLite counterpart.
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('schema_version', 'meeting_owners') ORDER BY table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(liteTables);
    for (const table of liteTables) {
      const liteColumns = (lite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name).sort();
      expect({ table, columns: (await columnsOf(pool, table)).sort() }).toEqual({ table, columns: liteColumns });
    }
    lite.close();
  });
});

describe('the database refuses', () => {
  it('a second ballot of a member in a poll, and a ballot for no poll', async () => {
    const { pool } = await freshDatabase();
    await meeting(pool);
    expect(await poll(pool, 'p1')).toBeUndefined();
    const ballot = (member: string, pollId = 'p1') =>
      sqlState(pool, `INSERT INTO ballots (poll_id, member_id, choice, ballot_id, cast_at) VALUES ($1, $2, 'yes', $3, 'now')`, [pollId, member, `b-${member}`]);
    expect(await ballot('a')).toBeUndefined();
    expect(await ballot('b')).toBeUndefined();
    expect(await ballot('a')).toBe('23505'); // unique_violation
    expect(await ballot('c', 'nope')).toBe('23503'); // foreign_key_violation
    expect(await sqlState(pool, `INSERT INTO ballots (poll_id, member_id, choice, ballot_id, cast_at) VALUES ('p1', 'd', 'maybe', 'x', 'now')`)).toBe('23514');
    // The same holds for the secret side: a member is a voter once.
    const voter = () => sqlState(pool, `INSERT INTO secret_voters (poll_id, member_id, ballot_id) VALUES ('p1', 'a', 'x')`);
    expect(await voter()).toBeUndefined();
    expect(await voter()).toBe('23505');
  });

  it('a second open poll in a meeting, but not one in another meeting or after closing', async () => {
    const { pool } = await freshDatabase();
    await meeting(pool, 'm1');
    await meeting(pool, 'm2');
    expect(await poll(pool, 'p1')).toBeUndefined();
    expect(await poll(pool, 'p2', 'open', 'i2')).toBe('23505');
    expect(await poll(pool, 'q1', 'open', 'i1', 'm2')).toBeUndefined();
    await pool.query(`UPDATE polls SET status = 'closed' WHERE id = 'p1'`);
    expect(await poll(pool, 'p2', 'open', 'i2')).toBeUndefined();
    // Reopening the closed one while p2 is open is refused too.
    expect(await sqlState(pool, `UPDATE polls SET status = 'open' WHERE id = 'p1'`)).toBe('23505');
  });

  it('changing or removing audit log entries, and entries that fork or skip the chain', async () => {
    const { pool } = await freshDatabase();
    const entries: { seq: number; hash: string }[] = [];
    const append = (seq: number, prevHash: string) => {
      const e = { seq, meetingId: 'm1', at: `2026-12-03T17:0${seq}Z`, kind: 'ballot.accepted', pollId: 'p1', payload: JSON.stringify({ n: seq }), prevHash };
      const hash = entryHash(e);
      return sqlState(
        pool,
        `INSERT INTO audit_log (seq, meeting_id, at, kind, poll_id, payload, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [e.seq, e.meetingId, e.at, e.kind, e.pollId, e.payload, e.prevHash, hash],
      ).then((state) => {
        if (!state) entries.push({ seq, hash });
        return state;
      });
    };
    expect(await append(1, 'f'.repeat(64))).toBe('23514'); // the first entry starts from the genesis hash
    expect(await append(1, GENESIS)).toBeUndefined();
    expect(await append(2, entries[0]!.hash)).toBeUndefined();
    expect(await append(3, entries[0]!.hash)).toBe('23514'); // does not follow entry 2
    expect(await append(2, entries[0]!.hash)).toBe('23505'); // a fork: entry 2 exists
    expect(await append(4, entries[1]!.hash)).toBe('23514'); // a gap
    expect(await append(3, entries[1]!.hash)).toBeUndefined();

    expect(await sqlState(pool, `UPDATE audit_log SET payload = '{}' WHERE seq = 2`)).toBe('23001');
    expect(await sqlState(pool, `DELETE FROM audit_log WHERE seq = 3`)).toBe('23001');
    expect(await sqlState(pool, `DELETE FROM audit_log WHERE false`)).toBe('23001');
    expect(await sqlState(pool, `TRUNCATE audit_log`)).toBe('23001');
    await expect(pool.query(`UPDATE audit_log SET kind = 'x'`)).rejects.toThrow('audit_log is append-only');
    expect((await pool.query(`SELECT seq::int, hash FROM audit_log ORDER BY seq`)).rows).toEqual(entries);
  });
});

describe('secret ballots', () => {
  it('have no column, key or reference linking a member to a choice', async () => {
    const { pool } = await freshDatabase();
    // The voters carry member and ballot id only: no choice, no time.
    expect(await columnsOf(pool, 'secret_voters')).toEqual(['poll_id', 'member_id', 'ballot_id']);
    // The choices exist only as counters, per poll and choice or candidate, with no member.
    expect(await columnsOf(pool, 'secret_tallies')).toEqual(['poll_id', 'yes', 'no', 'abstain']);
    expect(await columnsOf(pool, 'secret_votes')).toEqual(['poll_id', 'candidate_id', 'votes']);
    // Each refers to nothing but its poll, so no join leads from a voter to a counter row of theirs.
    const { rows } = await pool.query<{ table_name: string; refs: string }>(
      `SELECT tc.table_name, string_agg(ccu.table_name || '.' || ccu.column_name, ',') AS refs
         FROM information_schema.table_constraints tc
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name IN ('secret_voters', 'secret_tallies', 'secret_votes')
        GROUP BY tc.table_name ORDER BY tc.table_name`,
    );
    expect(rows).toEqual([
      { table_name: 'secret_tallies', refs: 'polls.id' },
      { table_name: 'secret_voters', refs: 'polls.id' },
      { table_name: 'secret_votes', refs: 'polls.id' },
    ]);
    // No table at all has both a member column and a choice column but the open ballots.
    const { rows: linked } = await pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public'
        GROUP BY table_name
       HAVING bool_or(column_name = 'member_id') AND bool_or(column_name IN ('choice', 'yes', 'no', 'abstain', 'candidate_id', 'votes', 'marks'))`,
    );
    expect(linked.map((r) => r.table_name)).toEqual(['ballots']);
  });
});

describe('the throwaway Redis', () => {
  it('answers PING, SET and GET, and is gone after stop()', async () => {
    const redis = await startRedis();
    try {
      expect(await respCommand(redis.url, ['PING'])).toBe('PONG');
      expect(await respCommand(redis.url, ['SET', 'sitzung', 'Ö 12 – Beschluss'])).toBe('OK');
      expect(await respCommand(redis.url, ['GET', 'sitzung'])).toBe('Ö 12 – Beschluss');
      expect(await respCommand(redis.url, ['GET', 'nothing'])).toBeNull();
      expect(await respCommand(redis.url, ['DBSIZE'])).toBe(1);
    } finally {
      await Promise.all([redis.stop(), redis.stop()]);
    }
    await expect(respCommand(redis.url, ['PING'])).rejects.toThrow();
  });
});
