import type { Choice } from '../../shared/meeting/model.ts';
import type { BallotRecord } from '../../shared/meeting/state.ts';

export interface PendingBallot {
  meetingId: string;
  pollId: string;
  ballot: BallotRecord;
  /** Secret poll: the choice goes to the counters only; `ballot` records just that the member voted. */
  secretChoice: Choice | null;
}

/**
 * Group commit: ballots accepted during one event-loop turn are written in one transaction
 * (one fsync), and only then acknowledged. Durability per ballot is unchanged; a burst of
 * hundreds of votes costs one disk flush instead of hundreds.
 */
export class BallotBatcher {
  private queue: { entry: PendingBallot; done: (error?: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly commit: (entries: PendingBallot[]) => void,
    private readonly afterCommit: (entries: PendingBallot[]) => void,
  ) {}

  add(entry: PendingBallot): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes everything queued now; also called before a poll closes so no ballot is left behind. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    const entries = batch.map((b) => b.entry);
    try {
      this.commit(entries);
    } catch (error) {
      for (const b of batch) b.done(error);
      return;
    }
    for (const b of batch) b.done();
    this.afterCommit(entries);
  }
}
