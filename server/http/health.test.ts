import { describe, expect, it } from 'vitest';
import { startPostgres } from '../test/engines/postgres.ts';
import { startServer, STORES, useTestServer } from '../test/harness.ts';

const healthz = async (url: string) => {
  const res = await fetch(`${url}/healthz`);
  return { status: res.status, cacheControl: res.headers.get('cache-control'), body: (await res.json()) as unknown };
};

describe.each(STORES)('GET /healthz on %s', (store) => {
  const t = useTestServer(store);

  it('answers 200 without auth while the storage answers', async () => {
    expect(await healthz(t.server.url)).toEqual({ status: 200, cacheControl: 'no-store', body: { status: 'ok' } });
  });

  it('answers 503 once the node drains', async () => {
    t.server.app.health.drain();
    expect(await healthz(t.server.url)).toEqual({ status: 503, cacheControl: 'no-store', body: { status: 'unavailable', reason: 'draining' } });
    // The API itself still serves the meetings that are running until the node stops.
    expect((await fetch(`${t.server.url}/api/admin/meetings`, { headers: { authorization: `Bearer ${t.server.adminToken}` } })).status).toBe(200);
  });

  it('refuses other methods and leaves other paths outside /api/ to the static files', async () => {
    expect((await fetch(`${t.server.url}/healthz`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${t.server.url}/healthz/x`)).status).toBe(404);
  });
});

describe('GET /healthz when the database is gone', () => {
  it('answers 503 on SQLite once the connection is closed', async () => {
    const server = await startServer();
    try {
      server.db.close();
      expect(await healthz(server.url)).toEqual({ status: 503, cacheControl: 'no-store', body: { status: 'unavailable', reason: 'storage error' } });
    } finally {
      await server.dispose();
    }
  });

  it('answers 503 on PostgreSQL once the database server stopped, and does not say why in detail', async () => {
    const postgres = await startPostgres();
    const server = await startServer({ databaseUrl: await postgres.createDatabase() });
    try {
      expect((await healthz(server.url)).status).toBe(200);
      await postgres.stop();
      expect(await healthz(server.url)).toEqual({ status: 503, cacheControl: 'no-store', body: { status: 'unavailable', reason: 'storage error' } });
    } finally {
      await server.dispose();
      await postgres.stop();
    }
  }, 60_000);
});
