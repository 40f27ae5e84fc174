import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
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
 * Commits are written in the order they were posted, so they keep the order the group commit
 * made them in; after a failed commit, the later ones of its epoch are refused. Those that queued
 * up while a COMMIT was under way are written together, in one transaction (see `writeQueued`).
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
/** Transactions written so far: answers say which one held their commit. */
let transactions = 0;

type Commit = Extract<ToWriter, { type: 'commit' }>;

port.on('message', (first: ToWriter) => {
  // Whatever else is queued already is taken now: the main thread posts a batch the moment the
  // one before it is handed over (pipelined), so while one COMMIT waits for its fsync, several
  // small batches may pile up behind it, each of which would wait for its own.
  const queued: ToWriter[] = [first];
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) queued.push(m.message as ToWriter);
  const closeAt = queued.findIndex((m) => m.type === 'close');
  writeQueued((closeAt < 0 ? queued : queued.slice(0, closeAt)) as Commit[]);
  if (closeAt >= 0) {
    db.close();
    answers.close();
    port.close(); // nothing else keeps the thread alive: it exits
  }
});

/**
 * Writes the queued commits in one transaction: one fsync and one wake-up instead of one each.
 * Ballots of a 60-member vote trickle in, and the group commit hands over a batch per event-loop
 * turn: up to 13 commits in one burst, most of 1–5 ballots, each waiting for every COMMIT ahead
 * of it (≈ 1.5 ms each on a busy 2-core machine, 0.4 ms on an idle one). Should the transaction
 * fail, nothing of it is on disk, and the commits are written once more one by one: each then
 * succeeds or fails on its own, exactly as if they had never been together.
 */
function writeQueued(commits: readonly Commit[]): void {
  const live = commits.filter((c) => c.epoch !== failedEpoch);
  if (live.length > 1) {
    const together = write(live.flatMap((c) => c.writes));
    if (together.ok) {
      for (const c of commits) answers.postMessage(c.epoch === failedEpoch ? refused(c) : committed(c, together.walKept));
      return;
    }
  }
  for (const c of commits) {
    if (c.epoch === failedEpoch) {
      answers.postMessage(refused(c));
      continue;
    }
    const alone = write(c.writes);
    if (!alone.ok) failedEpoch = c.epoch;
    answers.postMessage(alone.ok ? committed(c, alone.walKept) : { type: 'failed', id: c.id, epoch: c.epoch, ...alone.error });
  }
}

type Written = { ok: true; walKept: boolean } | { ok: false; error: { message: string; code: string | undefined } };

function write(writes: readonly StoreWrite[]): Written {
  try {
    const { walKept } = store.saveBatch(writes);
    transactions += 1;
    return { ok: true, walKept };
  } catch (e) {
    const error = e as { message?: unknown; code?: unknown };
    return { ok: false, error: { message: String(error.message ?? e), code: typeof error.code === 'string' ? error.code : undefined } };
  }
}

const committed = (c: Commit, walKept: boolean): FromWriter => ({ type: 'committed', id: c.id, walKept, transaction: transactions });

/** Posted before this side's failure was heard of: decided on a state that held the failed change. */
const refused = (c: Commit): FromWriter => ({
  type: 'failed',
  id: c.id,
  epoch: c.epoch,
  message: 'An earlier commit failed; this change was decided after it',
  code: 'EARLIER_COMMIT_FAILED',
});

// A message that cannot be read would leave its commit waiting for an answer that never comes:
// end the thread instead, which fails every waiting commit (sqliteWriter.ts).
port.on('messageerror', (error) => {
  throw error;
});
