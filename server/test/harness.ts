import { mkdtempSync, rmSync } from 'node:fs';
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

/** A real server on a free loopback port with a real SQLite file in a temporary folder. */
export interface TestServer {
  app: App;
  url: string;
  adminToken: string;
  dataDir: string;
  dbFile: string;
  createMeeting(spec?: MeetingSpecInput): Promise<CreatedMeeting>;
  /** Stops the server but keeps the database (for restart tests). */
  stop(): Promise<void>;
  /** Stops and deletes the temporary folder. */
  dispose(): Promise<void>;
}

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export async function startServer(opts: { dataDir?: string; port?: number; log?: Logger } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'handzeichen-test-'));
  const dbFile = join(dataDir, 'handzeichen.sqlite');
  const app = createApp({
    dbFile,
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
