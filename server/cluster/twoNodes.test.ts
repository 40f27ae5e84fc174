import { resolve } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.ts';
import { createLogger } from '../logger.ts';
import { openPostgresStorage } from '../storage/postgres/postgresStorage.ts';
import { startPostgres, type TestPostgres } from '../test/engines/postgres.ts';
import { startRedis, type TestRedis } from '../test/engines/redis.ts';
import { ADMIN_TOKEN, connectClient, tokenOf, type TestClient } from '../test/harness.ts';
import { connectCluster } from './cluster.ts';

/**
 * Two nodes in one process on one PostgreSQL and one Redis: a meeting's chair, display and
 * tablets spread over both see one state, and every command runs on the meeting's owner.
 * (Killing nodes needs processes: e2e/cluster.test.ts.)
 */

let postgres: TestPostgres;
let redis: TestRedis;
const apps: App[] = [];
const clients: TestClient[] = [];
const errors: Error[] = [];

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);
afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  for (const app of apps.splice(0)) await app.close();
});
afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

async function node(databaseUrl: string, nodeId: string): Promise<{ app: App; url: string }> {
  const cluster = await connectCluster({ databaseUrl, redisUrl: redis.url, nodeId, onError: (e) => errors.push(e), onLost: (e) => errors.push(e) });
  const app = createApp({
    dbFile: '',
    storage: await openPostgresStorage(databaseUrl),
    cluster,
    adminToken: ADMIN_TOKEN,
    staticDir: resolve(import.meta.dirname, '../../dist/client'),
    log: createLogger(process.env.TEST_LOG ?? 'silent'),
  });
  apps.push(app);
  const address = await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${address.port}` };
}

async function join(url: string, link: string): Promise<TestClient> {
  const client = await connectClient(url, tokenOf(link));
  clients.push(client);
  return client;
}

describe('a meeting spread over two nodes', () => {
  it('runs the seed vote with the chair on one node and the display on the other', async () => {
    const databaseUrl = await postgres.createDatabase();
    const [a, b] = [await node(databaseUrl, 'node-a'), await node(databaseUrl, 'node-b')];
    const res = await fetch(`${a.url}/api/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify((await import('../demo/demoMeeting.ts')).DEMO_MEETING),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; chairUrl: string; displayUrl: string; members: { joinUrl: string }[] };

    const chair = await join(a.url, created.chairUrl);
    const display = await join(b.url, created.displayUrl);
    // The first device took the meeting for its node; every other node forwards to it.
    expect(a.app.service.get(created.id)).toBeDefined();
    expect(b.app.service.get(created.id)).toBeUndefined();
    const members = await Promise.all(created.members.slice(0, 10).map((m, i) => join(i % 2 ? b.url : a.url, m.joinUrl)));
    for (const m of members) expect((await m.call('attendance:self', { present: true })).ok).toBe(true);
    await display.waitFor((s) => s.quorum.present === 10);

    const itemId = chair.snapshot().agenda.find((i) => i.number === 'Ö 12')!.id;
    const opened = await chair.call<{ pollId: string }>('poll:open', { itemId });
    if (!opened.ok) throw new Error(opened.error.message);
    const { pollId } = opened.data;
    // Tablets on the other node get the open poll from the owner through Redis.
    await Promise.all(members.map((m) => m.waitFor((s) => s.polls.some((p) => p.id === pollId && p.status === 'open'))));
    const acks = await Promise.all(members.map((m, i) => m.call('ballot:cast', { pollId, choice: 'yes', ballotId: `ballot-${i}-000000` })));
    expect(acks.every((r) => r.ok)).toBe(true);
    await display.waitFor((s) => s.polls.find((p) => p.id === pollId)?.castCount === 10);
    await chair.waitFor((s) => s.polls.find((p) => p.id === pollId)?.castCount === 10);
    expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
    expect((await chair.call('poll:publish', { pollId })).ok).toBe(true);
    const shown = await display.waitFor((s) => s.polls.find((p) => p.id === pollId)?.status === 'published');
    expect(shown.polls.find((p) => p.id === pollId)).toMatchObject({ counts: { yes: 10, no: 0, abstain: 0 }, verdict: { passed: true } });

    // Either node answers the minutes from the stored record.
    const minutes = await (await fetch(`${b.url}/api/meetings/${created.id}/minutes.txt`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text();
    expect(minutes).toContain('Abstimmungsergebnis: Einstimmig\nJa-Stimmen: 10');
    expect(errors).toEqual([]);
  });

  it('a command sent to a node that does not own the meeting runs once, on the owner', async () => {
    const databaseUrl = await postgres.createDatabase();
    const [a, b] = [await node(databaseUrl, 'node-c'), await node(databaseUrl, 'node-d')];
    const res = await fetch(`${b.url}/api/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify((await import('../demo/demoMeeting.ts')).DEMO_MEETING),
    });
    const created = (await res.json()) as { id: string; chairUrl: string };
    const first = await join(a.url, created.chairUrl);
    const second = await join(b.url, created.chairUrl);
    const itemId = first.snapshot().agenda.find((i) => i.number === 'Ö 12')!.id;
    // Both consoles start the vote at once: exactly one wins, wherever it is connected.
    const results = await Promise.all([first.call('poll:open', { itemId, confirmNotQuorate: true }), second.call('poll:open', { itemId, confirmNotQuorate: true })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['poll_already_open']);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM polls WHERE meeting_id = $1 AND status = 'open'`, [created.id]);
    await db.end();
    expect(rows).toEqual([{ n: 1 }]);
  });
});
