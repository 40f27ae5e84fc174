import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Choice } from '../../shared/meeting/model.ts';

/** A tap not yet acknowledged by the server. One per poll: a newer tap replaces the older. */
export interface OutboxEntry {
  pollId: string;
  choice: Choice;
  ballotId: string;
  /** Election ballots: the marked candidates. */
  marks?: string[];
  /** The pairing token it belongs to: a re-paired tablet never sends a former member's vote. */
  owner: string;
  queuedAt: number;
}

interface Schema extends DBSchema {
  outbox: { key: string; value: OutboxEntry };
}

let db: Promise<IDBPDatabase<Schema>> | null = null;

/** The tablet's own durable store; never awaited inside a transaction together with network work. */
export function localStore(): Promise<IDBPDatabase<Schema>> {
  db ??= openDB<Schema>('handzeichen-member', 1, {
    upgrade(d) {
      d.createObjectStore('outbox', { keyPath: 'pollId' });
      // Version 1 also made a 'snapshots' store; the cached state moved to localStorage (snapshotCache.ts).
    },
  });
  return db;
}
