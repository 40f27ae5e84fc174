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
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Freed space is zeroed, so an old version of a row (e.g. a secret poll's counters) does not linger in the file.
  db.pragma('secure_delete = ON');
  migrate(db);
  // A crash between a commit and its checkpoint may have left a secret ballot's log frames behind.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}
