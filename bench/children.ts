import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Child processes with an IPC channel. Each starts through `sh` to raise its open-file limit
 * to the hard limit first: 10,000 sockets need more than the common soft limit of 1,024.
 */
export function startChild(script: string, args: string[], nodeFlags: string[] = []): ChildProcess {
  const file = resolve(import.meta.dirname, script);
  const child = spawn('sh', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"', process.execPath, ...nodeFlags, '--import', 'tsx', file, ...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

const children = new Set<ChildProcess>();

export function killChildren(): void {
  for (const c of children) c.kill('SIGKILL');
}

/** The next message from the child matching the type, or an error if it exits or times out. */
export function nextMessage<M extends { type: string }, T extends M['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<M, { type: T }>> {
  return new Promise((resolvePromise, reject) => {
    const onMessage = (m: M) => {
      if (m.type === 'error') {
        cleanup();
        reject(new Error(`child error: ${JSON.stringify(m)}`));
      } else if (m.type === type) {
        cleanup();
        resolvePromise(m as Extract<M, { type: T }>);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`child exited (${code}) while waiting for ${type}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${type}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage as never);
      child.off('exit', onExit);
    };
    child.on('message', onMessage as never);
    child.once('exit', onExit);
  });
}
