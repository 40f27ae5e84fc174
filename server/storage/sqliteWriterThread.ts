import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { AuditLog } from '../audit/auditLog.ts';
import { AuditedMeetingStore } from '../audit/auditedStore.ts';
import { connect } from './database.ts';
import type { StoreWrite } from './storeWrites.ts';
import type { FromWriter, ToWriter } from './sqliteWriter.ts';

/**
 * The writer thread's entry (started by server/storage/sqliteWriter.ts). It owns a connection of
 * its own to the server's SQLite file and does each group commit there, whole: rows, audit-log
 * entries with their hashes and receipt codes, COMMIT with its fsync, and after a secret ballot
 * the WAL checkpoint. The event loop that reads the tablets' sockets never waits for any of it.
 *
 * Messages are handled one at a time, in the order they were posted, so commits keep the order
 * the group commit made them in; after a failed commit, the later ones of its epoch are refused.
 * The answer is posted only after COMMIT (and the checkpoint) returned: an acknowledged ballot
 * is on disk. The main thread migrated the file before this thread was started.
 */

const port = parentPort!;
/** Answers go to a channel of their own, which the main thread can read synchronously (sqliteWriter.ts). */
const { file, answers } = workerData as { file: string; answers: MessagePort };
const db = connect(file);
const store = new AuditedMeetingStore(db, new AuditLog(db));

/** The epoch (sqliteWriter.ts) in which a commit failed: its later commits are refused unwritten. */
let failedEpoch = -1;

port.on('message', (message: ToWriter) => {
  if (message.type === 'close') {
    db.close();
    answers.close();
    port.close(); // nothing else keeps the thread alive: it exits
    return;
  }
  // Posted before this side's failure was heard of: decided on a state that held the failed change.
  const answer: FromWriter =
    message.epoch === failedEpoch
      ? { type: 'failed', id: message.id, epoch: message.epoch, message: 'An earlier commit failed; this change was decided after it', code: 'EARLIER_COMMIT_FAILED' }
      : commit(message.id, message.epoch, message.writes);
  if (answer.type === 'failed') failedEpoch = message.epoch;
  answers.postMessage(answer);
});

// A message that cannot be read would leave its commit waiting for an answer that never comes:
// end the thread instead, which fails every waiting commit (sqliteWriter.ts).
port.on('messageerror', (error) => {
  throw error;
});

function commit(id: number, epoch: number, writes: readonly StoreWrite[]): FromWriter {
  try {
    const { walKept } = store.saveBatch(writes);
    return { type: 'committed', id, walKept };
  } catch (e) {
    const error = e as { message?: unknown; code?: unknown };
    return { type: 'failed', id, epoch, message: String(error.message ?? e), code: typeof error.code === 'string' ? error.code : undefined };
  }
}
