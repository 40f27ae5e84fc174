import type { ChildProcess } from 'node:child_process';
import { io, type Socket } from 'socket.io-client';
import { nextMessage } from './children.ts';
import type { FromServer, FromWorker, ToServer, ToWorker } from './protocol.ts';
import { wallNow } from './stats.ts';

/** What every bench scenario uses to drive the server process, the workers and the chair. */

export const WAIT_MS = 180_000;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const serverStats = async (server: ChildProcess) => {
  server.send({ type: 'stats' } satisfies ToServer);
  return nextMessage<FromServer, 'stats'>(server, 'stats', WAIT_MS);
};

export const allWithin = <T>(workers: ChildProcess[], msgs: ToWorker[], type: FromWorker['type'], timeoutMs: number) =>
  Promise.all(
    workers.map((w, i) => {
      const reply = nextMessage<FromWorker, typeof type>(w, type, timeoutMs);
      w.send(msgs[i]!);
      return reply as Promise<T>;
    }),
  );

export const all = <T>(workers: ChildProcess[], msgs: ToWorker[], type: FromWorker['type']) => allWithin<T>(workers, msgs, type, WAIT_MS);

export function split<T>(items: T[], parts: number): T[][] {
  const out: T[][] = Array.from({ length: parts }, () => []);
  items.forEach((x, i) => out[i % parts]!.push(x));
  return out;
}

export function connectRole(url: string, token: string): Promise<Socket> {
  return new Promise((resolvePromise, reject) => {
    const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.once('meeting:snapshot', () => resolvePromise(socket));
    socket.once('connect_error', reject);
  });
}

export async function call<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const result = (await socket.timeout(WAIT_MS).emitWithAck(event, payload)) as { ok: boolean; data: T; error?: unknown };
  if (!result.ok) throw new Error(`${event}: ${JSON.stringify(result.error)}`);
  return result.data;
}

/** The room display, watching for the moment it shows the final count of a poll. */
export function watchDisplay(socket: Socket) {
  const counts = new Map<string, number>();
  const waiters: { pollId: string; n: number; resolve: (at: number) => void }[] = [];
  const seen = (pollId: string, castCount: number) => {
    counts.set(pollId, castCount);
    for (const w of [...waiters]) {
      if (w.pollId === pollId && castCount >= w.n) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(wallNow());
      }
    }
  };
  socket.on('poll:progress', (p: { pollId: string; castCount: number }) => seen(p.pollId, p.castCount));
  socket.on('meeting:snapshot', (s: { polls: { id: string; castCount: number }[] }) => {
    for (const p of s.polls) seen(p.id, p.castCount);
  });
  return (pollId: string, n: number) =>
    new Promise<number>((resolvePromise) => {
      if ((counts.get(pollId) ?? 0) >= n) return resolvePromise(wallNow());
      waiters.push({ pollId, n, resolve: resolvePromise });
    });
}
