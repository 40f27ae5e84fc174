import type pg from 'pg';

/** Anything that runs a query: the pool, or one client inside a transaction. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/**
 * Runs `work` in one transaction on one pooled connection: COMMIT when it resolves, ROLLBACK
 * when it throws. READ COMMITTED whatever the server's default: the audit log's append lock
 * (pgAudit.ts) relies on each statement seeing the chain as committed by the one before.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN ISOLATION LEVEL READ COMMITTED'): Promise<T> {
  const client = await pool.connect();
  let failed: Error | undefined;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    failed = e as Error;
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    // A connection that failed mid-transaction is discarded, not handed to the next caller.
    client.release(failed);
  }
}
