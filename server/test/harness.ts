import { mkdtempSync, rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io as ioClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events.ts';
import type { MeetingSpecInput } from '../../shared/protocol/meetingSpec.ts';
import type { Result } from '../../shared/protocol/result.ts';
import { applyProgress } from '../../shared/protocol/selectors.ts';
import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import { createApp, type App } from '../app.ts';
import { DEMO_MEETING } from '../demo/demoMeeting.ts';
import { createLogger, type Logger } from '../logger.ts';
import type { CreatedMeeting } from '../meetings/createMeeting.ts';
import type { Db } from '../storage/database.ts';
import { openPostgresStorage } from '../storage/postgres/postgresStorage.ts';
import { startPostgres, type TestPostgres } from './engines/postgres.ts';

/** The stores a server runs on; the integration suites run once per store. */
export type StoreKind = 'sqlite' | 'postgres';
export const STORES: readonly StoreKind[] = ['sqlite', 'postgres'];

/**
 * A real server on a free loopback port: with a real SQLite file in a temporary folder, or on a
 * database of a real (throwaway) PostgreSQL server.
 */
export interface TestServer {
  app: App;
  url: string;
  adminToken: string;
  dataDir: string;
  dbFile: string;
  /** The PostgreSQL database, when the server runs on one (a restart passes it on). */
  databaseUrl: string | undefined;
  /** The SQLite file's connection, for tests that look into the file itself. */
  readonly db: Db;
  /**
   * Runs one SQL statement on the server's store, whichever it is (`?` placeholders; counts come
   * back as numbers): for tests that check what was stored, or what the database refuses.
   */
  rows(sql: string, ...params: unknown[]): Promise<Record<string, unknown>[]>;
  createMeeting(spec?: MeetingSpecInput): Promise<CreatedMeeting>;
  /** Stops the server but keeps the database (for restart tests). */
  stop(): Promise<void>;
  /** Stops and deletes the temporary folder. */
  dispose(): Promise<void>;
}

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export async function startServer(opts: { dataDir?: string; port?: number; log?: Logger; databaseUrl?: string } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'handzeichen-test-'));
  const dbFile = join(dataDir, 'handzeichen.sqlite');
  const app = createApp({
    dbFile,
    ...(opts.databaseUrl ? { storage: await openPostgresStorage(opts.databaseUrl) } : {}),
    adminToken: ADMIN_TOKEN,
    staticDir: resolve(import.meta.dirname, '../../dist/client'),
    log: opts.log ?? createLogger(process.env.TEST_LOG ?? 'silent'),
  });
  const address = await app.listen(opts.port ?? 0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
  };
  return {
    app,
    url,
    adminToken: ADMIN_TOKEN,
    dataDir,
    dbFile,
    databaseUrl: opts.databaseUrl,
    get db() {
      if (!app.db) throw new Error('this server runs on PostgreSQL, not on a SQLite file');
      return app.db;
    },
    async rows(sql, ...params) {
      if (app.db) {
        const statement = app.db.prepare(sql);
        if (!statement.reader) return statement.run(...params), [];
        return statement.all(...params) as Record<string, unknown>[];
      }
      // count(*) is a bigint, which node-postgres hands over as a string unless told otherwise.
      const types = { getTypeParser: (oid: number, format?: string) => (oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format as 'text')) };
      const client = new pg.Client({ connectionString: opts.databaseUrl, types: types as pg.CustomTypesConfig });
      await client.connect();
      try {
        let n = 0;
        return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    },
    async createMeeting(spec = DEMO_MEETING) {
      const res = await fetch(`${url}/api/meetings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(spec),
      });
      if (res.status !== 201) throw new Error(`createMeeting: ${res.status} ${await res.text()}`);
      return (await res.json()) as CreatedMeeting;
    },
    stop,
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ServerFixture {
  /** This test's server (a new one for every test). */
  readonly server: TestServer;
  /** A connected client for a link; disconnected after the test. */
  join(link: string): Promise<TestClient>;
  /** Stops the server (its clients disconnected) and starts a new one on the same data. */
  restart(): Promise<TestServer>;
  /**
   * The demo meeting with chair, display and the ten voting members connected and checked in
   * ("Anwesend"); `item('Ö 12')` finds an agenda item by its number.
   */
  demo(): Promise<{
    created: CreatedMeeting;
    chair: TestClient;
    display: TestClient;
    members: TestClient[];
    item(number: string): MeetingSnapshot['agenda'][number];
  }>;
}

/**
 * Registers the hooks for a suite over real sockets: a fresh server on `store` for every test
 * (PostgreSQL: one throwaway server for the file, a new database per test), its clients
 * disconnected and the server disposed after each.
 */
export function useTestServer(store: StoreKind = 'sqlite', options: { log?: Logger } = {}): ServerFixture {
  let postgres: TestPostgres | undefined;
  let current: TestServer | undefined;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    if (store === 'postgres') postgres = await startPostgres();
  }, 60_000);
  beforeEach(async () => {
    current = await startServer({ ...options, ...(postgres ? { databaseUrl: await postgres.createDatabase() } : {}) });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    await current?.dispose();
    current = undefined;
  });
  afterAll(async () => {
    await postgres?.stop();
  });
  return {
    get server() {
      if (!current) throw new Error('no server outside a test');
      return current;
    },
    async join(link) {
      const client = await connectClient(this.server.url, tokenOf(link));
      clients.push(client);
      return client;
    },
    async demo() {
      const created = await this.server.createMeeting();
      const chair = await this.join(created.chairUrl);
      const display = await this.join(created.displayUrl);
      const members = await Promise.all(created.members.slice(0, 10).map((m) => this.join(m.joinUrl)));
      const checkIns = await Promise.all(members.map((m) => m.call('attendance:self', { present: true })));
      if (!checkIns.every((r) => r.ok)) throw new Error('check-in failed');
      const item = (number: string) => chair.snapshot().agenda.find((i) => i.number === number)!;
      return { created, chair, display, members, item };
    },
    async restart() {
      const { dataDir, databaseUrl } = this.server;
      for (const c of clients.splice(0)) c.disconnect();
      await this.server.stop();
      current = await startServer({ ...options, dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
      return current;
    },
  };
}

export const tokenOf = (link: string): string => new URL(link).hash.replace('#token=', '');

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents> & {
  /** The newest snapshot received. */
  snapshot(): MeetingSnapshot;
  /** Resolves with the first snapshot (present or future) that satisfies the predicate. */
  waitFor(pred: (s: MeetingSnapshot) => boolean, timeoutMs?: number): Promise<MeetingSnapshot>;
  call<T = unknown>(event: keyof ClientToServerEvents, payload: unknown): Promise<Result<T>>;
};

/** A real socket.io-client connection, resolved once the first snapshot arrived. */
export function connectClient(url: string, token: string): Promise<TestClient> {
  const socket = ioClient(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true }) as TestClient;
  let latest: MeetingSnapshot | undefined;
  const waiters: { pred: (s: MeetingSnapshot) => boolean; resolve: (s: MeetingSnapshot) => void }[] = [];
  const notify = () => {
    for (const w of [...waiters]) {
      if (latest && w.pred(latest)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(latest);
      }
    }
  };
  socket.on('meeting:snapshot', (s) => {
    latest = s;
    notify();
  });
  socket.on('poll:progress', (p) => {
    if (!latest) return;
    latest = applyProgress(latest, p);
    notify();
  });
  socket.snapshot = () => {
    if (!latest) throw new Error('no snapshot yet');
    return latest;
  };
  socket.waitFor = (pred, timeoutMs = 5_000) =>
    new Promise((resolve, reject) => {
      if (latest && pred(latest)) return resolve(latest);
      const timer = setTimeout(() => reject(new Error('waitFor: timed out')), timeoutMs);
      waiters.push({ pred, resolve: (s) => (clearTimeout(timer), resolve(s)) });
    });
  socket.call = (event, payload) =>
    (socket.timeout(5_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Result<never>> }).emitWithAck(event, payload);
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (e) => reject(e));
    socket.once('meeting:snapshot', () => resolve(socket));
  });
}
