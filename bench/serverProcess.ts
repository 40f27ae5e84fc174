import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Server } from 'socket.io';
import { createApp } from '../server/app.ts';
import { createLogger } from '../server/logger.ts';
import { BENCH_ADMIN_TOKEN, type FromServer, type ProcessKind, type ToServer } from './protocol.ts';
import { procCpuMicros } from './procStat.ts';
import { startSessionBaseline } from './sessionBaseline.ts';

/**
 * The server under test, in a process of its own so its RSS and CPU time are its own.
 * `baseline`: a bare Socket.IO server with the real server's transport options that
 * acknowledges a ballot at once. `handzeichen`: the real app with a real SQLite file.
 */

const kind = process.argv[2] as ProcessKind;

const send = (m: FromServer): void => void process.send!(m);

async function startBaseline(): Promise<{ port: number; close(): Promise<void> }> {
  const http = createServer();
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024, perMessageDeflate: false, transports: ['websocket'] });
  io.on('connection', (socket) => {
    socket.on('ballot:cast', (input: { pollId: string; choice: string; ballotId: string }, ack: (r: unknown) => void) => {
      ack({ ok: true, data: { pollId: input.pollId, choice: input.choice, ballotId: input.ballotId } });
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const port = (http.address() as { port: number }).port;
  return { port, close: () => new Promise((r) => io.close(() => r())) };
}

async function startHandzeichen(): Promise<{ port: number; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'handzeichen-bench-'));
  const app = createApp({
    dbFile: join(dataDir, 'handzeichen.sqlite'),
    adminToken: BENCH_ADMIN_TOKEN,
    // The client build to serve; the tablet-start bench can compare another build (argv[3]).
    staticDir: process.argv[3] ?? resolve(import.meta.dirname, '../dist/client'),
    log: createLogger('error'),
  });
  const { port } = await app.listen(0, '127.0.0.1');
  return {
    port,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The event-loop thread's CPU time alone, apart from the SQLite writer thread and V8's helper
 * threads that `process.cpuUsage()` adds in (Node 20 has no `threadCpuUsage`). Linux only: its
 * /proc stat file (10 ms clock ticks: a 10,000-ballot burst is ≈ 50 of them).
 */
function eventLoopCpuMicros(): number | null {
  try {
    return procCpuMicros(`/proc/self/task/${process.pid}/stat`);
  } catch {
    return null;
  }
}

const server = kind === 'baseline' ? await startBaseline() : kind === 'session-baseline' ? await startSessionBaseline() : await startHandzeichen();
send({ type: 'ready', port: server.port });

process.on('message', (msg: ToServer) => {
  if (msg.type === 'stats') {
    const cpu = process.cpuUsage();
    const mem = process.memoryUsage();
    send({ type: 'stats', rss: mem.rss, heapUsed: mem.heapUsed, cpuMicros: cpu.user + cpu.system, loopCpuMicros: eventLoopCpuMicros() });
  } else if (msg.type === 'stop') {
    void server.close().then(() => process.exit(0));
  }
});
