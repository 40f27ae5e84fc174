import { effect, signal } from '@preact/signals';
import type { MeetingConnection } from './connection.ts';
import { localStore } from './localStore.ts';

/** When the shown state was last live; the view says "offline – Stand von …" while not online. */
export const stateReceivedAt = signal<number | null>(null);

/**
 * Keeps the last known meeting state on the device: shown at once on start, before (or
 * without) a connection, and replaced as soon as the live snapshot arrives.
 */
export async function restoreAndKeepSnapshot(conn: MeetingConnection, owner: string): Promise<void> {
  const store = await localStore();
  for (const key of await store.getAllKeys('snapshots')) if (key !== owner) await store.delete('snapshots', key);
  const cached = await store.get('snapshots', owner);
  if (cached && conn.snapshot.value === null) {
    conn.snapshot.value = cached.snapshot;
    stateReceivedAt.value = cached.receivedAt;
    performance.mark('handzeichen:cached-state');
  }
  conn.socket.on('meeting:snapshot', () => (stateReceivedAt.value = Date.now()));
  conn.socket.on('poll:progress', () => (stateReceivedAt.value = Date.now()));
  // One write at a time; a burst of progress ticks collapses into the newest state.
  let writing = false;
  let dirty = false;
  const write = async (): Promise<void> => {
    if (writing) return void (dirty = true);
    writing = true;
    do {
      dirty = false;
      const snapshot = conn.snapshot.value;
      const receivedAt = stateReceivedAt.value;
      if (snapshot && receivedAt !== null) await store.put('snapshots', { owner, snapshot, receivedAt });
    } while (dirty);
    writing = false;
  };
  effect(() => {
    if (conn.snapshot.value && stateReceivedAt.value !== null) void write();
  });
}
