import type { BallotRecord } from '../../shared/meeting/state.ts';
import type { StoreWrite } from '../storage/storeWrites.ts';

interface Queued {
  writes: readonly StoreWrite[];
  /** Takes the change back out of the in-memory state; runs at once when the commit fails. */
  undo: () => void;
  resolve: () => void;
  reject: (error: unknown) => void;
  /** Settled with resolve or reject. */
  done: Promise<void>;
}

/**
 * Check-ins alone are committed at most this often. Members connecting one after another each
 * check in within their own event-loop turn; a disk flush per check-in blocked the server for
 * ten seconds and more when 10,000 arrived. Anything else is never held back: it flushes at once.
 */
export const CHECK_IN_COMMIT_INTERVAL_MS = 10;

/**
 * A batch is normally written at the end of the event-loop turn. But one turn's poll phase reads
 * every socket that has data: in a burst of 10,000 ballots that is hundreds of milliseconds, and
 * every ballot read in it would wait for the turn's end, then for one huge commit, then for
 * 10,000 acknowledgements in a row. So a batch is also written mid-turn (right after the
 * handler that queued it) once it holds this many changes or its first change has waited this
 * long: commits and acknowledgements then interleave with reading the rest of the burst.
 */
export const MAX_BATCH_CHANGES = 256;
export const MAX_BATCH_WAIT_MS = 5;

/** Writes handed to the store in one commit, and who waits for them. */
interface Batch {
  items: Queued[];
  writes: StoreWrite[];
  /** Failed together with an earlier batch: its own answer, when it comes, changes nothing. */
  failed: boolean;
}

/** How the group commit may use the store (MeetingStorage's members of the same names). */
export interface CommitOptions {
  /**
   * Hears of commits that are done but not yet announced (MeetingStorage.collectCommitted): in a
   * burst, the acknowledgements of one batch go out while the next is read.
   */
  collect?: () => void;
  /**
   * `commit` may be called again before the previous commit settled: the store applies commits
   * in the order they were called and fails every commit called after one that failed (the
   * SQLite writer thread does; a pool of database connections does not).
   */
  pipelinesCommits?: boolean;
}

/**
 * Group commit: every change accepted in memory is queued here and acknowledged only once it is
 * committed. What arrives during one event-loop turn (check-ins alone: during up to
 * CHECK_IN_COMMIT_INTERVAL_MS) is written in one transaction (one fsync). Writes are committed
 * in the order they were accepted, so a close is never stored ahead of a ballot it counted.
 * While one commit is under way the next batch gathers and follows it; with a pipelined store it
 * is handed over at once instead, so a batch does not wait for the answer to the one before it
 * to travel back first (two thread wake-ups per batch, most of a 60-member vote's latency).
 *
 * A failed commit fails everything queued behind it too, and every batch already handed over
 * after it: those changes were decided on a state that held the failed ones. Each is taken back
 * (newest first) and its sender told.
 */
export class GroupCommit {
  private queue: Queued[] = [];
  /** Handed to the store, oldest first, not yet answered. */
  private readonly inFlight: Batch[] = [];
  /**
   * Ballots applied in memory whose commit is still to come: a re-send must wait for it too.
   * Keyed by the record itself, which the state holds until it is replaced or read again.
   */
  private readonly pending = new Map<BallotRecord, Promise<void>>();
  /** A flush is due at the next turn (setImmediate), or only later (a timer for check-ins). */
  private scheduled: 'now' | 'later' | null = null;
  private timer: NodeJS.Timeout | undefined;
  private lastFlushAt = -Infinity;
  /** When the oldest write of the queue was queued. */
  private firstQueuedAt = 0;
  private readonly collect: (() => void) | undefined;
  private readonly pipelinesCommits: boolean;

  constructor(
    private readonly commit: (writes: StoreWrite[]) => Promise<void>,
    private readonly afterCommit: (writes: StoreWrite[]) => void,
    options: CommitOptions = {},
  ) {
    this.collect = options.collect;
    this.pipelinesCommits = options.pipelinesCommits ?? false;
  }

