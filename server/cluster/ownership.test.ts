import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../storage/postgres/migrate.ts';
import { startPostgres, type TestPostgres } from '../test/engines/postgres.ts';
import { MeetingOwnership, NotOwnerError, fenceOwnership } from './ownership.ts';

let postgres: TestPostgres;
const cleanup: (() => Promise<void>)[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});
afterAll(async () => {
  await postgres?.stop();
});

/** A migrated database, a third connection to look and shoot with, and the "nodes" on it. */
async function cluster() {
  const url = await postgres.createDatabase();
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  cleanup.push(() => admin.end());
  await migrate(admin);
  const node = (nodeId: string, heartbeatMs?: number) => {
    const ownership = new MeetingOwnership(url, nodeId, { heartbeatMs });
    cleanup.push(() => ownership.close());
    return ownership;
  };
  const backendOf = async (meetingId: string) =>
    (await admin.query<{ backend_pid: number }>('SELECT backend_pid FROM meeting_owners WHERE meeting_id = $1', [meetingId])).rows[0]!.backend_pid;
  return { url, admin, node, backendOf };
}

const lostPromise = (ownership: MeetingOwnership) => new Promise<Error>((resolve) => ownership.onLost(resolve));

/** Polls acquire() until it succeeds; returns the milliseconds since `since`. */
async function acquireWhenFree(ownership: MeetingOwnership, meetingId: string, since: number): Promise<number> {
  for (;;) {
    if (await ownership.acquire(meetingId)) return performance.now() - since;
    if (performance.now() - since > 10_000) throw new Error(`${meetingId} not free after 10 s`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('meeting ownership', () => {
  it('goes to exactly one of two nodes racing for a meeting; the other sees the winner', async () => {
    const { node } = await cluster();
    const a = node('node-a');
    const b = node('node-b');
    for (let i = 0; i < 20; i++) {
      const meetingId = `m${i}`;
      const [gotA, gotB] = await Promise.all([a.acquire(meetingId), b.acquire(meetingId)]);
      expect(gotA !== gotB).toBe(true);
      const [winner, loser] = gotA ? [a, b] : [b, a];
      expect(winner.owns(meetingId)).toBe(true);
      expect(loser.owns(meetingId)).toBe(false);
      expect(await loser.ownerOf(meetingId)).toBe(winner.nodeId);
      expect(await winner.ownerOf(meetingId)).toBe(winner.nodeId);
      // Asking again changes nothing: the winner keeps it, the loser still does not get it.
      expect(await winner.acquire(meetingId)).toBe(true);
      expect(await loser.acquire(meetingId)).toBe(false);
    }
    expect(await a.ownerOf('never-opened')).toBeNull();
  });

  it('passes to the other node when the owner\'s connection is killed, and the owner hears it lost', async () => {
    const { admin, node, backendOf } = await cluster();
    const a = node('node-a');
    const b = node('node-b');
    expect(await a.acquire('m1')).toBe(true);
    expect(await a.acquire('m2')).toBe(true);
    expect(await b.acquire('m1')).toBe(false);
    const lost = lostPromise(a);

    // What a process killed with -9 looks like to PostgreSQL: its session ends.
    const killedAt = performance.now();
    await admin.query('SELECT pg_terminate_backend($1)', [await backendOf('m1')]);
    const takeoverMs = await acquireWhenFree(b, 'm1', killedAt);
    console.log(`ownership: killed owner connection → other node acquired in ${takeoverMs.toFixed(1)} ms`);

    expect((await lost).message).toMatch(/terminat/i);
    expect(a.owns('m1')).toBe(false);
    expect(a.owns('m2')).toBe(false);
    expect(await a.acquire('m2')).toBe(false); // a lost instance owns nothing any more
    expect(await b.ownerOf('m1')).toBe('node-b');
    // The dead owner's row still names it, but its lock is gone: nobody owns m2 until someone takes it.
    expect((await admin.query('SELECT node_id FROM meeting_owners WHERE meeting_id = $1', ['m2'])).rows).toEqual([{ node_id: 'node-a' }]);
    expect(await b.ownerOf('m2')).toBeNull();
    expect(await b.acquire('m2')).toBe(true);
  });

  it('is lost by a node whose connection hangs, before PostgreSQL frees the lock for another', async () => {
    const { node, backendOf } = await cluster();
    const a = node('node-a', 200);
    const b = node('node-b');
    expect(await a.acquire('m1')).toBe(true);
    const lost = lostPromise(a);
    // A backend that stops answering: to the node, the same as a network that went silent.
    const backend = await backendOf('m1');
    process.kill(backend, 'SIGSTOP');
    try {
      const stoppedAt = performance.now();
      expect((await lost).message).toMatch(/did not answer/);
      // Four silent probes of 200 ms, well before PostgreSQL's own 10 s.
      expect(performance.now() - stoppedAt).toBeLessThan(3000);
      expect(a.owns('m1')).toBe(false);
      expect(await b.acquire('m1')).toBe(false); // the silent session still holds it
    } finally {
      process.kill(backend, 'SIGCONT');
    }
    // Back, the backend reads the node's goodbye and ends: the meeting is free.
    await acquireWhenFree(b, 'm1', performance.now());
  });

  it('fences writes: the old owner\'s commit in flight delays the takeover, later ones are refused', async () => {
    const { url, admin, node, backendOf } = await cluster();
    const a = node('node-a');
    const b = node('node-b');
    expect(await a.acquire('m1')).toBe(true);
    expect(await a.acquire('m2')).toBe(true);
    const store = new pg.Pool({ connectionString: url, max: 2 });
    cleanup.push(() => store.end());
    const inTransaction = async (work: (client: pg.PoolClient) => Promise<void>) => {
      const client = await store.connect();
      try {
        await client.query('BEGIN');
        await work(client);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      } finally {
        client.release();
      }
    };
    await expect(inTransaction((c) => fenceOwnership(c, ['m1', 'm2', 'm1'], 'node-a'))).resolves.toBeUndefined();
    await expect(inTransaction((c) => fenceOwnership(c, ['m1', 'm3'], 'node-a'))).rejects.toEqual(new NotOwnerError(['m3']));
    await expect(inTransaction((c) => fenceOwnership(c, ['m1'], 'node-b'))).rejects.toBeInstanceOf(NotOwnerError);

    // The old owner's group commit has passed the fence when its node dies.
    const writer = await store.connect();
    await writer.query('BEGIN');
    await fenceOwnership(writer, ['m1'], 'node-a');
    await admin.query('SELECT pg_terminate_backend($1)', [await backendOf('m1')]);
    let tookOver = false;
    const takeover = acquireWhenFree(b, 'm1', performance.now()).then(() => (tookOver = true));
    // b has the lock and waits to rewrite the owner row until that commit is done.
    for (;;) {
      const { rows } = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'handzeichen-owner node-b' AND wait_event_type = 'Lock'`);
      if (rows.length) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(tookOver).toBe(false);
    await writer.query('COMMIT');
    writer.release();
    await takeover;
    // From now on the old owner's writes are refused, also for the meeting nobody took yet.
    await expect(inTransaction((c) => fenceOwnership(c, ['m1'], 'node-a'))).rejects.toEqual(new NotOwnerError(['m1']));
    await expect(inTransaction((c) => fenceOwnership(c, ['m2'], 'node-a'))).rejects.toEqual(new NotOwnerError(['m2']));
    await expect(inTransaction((c) => fenceOwnership(c, ['m1'], 'node-b'))).resolves.toBeUndefined();
  });

  it('is given up by release() and close()', async () => {
    const { admin, node } = await cluster();
    const a = node('node-a');
    const b = node('node-b');
    expect(await a.acquire('m1')).toBe(true);
    expect(await a.acquire('m2')).toBe(true);
    await a.release('m1');
    await a.release('m1'); // not held any more: nothing to do
    expect(a.owns('m1')).toBe(false);
    expect(await b.ownerOf('m1')).toBeNull();
    expect(await b.acquire('m1')).toBe(true);
    await a.close();
    expect(await b.ownerOf('m2')).toBeNull();
    expect(await b.acquire('m2')).toBe(true);
    expect((await admin.query('SELECT meeting_id, node_id FROM meeting_owners ORDER BY meeting_id')).rows).toEqual([
      { meeting_id: 'm1', node_id: 'node-b' },
      { meeting_id: 'm2', node_id: 'node-b' },
    ]);
  });

});
