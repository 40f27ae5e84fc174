import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, freePort, spawnEngine, track, waitUntil } from './process.ts';

export interface TestHaproxy {
  url: string;
  /** Connections open to each backend right now (`node1`, `node2`, …), from HAProxy's stats socket. */
  sessions(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/**
 * A throwaway HAProxy (Debian's) in front of the given loopback ports, set up as
 * deploy/haproxy.cfg is, but quicker to notice a dead node (a test kills them on purpose): a
 * node fails its check after one miss 200 ms apart, and a connection that finds it dead is
 * sent to another (redispatch). The check is a TCP connect, so it needs nothing of the node.
 * Devices opened one after another land on the nodes in turn (leastconn over WebSockets only).
 */
export async function startHaproxy(
  backendPorts: readonly number[],
  options: {
    /** Connections at once; each takes two descriptors, which HAProxy (as root) raises its limit for. */
    maxconn?: number;
    /** The servers' health check (the benchmark uses deploy/haproxy.cfg's intervals: it kills nobody). */
    check?: string;
  } = {},
): Promise<TestHaproxy> {
  const { maxconn = 2000, check = 'check inter 200ms fall 1 rise 1 on-marked-down shutdown-sessions' } = options;
  const dir = mkdtempSync(join(tmpdir(), 'handzeichen-haproxy-'));
  const logFile = join(dir, 'haproxy.log');
  const port = await freePort();
  const config = join(dir, 'haproxy.cfg');
  const statsSocket = join(dir, 'stats.sock');
  writeFileSync(
    config,
    [
      'global',
      `    maxconn ${maxconn}`,
      `    stats socket ${statsSocket} mode 600 level user`,
      'defaults',
      '    mode http',
      '    timeout connect 1s',
      '    timeout client 30s',
      '    timeout server 30s',
      '    timeout tunnel 1h',
      '    option redispatch',
      // Plain requests close after their answer: only WebSockets stay, and leastconn spreads those.
      '    option http-server-close',
      '    retries 3',
      'frontend handzeichen',
      `    bind 127.0.0.1:${port}`,
      '    default_backend nodes',
      'backend nodes',
      '    balance leastconn',
      `    default-server ${check}`,
      ...backendPorts.map((p, i) => `    server node${i + 1} 127.0.0.1:${p}`),
      '',
    ].join('\n'),
  );
  const logFd = openSync(logFile, 'a');
  // Debian puts it in /usr/sbin, which an ordinary user's PATH may lack.
  const bin = existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy';
  const child = spawnEngine(bin, ['-f', config, '-db'], { logFd, cwd: dir, signal: 'SIGKILL' });
  closeSync(logFd);
  const untrack = track(child, dir, 'SIGKILL');
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : '');
  await waitUntil(() => canConnect(port), child, 10_000, 'haproxy', log);
  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    async sessions() {
      // `show stat` is CSV: pxname, svname, qcur, qmax, scur (current sessions), …
      const csv = await ask(statsSocket, 'show stat\n');
      const rows = csv.split('\n').map((line) => line.split(','));
      return Object.fromEntries(rows.filter((r) => r[0] === 'nodes' && /^node\d+$/.test(r[1] ?? '')).map((r) => [r[1]!, Number(r[4])]));
    },
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

/** Sends one command to HAProxy's stats socket and reads the answer until it closes the connection. */
function ask(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(socketPath, () => socket.end(command));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.once('end', () => resolve(answer));
    socket.once('error', reject);
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
