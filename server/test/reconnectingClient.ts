import { io as ioClient, type Socket } from 'socket.io-client';
import type { Result } from '../../shared/protocol/result.ts';
import { applyProgress } from '../../shared/protocol/selectors.ts';
import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';

/**
 * A tablet-like client for tests that kill servers: it reconnects by itself (quickly) and keeps
 * the newest snapshot with the progress applied. `sockets` collects it for the test's clean-up.
 */
export function reconnectingClient(url: string, token: string, sockets: Socket[]) {
  const socket = ioClient(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 500 });
  sockets.push(socket);
  let latest: MeetingSnapshot | null = null;
  let connects = 0;
  socket.on('connect', () => connects++);
  socket.on('meeting:snapshot', (s: MeetingSnapshot) => (latest = s));
  socket.on('poll:progress', (p: Parameters<typeof applyProgress>[1]) => {
    if (latest) latest = applyProgress(latest, p);
  });
  return {
    socket,
    connects: () => connects,
    snapshot: () => latest,
    call: <T>(event: string, payload: unknown) =>
      (socket.timeout(15_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Result<T>> }).emitWithAck(event, payload),
  };
}

export type ReconnectingClient = ReturnType<typeof reconnectingClient>;

/** Polls until `pred` holds; fails naming `what` after `ms`. */
export async function until(pred: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
