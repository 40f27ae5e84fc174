import type { Poll } from '../../shared/meeting/model.ts';
import type { PendingBallot } from '../meetings/ballotBatcher.ts';
import type { Db } from '../storage/database.ts';
import { MeetingStore } from '../storage/meetingStore.ts';
import type { AuditKind, AuditLog } from './auditLog.ts';
import { receiptCode } from '../../shared/receipts/receipt.ts';

/**
 * The meeting store with every vote state change written to the audit log in the same
 * transaction. Secret ballots are logged with their receipt only: the log never links a
 * member to a choice in a secret vote.
 */
export class AuditedMeetingStore extends MeetingStore {
  private readonly pollRow;

  constructor(
    private readonly database: Db,
    private readonly audit: AuditLog,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {
    super(database);
    this.pollRow = database.prepare(`SELECT meeting_id, mode, status FROM polls WHERE id = ?`);
  }

  override insertPoll(meetingId: string, p: Poll): void {
    this.database.transaction(() => {
      super.insertPoll(meetingId, p);
      this.audit.append(meetingId, p.openedAt, 'poll.opened', p.id, {
        itemId: p.itemId,
        round: p.round,
        mode: p.mode,
        majority: p.majority,
        eligibleMemberIds: p.eligibleMemberIds,
      });
    })();
  }

  override updatePoll(p: Poll): void {
    this.database.transaction(() => {
      const before = this.pollRow.get(p.id) as { meeting_id: string; status: string } | undefined;
      super.updatePoll(p);
      if (!before) return;
      const kind: AuditKind =
        before.status === p.status ? 'poll.corrected' : p.status === 'closed' ? 'poll.closed' : p.status === 'published' ? 'poll.published' : p.status === 'invalid' ? 'poll.invalidated' : 'poll.corrected';
      const at = (kind === 'poll.published' ? p.publishedAt : kind === 'poll.closed' ? p.closedAt : null) ?? this.clock();
      this.audit.append(before.meeting_id, at, kind, p.id, { status: p.status, counts: p.counts });
    })();
  }

  override saveBallots(entries: PendingBallot[]): void {
    // The log entries go first, in their own transaction: the base store checkpoints the WAL
    // after secret ballots (nothing may linger there), which cannot run inside a transaction
    // and must come last. A crash in between leaves a logged ballot not stored: verify shows it.
    this.database.transaction(() => {
      const now = this.clock();
      for (const { pollId, ballot: b, secretChoice } of entries) {
        const poll = this.pollRow.get(pollId) as { meeting_id: string; mode: string } | undefined;
        if (!poll) continue;
        const receipt = receiptCode(pollId, b.ballotId);
        // A secret ballot's entry carries neither member nor choice, and the commit time, not the tap time.
        if (poll.mode === 'secret' || secretChoice) this.audit.append(poll.meeting_id, now, 'ballot.accepted', pollId, { receipt });
        else this.audit.append(poll.meeting_id, b.castAt ?? now, 'ballot.accepted', pollId, { memberId: b.memberId, choice: b.choice, receipt });
      }
    })();
    super.saveBallots(entries);
  }

}
