import type { StoreWrite } from '../storage/storeWrites.ts';
import { writeTransaction, type Db } from '../storage/database.ts';
import { MeetingStore, type NewMeeting } from '../storage/meetingStore.ts';
import { auditEntriesFor, meetingCreatedEntry, type PendingEntry } from './auditEntries.ts';
import type { AuditLog } from './auditLog.ts';
import { isoNow } from '../clock.ts';

/**
 * The meeting store with every state change written to the audit log in the same
 * transaction: the vote path, and what decides who may vote (the roster, attendance,
 * Mitwirkungsverbot) and how a result is recorded (quorum checks, Beschlussart). Which entries
 * a write makes is decided in auditEntries.ts (shared with the PostgreSQL store). Secret
 * ballots are logged with their receipt only: the log never links a member to a choice in a
 * secret vote.
 */
export class AuditedMeetingStore extends MeetingStore {
  private readonly pollRow;

  constructor(
    private readonly database: Db,
    private readonly audit: AuditLog,
    private readonly clock: () => string = isoNow,
  ) {
    super(database);
    this.pollRow = database.prepare(`SELECT meeting_id, status FROM polls WHERE id = ?`);
  }

  override createMeeting(m: NewMeeting, createdAt: string): void {
    writeTransaction(this.database, () => {
      super.createMeeting(m, createdAt);
      this.append(meetingCreatedEntry(m, createdAt));
    });
  }

  /** When the batch being written commits: secret ballots are logged with that time, not their own. */
  private batchAt = '';

  override saveBatch(writes: readonly StoreWrite[]): { walKept: boolean } {
    this.batchAt = this.clock();
    return super.saveBatch(writes);
  }

  /** Inside the batch's write transaction: the log's end is read under the write lock, once per batch. */
  protected override inBatch(run: () => void): void {
    this.audit.batch(run);
  }

  /** Each write of a group commit with its log entries, in the batch's one transaction. */
  protected override writeEntry(entry: StoreWrite): void {
    // A poll's closing, publishing or invalidation is told apart by its status before the update.
    const before = entry.kind === 'pollUpdated' ? (this.pollRow.get(entry.poll.id) as { meeting_id: string; status: string } | undefined) : undefined;
    super.writeEntry(entry);
    const pollBefore = before && { meetingId: before.meeting_id, status: before.status };
    for (const e of auditEntriesFor(entry, { batchAt: this.batchAt, now: this.clock, pollBefore })) this.append(e);
  }

  private append(e: PendingEntry): void {
    this.audit.append(e.meetingId, e.at, e.kind, e.pollId, e.payload);
  }
}
