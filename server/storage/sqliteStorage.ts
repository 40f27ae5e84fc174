import { AuditLog } from '../audit/auditLog.ts';
import { AuditedMeetingStore } from '../audit/auditedStore.ts';
import { AuditedSetupStore } from '../audit/auditedSetupStore.ts';
import { openDatabase, type Db } from './database.ts';
import { SqliteMeetingStorage } from './sqliteMeetingStorage.ts';
import type { SetupStorage, Storage, TokenStorage } from './storage.ts';
import { TokenStore } from './tokenStore.ts';

export interface SqliteStorage extends Storage {
  /** The file's connection, for tests and the `verify` command that read the file itself. */
  db: Db;
}

/**
 * The embedded store: one SQLite file (WAL, fsync on every commit), for one server process.
 * better-sqlite3 is synchronous, so each promise is settled when it is made and the file sees
 * writes in the order they were made.
 */
export function openSqliteStorage(file: string): SqliteStorage {
  const db = openDatabase(file);
  const audit = new AuditLog(db);
  const tokenRows = new TokenStore(db);
  const setupRows = new AuditedSetupStore(db, audit);
  const tokens: TokenStorage = {
    resolve: async (token) => tokenRows.resolve(token),
    issue: async (issued, now) => tokenRows.issueAll(issued, now),
    reissueMember: async (meetingId, memberId, token, now) => tokenRows.reissueMember(meetingId, memberId, token, now),
  };
  const setup: SetupStorage = {
    findBySource: async (sourceId) => setupRows.findBySource(sourceId),
    itemSources: async (meetingId) => setupRows.itemSources(meetingId),
    replaceSetup: async (meetingId, info, plan) => setupRows.replaceSetup(meetingId, info, plan),
    list: async () => setupRows.list(),
    setArchived: async (meetingId, at) => setupRows.setArchived(meetingId, at),
  };
  const meetings = new SqliteMeetingStorage(new AuditedMeetingStore(db, audit), tokenRows, setupRows);
  return {
    db,
    meetings,
    tokens,
    setup,
    async ping() {
      // Throws once the connection is closed; a file gone from under an open connection still answers.
      db.prepare('SELECT 1').get();
    },
    async close() {
      db.close();
    },
  };
}
