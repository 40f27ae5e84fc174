import { signal, type Signal } from '@preact/signals';
import { followMeetingLanguage } from '../i18n/i18n.ts';
import { Manager, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events.ts';
import { fail, type Result } from '../../shared/protocol/result.ts';
import { applyProgress } from '../../shared/protocol/selectors.ts';
import type { ClientRole, MeetingSnapshot } from '../../shared/protocol/snapshot.ts';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'unauthorized';

type AckData<E extends keyof ClientToServerEvents> =
  Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends Result<infer T> ? T : never;

export interface MeetingConnection {
  role: ClientRole;
  snapshot: Signal<MeetingSnapshot | null>;
  status: Signal<ConnectionStatus>;
  send<E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<Result<AckData<E>>>;
  /** The underlying socket, for the sync layer's own modules (outbox); views never use it. */
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
}

const ACK_TIMEOUT_MS = 10_000;

/**
 * The one place that talks to the server. Every (re)connect brings a full snapshot. The
 * caller starts the socket (`socket.connect()`) when it suits: a tablet paints first.
 */
export function connect(role: ClientRole, token: string): MeetingConnection {
  const options = {
    autoConnect: false,
    auth: { token },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    // On a LAN a handshake that takes longer is dead; the default 20 s leaves a tablet hanging.
    timeout: 5_000,
  };
  // What `io('/', options)` does, without its URL parser: a regular expression large enough that
  // compiling it cost a slowed tablet ≈ 10 ms before its first frame. No URL: the page's own origin.
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = new Manager<ServerToClientEvents, ClientToServerEvents>(options).socket('/', options);
  const snapshot = signal<MeetingSnapshot | null>(null);
  const status = signal<ConnectionStatus>(navigator.onLine ? 'connecting' : 'offline');

  socket.on('connect', () => (status.value = 'online'));
  // "offline" when the device itself has no network, "reconnecting" when only the server is away.
  const away = (): ConnectionStatus => (navigator.onLine ? 'reconnecting' : 'offline');
  socket.on('disconnect', (reason) => {
    status.value = reason === 'io client disconnect' ? 'offline' : away();
    // The server drops a tablet whose link was re-issued and socket.io never retries after
    // that: ask once more, so a revoked token ends in 'unauthorized', not in "reconnecting" forever.
    if (reason === 'io server disconnect') socket.connect();
  });
  for (const change of ['online', 'offline'] as const) {
    addEventListener(change, () => {
      if (!socket.connected && status.value !== 'unauthorized') status.value = away();
    });
  }
  // Wi-Fi is back: try now instead of waiting out the backoff or a hanging attempt.
  addEventListener('online', () => {
    if (socket.connected || status.value === 'unauthorized') return;
    socket.disconnect();
    socket.connect();
  });
  socket.on('connect_error', (error) => {
    if (error.message === 'unauthorized') {
      status.value = 'unauthorized';
      socket.disconnect();
    } else status.value = away();
  });
  socket.on('meeting:snapshot', (s) => {
    // Every device starts in the meeting's language; a choice made on the device wins.
    followMeetingLanguage(s.meeting.language);
    snapshot.value = s;
  });
  socket.on('poll:progress', (p) => {
    if (snapshot.value) snapshot.value = applyProgress(snapshot.value, p);
  });

  async function send<E extends keyof ClientToServerEvents>(
    event: E,
    payload: Parameters<ClientToServerEvents[E]>[0],
  ): Promise<Result<AckData<E>>> {
    const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
      emitWithAck(event: E, payload: unknown): Promise<Result<AckData<E>>>;
    };
    try {
      return await timed.emitWithAck(event, payload);
    } catch {
      return fail('internal', 'timeout');
    }
  }

  return { role, snapshot, status, send, socket };
}
