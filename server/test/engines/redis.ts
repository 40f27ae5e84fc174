import { spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, freePort, spawnEngine, track, waitUntil } from './process.ts';

/**
 * A throwaway Redis (or Valkey) for tests of the cross-node fan-out: 127.0.0.1 at a random
 * port, no persistence (pub/sub keeps nothing worth saving), working dir in a temp dir.
 */

export interface TestRedis {
  /** redis://127.0.0.1:PORT */
  url: string;
  /** Kills the server and removes its temp dir. Idempotent. */
  stop(): Promise<void>;
}

/** redis-server, else valkey-server, from PATH. */
export function redisBinary(): string {
  for (const name of ['redis-server', 'valkey-server']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  throw new Error('neither redis-server nor valkey-server found: apt-get install redis-server (.ci/run does)');
}

export async function startRedis(): Promise<TestRedis> {
  const bin = redisBinary();
  const dir = mkdtempSync(join(tmpdir(), 'handzeichen-redis-'));
  const logFile = join(dir, 'server.log');
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : '');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const logFd = openSync(logFile, 'a');
    // Redis does not mind root, so no user switch; setpriv still ties its life to ours.
    const child = spawnEngine(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'], { logFd, cwd: dir, signal: 'SIGKILL' });
    closeSync(logFd);
    const untrack = track(child, dir, 'SIGKILL');
    const url = `redis://127.0.0.1:${port}`;
    try {
      await waitUntil(async () => (await respCommand(url, ['PING']).catch(() => '')) === 'PONG', child, 10_000, 'redis-server', log);
      return handle(url, child, dir, untrack);
    } catch (e) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited(child);
      untrack();
      if (attempt < 3 && /address already in use/i.test(log())) continue;
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }
}

function handle(url: string, child: ChildProcess, dir: string, untrack: () => void): TestRedis {
  let stopping: Promise<void> | undefined;
  return {
    url,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await exited(child);
        untrack();
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

/**
 * One command over a fresh connection in RESP, one reply back: enough to wait for PING and
 * for tests to look at the server without a client library. Simple strings, errors, integers
 * and bulk strings (null as null); no arrays.
 */
export function respCommand(url: string, args: string[], timeoutMs = 1000): Promise<string | number | null> {
  const { hostname, port } = new URL(url);
  const frame = `*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('');
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let buf = Buffer.alloc(0);
    const done = (err: Error | null, value?: string | number | null) => {
      socket.destroy();
      if (err) reject(err);
      else resolve(value ?? null);
    };
    socket.setTimeout(timeoutMs, () => done(new Error('redis: no reply')));
    socket.on('error', (e) => done(e));
    socket.on('connect', () => socket.write(frame));
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      const eol = buf.indexOf('\r\n');
      if (eol < 0) return;
      const head = buf.subarray(1, eol).toString();
      switch (String.fromCharCode(buf[0]!)) {
        case '+': return done(null, head);
        case '-': return done(new Error(`redis: ${head}`));
        case ':': return done(null, Number(head));
        case '$': {
          const len = Number(head);
          if (len < 0) return done(null, null);
          if (buf.length < eol + 2 + len + 2) return; // the rest of the bulk string is still on its way
          return done(null, buf.subarray(eol + 2, eol + 2 + len).toString());
        }
        default: return done(new Error(`redis: unexpected reply ${JSON.stringify(buf.toString())}`));
      }
    });
  });
}
