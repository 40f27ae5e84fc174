import type pg from 'pg';
import { MIGRATIONS } from './schema.ts';
import { inTransaction } from './transaction.ts';

/**
 * Advisory lock key for migrations: ASCII "HZMIGR", a constant used for nothing else. Held
 * for one transaction: released by COMMIT or ROLLBACK, also when the connection dies.
 */
export const MIGRATION_LOCK = 0x485a_4d49_4752;

/**
 * Runs the migrations not yet applied, all in one transaction: PostgreSQL's DDL is
 * transactional, so a failure leaves the schema as it was. N server nodes starting at once
 * queue on the advisory lock; the first migrates, the others then find nothing to do.
 * `until` stops early (tests of a migration's effect on old data). Returns the version reached.
 */
export function migrate(pool: pg.Pool, until = MIGRATIONS.length): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Created under the lock, so two nodes never race on CREATE TABLE IF NOT EXISTS.
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_version (
        one BOOLEAN PRIMARY KEY DEFAULT true CHECK (one),
        version INTEGER NOT NULL
      )`);
    await client.query('INSERT INTO schema_version (version) VALUES (0) ON CONFLICT (one) DO NOTHING');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    const done = rows[0]!.version;
    for (let i = done; i < until; i++) await client.query(MIGRATIONS[i]!);
    if (until > done) await client.query('UPDATE schema_version SET version = $1', [until]);
    return Math.max(done, until);
  });
}
