import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { StoreWrite } from './storeWrites.ts';

/** To the writer thread: a batch to commit, or the order to close its connection and end. */
export type ToWriter = { type: 'commit'; id: number; epoch: number; writes: readonly StoreWrite[] } | { type: 'close' };

/** From the writer thread: the batch's COMMIT returned, or it failed and was rolled back. */
export type FromWriter =
  | {
      type: 'committed';
      id: number;
      walKept: boolean;
      /** The thread's transaction that held it, counted from 1 (several commits may share one). */
      transaction: number;
    }
  | { type: 'failed'; id: number; epoch: number; message: string; code: string | undefined };

export interface SqliteWriterEvents {
  /** The thread died (or could not start): every waiting and every later commit fails with `error`. */
  onCrash?: (error: Error) => void;
  /** A secret ballot's commit could not truncate the WAL (a reader held an old snapshot too long). */
  onWalKept?: () => void;
}

/** Waits this long for the thread to close its connection before it is terminated. */
const CLOSE_TIMEOUT_MS = 5_000;

/**
 * The main thread's side of the SQLite writer thread (server/storage/sqliteWriterThread.ts).
 * `commit` posts a group commit's writes to the thread and resolves once the thread's COMMIT
 * returned (durable: synchronous = FULL), or rejects with the thread's error after its
 * rollback. The thread writes the batches in the order posted; the next may be posted while one
 * is being written (`pipelinesCommits`, see `epoch`), and all that queued up meanwhile are then
 * written in one transaction. Posting copies the writes (structured clone: ≈ 1–3 µs a ballot in
 * a burst, against the ≈ 15–20 µs a ballot of writing, hashing and logging it and the batch's
 * fsync, which run on the thread; about 5 % of the main thread's busy time in a 10,000-member
 * vote profile). What a post costs the event loop is mostly waking the thread: ≈ 130 µs median
 * when it was idle (the scheduler puts it on the event loop's core), 22 µs while it is busy.
 *
 * The thread answers on a channel of its own rather than through the worker's port, so that
 * `collect` can take its answers synchronously. The event loop delivers a thread's message only
 * when it reaches that message's wake-up among the sockets that are ready to read, and in a
 * burst of 10,000 ballots it reads all of them first: commits done in a few milliseconds
 * waited 300 ms and more to be heard of, and every acknowledgement came at the burst's end.
 *
 * The thread runs TypeScript: tsx is registered in it before its entry is imported, whether
 * the server was started by `tsx`, `node --import tsx` or vitest (a worker's own entry is loaded
 * before any `--import` hook of its execArgv is in place, so that alone does not work).
 */
export class SqliteWriter {
  /** The thread itself; tests end it to see what a crash does. */
  readonly worker: Worker;
  /** The thread's answers: heard as messages when the loop is idle, taken by `collect` in a burst. */
  private readonly answers: MessagePort;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private nextId = 1;
  /**
   * Commits are posted without waiting for the one before (`pipelinesCommits`). Once a commit fails,
   * the thread refuses every later commit of the same epoch: they were posted before this side
   * heard of the failure, decided on a state that held the failed change. A commit posted after
   * that belongs to the next epoch and is written.
   */
  private epoch = 0;
  readonly pipelinesCommits = true;
  /** Set once the thread died or is closing: every later commit fails with it. */
  private stopped: Error | null = null;
  private closing = false;
  private readonly exited: Promise<void>;
  /** See `transactions`. */
  private written = 0;

  constructor(file: string, private readonly events: SqliteWriterEvents = {}) {
    const entry = new URL('./sqliteWriterThread.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
      .then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
    const { port1, port2 } = new MessageChannel();
    this.answers = port1;
    this.worker = new Worker(boot, { eval: true, workerData: { file, answers: port2 }, transferList: [port2] });
    this.answers.on('message', (m: FromWriter) => this.answer(m));
    // Waiting commits keep the process alive through the worker itself, not through this port.
    this.answers.unref();
    // An exception the thread did not catch: its connection could not open, a message could not be read.
    this.worker.on('error', (error) => this.fail(new Error(`SQLite writer thread failed: ${error.message}`, { cause: error })));
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', (code) => {
        // Answers the thread posted before it ended are in the channel's queue already; whatever
        // still waits after them was lost with it.
        this.collect();
        this.answers.close();
        this.fail(new Error(`SQLite writer thread stopped (exit code ${code})`));
        resolve();
      });
    });
  }

  commit(writes: readonly StoreWrite[]): Promise<void> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      try {
        this.worker.postMessage({ type: 'commit', id, epoch: this.epoch, writes } satisfies ToWriter);
      } catch (error) {
        // Nothing was posted (a write that cannot be copied): this batch fails, the thread goes on.
        this.waiting.delete(id);
        reject(error as Error);
      }
    });
  }

  /**
   * Settles, now, every commit whose answer has arrived. Cheap (≈ 60 ns with nothing waiting):
   * the group commit calls it for every write it queues.
   */
  collect(): void {
    for (let m = receiveMessageOnPort(this.answers); m; m = receiveMessageOnPort(this.answers)) this.answer(m.message as FromWriter);
  }

  /**
   * Transactions the thread has written so far, as its answers tell: fewer than the commits when
   * commits that queued up behind one under way were written together.
   */
  get transactions(): number {
    return this.written;
  }

  /** Throws once the thread is gone: /healthz must not answer "ok" for a server that cannot store. */
  assertRunning(): void {
    if (this.stopped) throw this.stopped;
  }

  /**
   * Refuses new commits, lets the thread answer every commit already posted (it takes messages
   * in order, so they come before the close), close its connection and end; terminates it if it
   * has not ended within a few seconds (a commit under way is then rolled back and fails).
   */
  async close(): Promise<void> {
    if (!this.closing) {
      this.closing = true;
      this.stopped ??= new Error('SQLite writer closed');
      this.worker.postMessage({ type: 'close' } satisfies ToWriter);
      const timer = setTimeout(() => void this.worker.terminate(), CLOSE_TIMEOUT_MS);
      void this.exited.finally(() => clearTimeout(timer));
    }
    await this.exited;
  }

  private answer(m: FromWriter): void {
    const waiter = this.waiting.get(m.id);
    if (!waiter) return;
    this.waiting.delete(m.id);
    if (m.type === 'committed') {
      this.written = Math.max(this.written, m.transaction);
      if (m.walKept) this.events.onWalKept?.();
      waiter.resolve();
    } else {
      // Before anyone hears of it: whatever is posted from now on is decided without the failed change.
      if (m.epoch === this.epoch) this.epoch += 1;
      waiter.reject(Object.assign(new Error(m.message), { code: m.code }));
    }
  }

  /** The thread is gone: fails what still waits, and (through `stopped`) every later commit. */
  private fail(error: Error): void {
    const unexpected = !this.stopped;
    this.stopped ??= error;
    const lost = [...this.waiting.values()];
    this.waiting.clear();
    for (const { reject } of lost) reject(error);
    if (unexpected || lost.length > 0) this.events.onCrash?.(error);
  }
}
