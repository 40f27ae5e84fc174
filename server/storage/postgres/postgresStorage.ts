import pg from 'pg';
import type { Storage } from '../storage.ts';
import { migrate } from './migrate.ts';
import { appendAudit } from './pgAudit.ts';
import { assertDurableCommits, PostgresMeetingStorage } from './postgresMeetingStorage.ts';
import { PostgresSetupStorage } from './postgresSetup.ts';
import { PostgresTokenStorage } from './postgresTokens.ts';

/**
 * Everything on one PostgreSQL database (DATABASE_URL): the single source of truth of a
 * cluster. Migrates on open (under an advisory lock, so nodes starting together do not race)
 * and refuses a server that would acknowledge commits before they are durable.
 */
export interface PostgresStorage extends Storage {
  meetings: PostgresMeetingStorage;
}

export async function openPostgresStorage(url: string, options: { poolSize?: number; onError?: (error: Error) => void } = {}): Promise<PostgresStorage> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 8 });
  // An idle client losing its connection emits on the pool; unheard, it would end the process.
  pool.on('error', options.onError ?? (() => {}));
  try {
    await migrate(pool);
    await assertDurableCommits(pool);
    const meetings = new PostgresMeetingStorage(pool);
    return {
      meetings,
      tokens: new PostgresTokenStorage(pool),
      setup: new PostgresSetupStorage(pool, (client, entry) => appendAudit(client, [entry])),
      ping: async () => {
        await pool.query('SELECT 1');
      },
      close: () => pool.end(),
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
