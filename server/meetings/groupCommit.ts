import type { AttendanceChange } from '../../shared/meeting/decideAttendance.ts';
import type { Choice } from '../../shared/meeting/model.ts';
import type { BallotRecord } from '../../shared/meeting/state.ts';

export interface PendingBallot {
  kind: 'ballot';
  meetingId: string;
  pollId: string;
  ballot: BallotRecord;
  /** Secret poll: the choice goes to the counters only; `ballot` records just that the member voted. */
  secretChoice: Choice | null;
  /** Secret Wahlgang: the candidates whose counters go up; nothing else keeps them. */
  secretMarks?: string[];
}

/** A check-in or check-out that changes no running vote's list of expected voters. */
export interface PendingAttendance {
  kind: 'attendance';
  meetingId: string;
  change: AttendanceChange;
}

export type PendingWrite = PendingBallot | PendingAttendance;

interface Queued {
  entry: PendingWrite;
  /** Takes the change back out of the in-memory state; runs at once when the commit fails. */
  undo: () => void;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Check-ins alone are committed at most this often. Members connecting one after another each
 * check in within their own event-loop turn; a disk flush per check-in blocked the server for
 * ten seconds and more when 10,000 arrived. A ballot is never held back: it flushes at once.
 */
export const CHECK_IN_COMMIT_INTERVAL_MS = 10;

const keyOf = (meetingId: string, pollId: string, memberId: string, ballotId: string) =>
  `${meetingId}\u0000${pollId}\u0000${memberId}\u0000${ballotId}`;

/**
 * Group commit: ballots accepted during one event-loop turn (check-ins: during up to
 * CHECK_IN_COMMIT_INTERVAL_MS) are written in one transaction (one fsync), and only then
 * acknowledged. Durability per write is unchanged; a
 * burst of hundreds of votes, or a room of members checking in, costs one disk flush instead
 * of hundreds.
 */
export class GroupCommit {
  private queue: Queued[] = [];
  /** Ballots applied in memory whose commit is still to come: a re-send must wait for it too. */
  private readonly pending = new Map<string, Promise<void>>();
  /** A flush is due at the next turn (setImmediate), or only later (a timer for check-ins). */
  private scheduled: 'now' | 'later' | null = null;
  private timer: NodeJS.Timeout | undefined;
  private lastFlushAt = -Infinity;

  constructor(
    private readonly commit: (entries: PendingWrite[]) => void,
    private readonly afterCommit: (entries: PendingWrite[]) => void,
  ) {}

  add(entry: PendingWrite, undo: () => void): Promise<void> {
    const promise = new Promise<void>((resolve, reject) => {
      this.queue.push({ entry, undo, resolve, reject });
      this.schedule(entry.kind === 'ballot' ? 0 : this.lastFlushAt + CHECK_IN_COMMIT_INTERVAL_MS - performance.now());
    });
    if (entry.kind === 'ballot') this.pending.set(ballotKey(entry), promise);
    return promise;
  }

  private schedule(waitMs: number): void {
    if (this.scheduled === 'now') return;
    if (waitMs <= 0) {
      clearTimeout(this.timer);
      this.scheduled = 'now';
      setImmediate(() => this.scheduled === 'now' && this.flush());
    } else if (this.scheduled === null) {
      this.scheduled = 'later';
      this.timer = setTimeout(() => this.flush(), waitMs);
    }
  }

  /** The commit this ballot still waits for, or undefined when it is written already. */
  commitOf(meetingId: string, pollId: string, memberId: string, ballotId: string): Promise<void> | undefined {
    return this.pending.get(keyOf(meetingId, pollId, memberId, ballotId));
  }

  /**
   * Writes everything queued now; also called before any other change to a meeting is stored,
   * so that nothing is committed ahead of a write accepted earlier (and a close leaves no ballot
   * behind). False when the commit failed: those writes are already taken back out of memory.
   */
  flush(): boolean {
    this.scheduled = null;
    clearTimeout(this.timer);
    const batch = this.queue;
    if (batch.length === 0) return true;
    this.queue = [];
    this.lastFlushAt = performance.now();
    const entries = batch.map((b) => b.entry);
    let failure: { error: unknown } | null = null;
    try {
      this.commit(entries);
    } catch (error) {
      failure = { error };
    }
    for (const { entry } of batch) if (entry.kind === 'ballot') this.pending.delete(ballotKey(entry));
    if (failure) {
      // Synchronously, newest first: a close right after this flush must not count them.
      for (const b of [...batch].reverse()) b.undo();
      for (const b of batch) b.reject(failure.error);
      return false;
    }
    for (const b of batch) b.resolve();
    this.afterCommit(entries);
    return true;
  }
}

const ballotKey = (e: PendingBallot) => keyOf(e.meetingId, e.pollId, e.ballot.memberId, e.ballot.ballotId);