  /** Queues writes that belong together (one transaction); resolves once they are committed. */
  add(writes: readonly StoreWrite[], undo: () => void): Promise<void> {
    this.collect?.();
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const done = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
    this.queue.push({ writes, undo, resolve, reject, done });
    if (this.queue.length === 1) this.firstQueuedAt = performance.now();
    this.schedule(writes.every(isCheckIn) ? this.lastFlushAt + CHECK_IN_COMMIT_INTERVAL_MS - performance.now() : 0);
    if (this.scheduled === 'now' && this.mayHandOver() && this.batchFull()) queueMicrotask(() => void this.flush());
    for (const w of writes) if (w.kind === 'ballot') this.pending.set(w.ballot, done);
    return done;
  }

  private mayHandOver(): boolean {
    return this.pipelinesCommits || this.inFlight.length === 0;
  }

  private batchFull(): boolean {
    return this.queue.length >= MAX_BATCH_CHANGES || performance.now() - this.firstQueuedAt >= MAX_BATCH_WAIT_MS;
  }

  private schedule(waitMs: number): void {
    if (this.scheduled === 'now') return;
    if (waitMs <= 0) {
      clearTimeout(this.timer);
      this.scheduled = 'now';
      setImmediate(() => {
        if (this.scheduled === 'now') void this.flush();
      });
    } else if (this.scheduled === null) {
      this.scheduled = 'later';
      this.timer = setTimeout(() => void this.flush(), waitMs);
    }
  }

  /** The commit this ballot (as the state holds it) still waits for, or undefined when it is written already. */
  commitOf(ballot: BallotRecord): Promise<void> | undefined {
    return this.pending.get(ballot);
  }

  /** Resolves once everything queued up to now is committed or failed (and taken back). */
  flush(): Promise<void> {
    this.scheduled = null;
    clearTimeout(this.timer);
    const last = this.queue.at(-1) ?? this.inFlight.at(-1)?.items.at(-1);
    // Otherwise the queue follows the commit under way as soon as that one is answered.
    if (this.queue.length > 0 && this.mayHandOver()) this.handOver();
    return last ? last.done.then(ignore, ignore) : Promise.resolve();
  }

  private handOver(): void {
    const items = this.queue;
    this.queue = [];
    this.lastFlushAt = performance.now();
    const batch: Batch = { items, writes: items.flatMap((q) => q.writes), failed: false };
    this.inFlight.push(batch);
    let committing: Promise<void>;
    try {
      committing = this.commit(batch.writes);
    } catch (error) {
      committing = Promise.reject(error);
    }
    committing.then(
      () => this.committed(batch),
      (error: unknown) => this.failed(batch, error),
    );
  }

  private committed(batch: Batch): void {
    if (batch.failed) return;
    // The store answers in order: this is the oldest batch still in flight.
    this.inFlight.shift();
    this.settle(batch.items);
    for (const q of batch.items) q.resolve();
    this.afterCommit(batch.writes);
    if (this.queue.length > 0 && this.mayHandOver()) this.handOver();
  }

  private failed(batch: Batch, error: unknown): void {
    if (batch.failed) return;
    const doomed = this.inFlight.splice(this.inFlight.indexOf(batch));
    for (const b of doomed) b.failed = true;
    const items = [...doomed.flatMap((b) => b.items), ...this.queue.splice(0)];
    this.settle(items);
    // Synchronously, newest first: nothing may run on a state that still holds them.
    for (const q of [...items].reverse()) q.undo();
    for (const q of items) q.reject(error);
  }

  private settle(items: readonly Queued[]): void {
    for (const q of items) for (const w of q.writes) if (w.kind === 'ballot') this.pending.delete(w.ballot);
  }
}

const isCheckIn = (w: StoreWrite) => w.kind === 'attendance';
const ignore = () => {};
