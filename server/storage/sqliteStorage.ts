import { AuditLog } from '../audit/auditLog.ts';
import { AuditedMeetingStore } from '../audit/auditedStore.ts';
import { AuditedSetupStore } from '../audit/auditedSetupStore.ts';
import { openDatabase, type Db } from './database.ts';
import { SqliteMeetingStorage } from './sqliteMeetingStorage.ts';
import { SqliteWriter, type SqliteWriterEvents } from './sqliteWriter.ts';
import type { SetupStorage, Storage, TokenStorage } from './storage.ts';
import { TokenStore } from './tokenStore.ts';

export interface SqliteStorage extends Storage {
  /** This thread's connection to the file, for tests and the `verify` command that read the file itself. */
  db: Db;
  /** The thread that does the group commits. */
  writer: SqliteWriter;
}

/**
 * The embedded store: one SQLite file (WAL, fsync on every commit), for one server process.
 * Group commits (ballots, check-ins, every change of a running meeting) are written by a thread
 * of their own (server/storage/sqliteWriter.ts), so the event loop goes on reading sockets
 * during their hashing, writing and fsync. Creating meetings, tokens, setup changes, archiving
 * and every read run on this thread's connection and are done when their promise is made.
 */
export function openSqliteStorage(file: string, events: SqliteWriterEvents = {}): SqliteStorage {
  // Migrates the file before the writer thread opens its own connection to it.
  const db = openDatabase(file);
  const writer = new SqliteWriter(file, events);
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
  const meetings = new SqliteMeetingStorage(new AuditedMeetingStore(db, audit), tokenRows, setupRows, writer);
  return {
    db,
    writer,
    meetings,
    tokens,
    setup,
    async ping() {
      // Throws once the connection is closed; a file gone from under an open connection still answers.
      db.prepare('SELECT 1').get();
      writer.assertRunning();
    },
    async close() {
      // Commits under way finish (and their senders hear of it) before the connections close.
      await writer.close();
      db.close();
    },
  };
}
