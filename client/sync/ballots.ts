import { signal } from '@preact/signals';
import type { Choice } from '../../shared/meeting/model.ts';
import type { ErrorCode } from '../../shared/protocol/result.ts';
import type { OwnBallot } from '../../shared/protocol/snapshot.ts';
import { afterFirstPaint } from '../ui/afterFirstPaint.ts';
import type { MeetingConnection } from './connection.ts';
import { localStore, type OutboxEntry } from './localStore.ts';
import { randomId } from './randomId.ts';

export interface LocalBallot {
  pollId: string;
  choice: Choice;
  ballotId: string;
  marks?: string[];
  /**
   * queued: on this device, waiting for a connection · sending: on the wire · saved: stored by
   * the server · late: arrived after the poll closed, not counted · failed: refused otherwise.
   */
  state: 'queued' | 'sending' | 'saved' | 'late' | 'failed';
  error?: ErrorCode;
}

/** The member's own ballot as this tablet knows it, ahead of the next snapshot. */
export const localBallot = signal<LocalBallot | null>(null);

/** Refusals that no re-send can change: the entry leaves the outbox. */
const FINAL: ReadonlySet<ErrorCode> = new Set([
  'invalid_payload',
  'forbidden',
  'not_found',
  'not_eligible',
  'choice_not_allowed',
  // A secret vote was already cast (from another device of the same member): it cannot change.
  'already_voted',
  'conflict',
  'unauthorized',
]);
const RETRY_MS = 2_000;

let conn: MeetingConnection | null = null;
let owner = '';
/** The outbox as found at the start has been read (see restoreQueued); every flush waits for it. */
let restored: Promise<void> = Promise.resolve();

/**
 * The outbox: every tap is written to IndexedDB with a fresh ballot id before it is sent, and
 * re-sent on every (re)connect until the server answers. The server treats the same id as the
 * same ballot, so a re-send never counts twice.
 */
export function startOutbox(connection: MeetingConnection, token: string): void {
  conn = connection;
  owner = token;
  connection.socket.on('connect', () => void flush());
  connection.socket.on('disconnect', () => {
    if (localBallot.value?.state === 'sending') localBallot.value = { ...localBallot.value, state: 'queued' };
  });
  // Opening IndexedDB waits for the buttons' first frame (a tap before it opens it itself).
  restored = new Promise((resolve) => afterFirstPaint(() => resolve(restoreQueued().catch(() => undefined))));
}

/** A tap kept from before the restart is shown as queued; a former member's entries leave. */
async function restoreQueued(): Promise<void> {
  const store = await localStore();
  const entries = await store.getAll('outbox');
  for (const e of entries) if (e.owner !== owner) await store.delete('outbox', e.pollId);
  const newest = entries.filter((e) => e.owner === owner).sort((a, b) => b.queuedAt - a.queuedAt)[0];
  if (newest && !localBallot.value) localBallot.value = { ...toBallot(newest), state: 'queued' };
}

export async function castBallot(connection: MeetingConnection, pollId: string, choice: Choice, marks?: string[]): Promise<void> {
  conn = connection;
  // `marks` is undefined outside elections; the socket's JSON leaves it out.
  const entry: OutboxEntry = { pollId, choice, ballotId: randomId(), owner, queuedAt: Date.now(), marks };
  localBallot.value = { ...toBallot(entry), state: 'queued' };
  // Durable before it leaves the device: a reload or a dead battery cannot lose the tap.
  await (await localStore()).put('outbox', entry);
  if (conn?.socket.connected) await deliver(entry);
}

async function flush(): Promise<void> {
  await restored;
  const entries = (await (await localStore()).getAll('outbox')).filter((e) => e.owner === owner);
  for (const e of entries) await deliver(e);
}

async function deliver(entry: OutboxEntry): Promise<void> {
  if (!conn) return;
  const isCurrent = () => localBallot.value?.ballotId === entry.ballotId;
  if (isCurrent()) localBallot.value = { ...toBallot(entry), state: 'sending' };
  const result = await conn.send('ballot:cast', toBallot(entry));
  if (!result.ok && !FINAL.has(result.error.code) && result.error.code !== 'poll_not_open') {
    // Timeout, rate limit or a server hiccup: stays in the outbox, tried again shortly or on reconnect.
    if (isCurrent()) localBallot.value = { ...toBallot(entry), state: 'queued' };
    setTimeout(() => {
      if (conn?.socket.connected) void flush();
    }, RETRY_MS);
    return;
  }
  await removeIfUnchanged(entry);
  if (result.ok) rememberInSnapshot(result.data);
  if (!isCurrent()) return;
  if (result.ok) localBallot.value = { ...toBallot(entry), state: 'saved' };
  else if (result.error.code === 'poll_not_open') localBallot.value = { ...toBallot(entry), state: 'late' };
  else localBallot.value = { ...toBallot(entry), state: 'failed', error: result.error.code };
}

/** A newer tap for the same poll may have replaced the entry meanwhile; that one stays. */
async function removeIfUnchanged(entry: OutboxEntry): Promise<void> {
  const store = await localStore();
  const tx = store.transaction('outbox', 'readwrite');
  const current = await tx.store.get(entry.pollId);
  if (current?.ballotId === entry.ballotId) await tx.store.delete(entry.pollId);
  await tx.done;
}

/** The acknowledged ballot becomes part of the known state, so the cached snapshot shows it after a reload. */
function rememberInSnapshot(own: OwnBallot): void {
  const s = conn?.snapshot.value;
  if (s?.self) conn!.snapshot.value = { ...s, self: { ...s.self, ballot: own } };
}

const toBallot = (e: OutboxEntry) => ({ pollId: e.pollId, choice: e.choice, ballotId: e.ballotId, marks: e.marks });
