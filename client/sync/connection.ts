import { signal, type Signal } from '@preact/signals';
import { followMeetingLanguage } from '../i18n/i18n.ts';
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
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
  socket: LazySocket;
}

type IoSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The socket.io socket, its client library loaded on the first `connect()` or `send`. Listeners
 * added before are attached once it exists; until then it is neither connected nor active.
 */
export interface LazySocket {
  on: IoSocket['on'];
  readonly connected: boolean;
  /** Connecting, connected or reconnecting: asked to connect and not disconnected since. */
  readonly active: boolean;
  connect(): void;
  disconnect(): void;
  /** The socket itself, loading the library if need be. */
  ready(): Promise<IoSocket>;
}

const ACK_TIMEOUT_MS = 10_000;
const LIBRARY_RETRY_MS = 2_000;

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
  const socket = lazySocket(options);
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
    try {
      const timed = (await socket.ready()).timeout(ACK_TIMEOUT_MS) as unknown as {
        emitWithAck(event: E, payload: unknown): Promise<Result<AckData<E>>>;
      };
      return await timed.emitWithAck(event, payload);
    } catch {
      // No answer in time, or no socket library to send with: not sent, the caller may try again.
      return fail('internal', 'timeout');
    }
  }

  return { role, snapshot, status, send, socket };
}

/**
 * socket.io-client and engine.io-client are a third of the tablet's script: evaluated at start,
 * they delayed the buttons' first frame, which comes from the cached state and needs no socket.
 * The tablet asks for the connection after that frame (mount.tsx), so the library is fetched
 * (from the service worker's cache) and evaluated then. A tap before it exists waits in the
 * outbox (ballots.ts) and is sent on the first connect, as after any reconnect.
 */
function lazySocket(options: Partial<ManagerOptions & SocketOptions>): LazySocket {
  const early: [string, (...args: never[]) => void][] = [];
  let socket: IoSocket | null = null;
  let loading: Promise<IoSocket> | null = null;
  /** Asked to connect while the library could not be loaded: tried again after LIBRARY_RETRY_MS. */
  let retry: ReturnType<typeof setTimeout> | undefined;
  const ready = () =>
    (loading ??= import('socket.io-client').then(
      ({ Manager }) => {
        // What `io('/', options)` does, without its URL parser: a regular expression large enough that
        // compiling it cost a slowed tablet ≈ 10 ms. No URL: the page's own origin.
        socket = new Manager<ServerToClientEvents, ClientToServerEvents>(options).socket('/', options);
        for (const [event, listener] of early) socket.on(event as never, listener as never);
        return socket;
      },
      (error: unknown) => {
        // Neither precached yet nor reachable (a first start as the Wi-Fi drops): not for good.
        // The page says it cannot connect, as for a server away, and the next try loads it anew.
        loading = null;
        for (const [event, listener] of early) if (event === 'connect_error') (listener as (e: Error) => void)(new Error('socket library unavailable'));
        throw error;
      },
    ));
  const on = (event: string, listener: (...args: never[]) => void) => {
    if (socket) socket.on(event as never, listener as never);
    else early.push([event, listener]);
  };
  const connect = (): void => {
    clearTimeout(retry);
    ready().then(
      (s) => s.connect(),
      () => {
        // One timer, however many connect() calls waited for the same failed load.
        clearTimeout(retry);
        retry = setTimeout(connect, LIBRARY_RETRY_MS);
      },
    );
  };
  return {
    on: on as unknown as IoSocket['on'],
    get connected() {
      return socket?.connected ?? false;
    },
    get active() {
      return socket ? socket.active : loading !== null || retry !== undefined;
    },
    // In the order asked: a disconnect() and connect() while the library loads run in turn after it.
    connect,
    disconnect: () => {
      clearTimeout(retry);
      retry = undefined;
      void loading?.then((s) => s.disconnect(), () => undefined);
    },
    ready,
  };
}
