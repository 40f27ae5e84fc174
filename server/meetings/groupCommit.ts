import type { BallotRecord } from '../../shared/meeting/state.ts';
import type { StoreWrite } from '../storage/storeWrites.ts';

interface Queued {
  writes: readonly StoreWrite[];
  /** Takes the change back out of the in-memory state; runs at once when the commit fails. */
  undo: () => void;
  resolve: () => void;
  reject: (error: unknown) => void;
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

/**
 * Group commit: every change accepted in memory is queued here and acknowledged only once it is
 * committed. What arrives during one event-loop turn (check-ins alone: during up to
 * CHECK_IN_COMMIT_INTERVAL_MS) is written in one transaction (one fsync); while one commit is
 * under way, the next batch gathers and follows it. Writes are committed in the order they were
 * accepted, so a close is never stored ahead of a ballot it counted.
 *
 * A failed commit fails everything queued behind it too: those changes were decided on a state
 * that held the failed ones. Each is taken back (newest first) and its sender told.
 */
export class GroupCommit {
  private queue: Queued[] = [];
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
  /** The writer loop while it runs: it ends once the queue is empty. */
  private writing: Promise<void> | null = null;

  constructor(
    private readonly commit: (writes: StoreWrite[]) => Promise<void>,
    private readonly afterCommit: (writes: StoreWrite[]) => void,
    /**
     * Hears of commits that are done but not yet announced (MeetingStorage.collectCommitted):
     * in a burst, the acknowledgements of one batch go out while the next is read, and its
     * follower is written at once, not after the whole burst has been read.
     */
    private readonly collect: () => void = () => {},
  ) {}

  /** Queues writes that belong together (one transaction); resolves once they are committed. */
  add(writes: readonly StoreWrite[], undo: () => void): Promise<void> {
    this.collect();
    const promise = new Promise<void>((resolve, reject) => {
      this.queue.push({ writes, undo, resolve, reject });
      if (this.queue.length === 1) this.firstQueuedAt = performance.now();
      const checkInsOnly = writes.every(isCheckIn);
      this.schedule(checkInsOnly ? this.lastFlushAt + CHECK_IN_COMMIT_INTERVAL_MS - performance.now() : 0);
      if (this.scheduled === 'now' && !this.writing && this.batchFull()) queueMicrotask(() => void this.flush());
    });
    for (const w of writes) if (w.kind === 'ballot') this.pending.set(w.ballot, promise);
    return promise;
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
    if (this.writing) return this.writing; // it takes what is queued once its current commit is done
    if (this.queue.length === 0) return Promise.resolve();
    this.writing = this.drain();
    return this.writing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        this.lastFlushAt = performance.now();
        const writes = batch.flatMap((b) => b.writes);
        try {
          await this.commit(writes);
        } catch (error) {
          this.fail([...batch, ...this.queue.splice(0)], error);
          return;
        }
        this.settle(batch);
        for (const b of batch) b.resolve();
        this.afterCommit(writes);
      }
    } finally {
      // In the same step as the last look at the queue: a write queued after it starts a new loop.
      this.writing = null;
    }
  }

  private fail(batch: Queued[], error: unknown): void {
    this.settle(batch);
    // Synchronously, newest first: nothing may run on a state that still holds them.
    for (const b of [...batch].reverse()) b.undo();
    for (const b of batch) b.reject(error);
  }

  private settle(batch: readonly Queued[]): void {
    for (const b of batch) for (const w of b.writes) if (w.kind === 'ballot') this.pending.delete(w.ballot);
  }
}

const isCheckIn = (w: StoreWrite) => w.kind === 'attendance';
