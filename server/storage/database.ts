import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './schema.ts';

export type Db = Database.Database;

/**
 * Opens (and creates) the SQLite file. WAL lets readers run beside the writer;
 * `synchronous = FULL` fsyncs the WAL on every commit, so an acknowledged ballot survives a
 * power cut, not only a process crash (NORMAL in WAL mode may lose the newest commits on power loss).
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = connect(file);
  migrate(db);
  // A crash between a commit and its checkpoint may have left a secret ballot's log frames behind.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}

/**
 * One connection with the settings every connection to the file needs (the writer thread opens
 * a second one: server/storage/sqliteWriter.ts). Two connections write to the file, so each
 * waits for the other's write lock (busy_timeout) instead of failing at once.
 */
export function connect(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Freed space is zeroed, so an old version of a row (e.g. a secret poll's counters) does not linger in the file.
  db.pragma('secure_delete = ON');
  return db;
}

/**
 * Runs `work` as one write transaction that takes the write lock at BEGIN (BEGIN IMMEDIATE;
 * nested calls become savepoints). Two connections write to the file; a transaction that read
 * first under a plain BEGIN could not be upgraded to a writer once the other connection had
 * committed meanwhile (SQLITE_BUSY_SNAPSHOT, no busy wait), and whatever it read, such as the
 * audit chain's end, would be stale. Taking the lock first makes every read inside it current.
 */
export function writeTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate();
}
