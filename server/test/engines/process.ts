import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * What the throwaway engines (postgres.ts, redis.ts) share: a free loopback port, a child that
 * dies with the test process, and a last-resort cleanup when the test process exits without
 * calling stop() (a failed hook, an uncaught error).
 */

/** A port the kernel just handed out on 127.0.0.1. Another process may take it before ours binds: callers retry. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** The uid and gid of a system user, or undefined when there is none. */
export function systemUser(name: string): { uid: number; gid: number } | undefined {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * How an engine is ended when the test process goes away: PostgreSQL takes SIGQUIT (immediate
 * shutdown, which still removes its shared memory; SIGKILL would leak a SysV segment), Redis SIGKILL.
 */
export type DeathSignal = 'SIGQUIT' | 'SIGKILL';

/**
 * `setpriv` prefix: the child gets `signal` when the test process dies, even by SIGKILL (where
 * no exit handler runs), and optionally drops to another user. setpriv sets the death signal
 * after changing the uid, so the kernel does not clear it; and it execs, so the child's pid is
 * the engine's.
 */
export function setprivArgs(signal: DeathSignal, user?: { uid: number; gid: number }): string[] {
  const drop = user ? [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups'] : [];
  return [...drop, '--pdeathsig', signal.slice(3), '--'];
}

export function spawnEngine(
  cmd: string,
  args: string[],
  opts: { user?: { uid: number; gid: number }; logFd: number; cwd: string; signal: DeathSignal },
): ChildProcess {
  // cwd: a directory the dropped user can enter (the test's cwd may be root's).
  return spawn('setpriv', [...setprivArgs(opts.signal, opts.user), cmd, ...args], { cwd: opts.cwd, stdio: ['ignore', opts.logFd, opts.logFd] });
}

/** Engines still running; killed and their directories removed if the test process exits first. */
const live = new Set<{ child: ChildProcess; dir: string; signal: DeathSignal }>();
let hooked = false;

export function track(child: ChildProcess, dir: string, signal: DeathSignal): () => void {
  const entry = { child, dir, signal };
  live.add(entry);
  if (!hooked) {
    hooked = true;
    // 'exit' handlers must be synchronous: a signal and a synchronous rm are all we can do here.
    process.on('exit', () => {
      for (const e of live) {
        if (e.child.exitCode === null && e.child.signalCode === null) e.child.kill(e.signal);
        try {
          rmSync(e.dir, { recursive: true, force: true, maxRetries: 2 });
        } catch {
          // The engine may still be removing its own files; a temp dir left behind is harmless.
        }
      }
    });
  }
  return () => live.delete(entry);
}

/** Resolves when the child has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Polls `ready` every 50 ms until it returns true, the child exits, or `ms` pass. */
export async function waitUntil(ready: () => Promise<boolean>, child: ChildProcess, ms: number, what: string, log: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited before it was ready:\n${log()}`);
    if (await ready()) return;
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${ms} ms:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
