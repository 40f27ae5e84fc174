import { effect, signal } from '@preact/signals';
import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import { followMeetingLanguage } from '../i18n/i18n.ts';
import type { MeetingConnection } from './connection.ts';

/** When the shown state was last live; the view says "offline – Stand von …" while not online. */
export const stateReceivedAt = signal<number | null>(null);

/** One meeting state per device: a re-paired tablet never shows the former member's state. */
const KEY = 'handzeichen:snapshot:member';

interface CachedSnapshot {
  /** The pairing token the state belongs to. */
  owner: string;
  snapshot: MeetingSnapshot;
  /** When this device last received live state (ms since epoch, device clock). */
  receivedAt: number;
}

function read(owner: string): CachedSnapshot | null {
  try {
    const cached = JSON.parse(localStorage.getItem(KEY) ?? 'null') as CachedSnapshot | null;
    return cached?.owner === owner ? cached : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the last known meeting state on the device: shown at once on start, before (or
 * without) a connection, and replaced as soon as the live snapshot arrives. It lives in
 * localStorage, not IndexedDB, because it is read synchronously before the first render: the
 * tablet's first frame already has the buttons, instead of a "connecting" page and a second
 * render once an IndexedDB read (slower than the socket on a tablet) comes back.
 */
export function restoreAndKeepSnapshot(conn: MeetingConnection, owner: string): void {
  const cached = read(owner);
  if (cached && conn.snapshot.value === null) {
    // The first frame in the meeting's language too, as the live snapshot would set it.
    followMeetingLanguage(cached.snapshot.meeting.language);
    conn.snapshot.value = cached.snapshot;
    stateReceivedAt.value = cached.receivedAt;
  }
  conn.socket.on('meeting:snapshot', () => (stateReceivedAt.value = Date.now()));
  conn.socket.on('poll:progress', () => (stateReceivedAt.value = Date.now()));
  // One write per task: a burst of progress ticks collapses into the newest state.
  let due = false;
  const write = () => {
    due = false;
    const snapshot = conn.snapshot.value;
    const receivedAt = stateReceivedAt.value;
    if (!snapshot || receivedAt === null) return;
    try {
      localStorage.setItem(KEY, JSON.stringify({ owner, snapshot, receivedAt } satisfies CachedSnapshot));
    } catch {
      // Storage full or unavailable: the tablet still works live, it only starts without the cached state.
    }
  };
  effect(() => {
    if (conn.snapshot.value && stateReceivedAt.value !== null && !due) {
      due = true;
      setTimeout(write, 0);
    }
  });
}
