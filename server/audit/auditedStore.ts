import type { Election } from '../../shared/elections/model.ts';
import type { Poll, QuorumCheck } from '../../shared/meeting/model.ts';
import type { DecisionKind } from '../../shared/minutes/decisionKinds.ts';
import type { StoreWrite } from '../storage/storeWrites.ts';
import type { Motion } from '../../shared/motions/model.ts';
import type { Db } from '../storage/database.ts';
import { MeetingStore, type NewMeeting } from '../storage/meetingStore.ts';
import type { AuditKind, AuditLog } from './auditLog.ts';
import { receiptCodeOf } from './receiptCode.ts';
import { rosterEntry } from './roster.ts';

/**
 * The meeting store with every state change written to the audit log in the same
 * transaction: the vote path, and what decides who may vote (the roster, attendance,
 * Mitwirkungsverbot) and how a result is recorded (quorum checks, Beschlussart). Secret
 * ballots are logged with their receipt only: the log never links a member to a choice in a
 * secret vote.
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

  override createMeeting(m: NewMeeting, createdAt: string): void {
    this.database.transaction(() => {
      super.createMeeting(m, createdAt);
      const { members, agenda, ...info } = m;
      this.audit.append(m.id, createdAt, 'meeting.created', null, { ...info, ...rosterEntry(members, agenda) });
    })();
  }

  private logAttendance(
    meetingId: string,
    a: { memberId: string; present: boolean; at: string; by: 'self' | 'chair' },
    poll: { pollId: string; eligibleMemberIds: string[] } | null,
  ): void {
    this.audit.append(meetingId, a.at, 'attendance.recorded', poll?.pollId ?? null, {
      memberId: a.memberId,
      present: a.present,
      by: a.by,
      ...(poll ? { eligibleMemberIds: poll.eligibleMemberIds } : {}),
    });
  }

  override setExclusion(meetingId: string, x: { itemId: string; memberId: string; excluded: boolean }, at: string): void {
    this.database.transaction(() => {
      super.setExclusion(meetingId, x, at);
      this.audit.append(meetingId, at, 'exclusion.set', null, x);
    })();
  }

  override insertQuorumCheck(meetingId: string, c: QuorumCheck): void {
    this.database.transaction(() => {
      super.insertQuorumCheck(meetingId, c);
      this.audit.append(meetingId, c.at, 'quorum.checked', null, { itemId: c.itemId, quorum: c.quorum });
    })();
  }

  override setDecisionKind(meetingId: string, itemId: string, kind: DecisionKind | null): void {
    this.database.transaction(() => {
      super.setDecisionKind(meetingId, itemId, kind);
      this.audit.append(meetingId, this.clock(), 'decisionKind.set', null, { itemId, kind });
    })();
  }

  override setRecordedVote(meetingId: string, x: { pollId: string; memberId: string; recorded: boolean; by: 'self' | 'chair' }, at: string): void {
    this.database.transaction(() => {
      super.setRecordedVote(meetingId, x, at);
      this.audit.append(meetingId, at, 'vote.recorded', x.pollId, { memberId: x.memberId, recorded: x.recorded, by: x.by });
    })();
  }

  override setGroupWise(meetingId: string, pollId: string, groupWise: boolean, at: string): void {
    this.database.transaction(() => {
      super.setGroupWise(meetingId, pollId, groupWise, at);
      this.audit.append(meetingId, at, 'poll.groupWise', pollId, { groupWise });
    })();
  }

  override saveElection(meetingId: string, e: Election, change: { at: string; lot: Election['lots'][number] | null }): void {
    this.database.transaction(() => {
      super.saveElection(meetingId, e, change);
      if (change.lot) this.audit.append(meetingId, change.at, 'election.lotDrawn', change.lot.pollId, { itemId: e.itemId, ...change.lot });
      else this.audit.append(meetingId, change.at, 'election.changed', null, e);
    })();
  }

  override insertPoll(meetingId: string, p: Poll): void {
    this.database.transaction(() => {
      super.insertPoll(meetingId, p);
      this.audit.append(meetingId, p.openedAt, 'poll.opened', p.id, {
        itemId: p.itemId,
        round: p.round,
        mode: p.mode,
        majority: p.majority,
        ...(p.election ? { election: p.election } : {}),
        rules: p.rules,
        statutoryMembers: p.statutoryMembers,
        eligibleMemberIds: p.eligibleMemberIds,
        ...(p.motionId ? { motionId: p.motionId } : {}),
        ...(p.blocItemIds ? { blocItemIds: p.blocItemIds } : {}),
      });
      // A count entered by hand is stored closed at once: its numbers go on record as a closing.
      if (p.status === 'closed') {
        this.audit.append(meetingId, p.closedAt ?? p.openedAt, 'poll.closed', p.id, { status: p.status, counts: p.counts, ...(p.election?.votes ? { votes: p.election.votes } : {}) });
      }
    })();
  }

  override addMotion(meetingId: string, m: Motion, at: string): void {
    this.database.transaction(() => {
      super.addMotion(meetingId, m, at);
      this.audit.append(meetingId, at, 'motion.added', null, m);
    })();
  }

  override setMotionPositions(meetingId: string, motions: readonly Motion[]): void {
    this.database.transaction(() => {
      super.setMotionPositions(meetingId, motions);
      this.audit.append(meetingId, this.clock(), 'motion.reordered', null, motions.map((m) => ({ id: m.id, position: m.position })));
    })();
  }

  override removeMotion(meetingId: string, motionId: string): void {
    this.database.transaction(() => {
      super.removeMotion(meetingId, motionId);
      this.audit.append(meetingId, this.clock(), 'motion.removed', null, { id: motionId });
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
      this.audit.append(before.meeting_id, at, kind, p.id, { status: p.status, counts: p.counts, ...(p.election?.votes ? { votes: p.election.votes } : {}) });
    })();
  }

  /** When the batch being written commits: secret ballots are logged with that time, not their own. */
  private batchAt = '';

  override saveBatch(writes: readonly StoreWrite[]): void {
    this.batchAt = this.clock();
    this.audit.batch(() => super.saveBatch(writes));
  }

  /**
   * Each write of a group commit with its log entry, in the batch's one transaction. Ballots and
   * check-ins are logged here; every other write is logged by the method it calls.
   */
  protected override writeEntry(entry: StoreWrite): void {
    if (entry.kind === 'attendance') {
      this.logAttendance(entry.meetingId, entry.change, entry.change.poll);
    } else if (entry.kind === 'ballot') {
      const { meetingId, pollId, ballot: b, secretChoice } = entry;
      const receipt = receiptCodeOf(pollId, b.ballotId);
      // A secret ballot's entry carries neither member nor choice, and the commit time, not the tap time.
      if (secretChoice) this.audit.append(meetingId, this.batchAt, 'ballot.accepted', pollId, { receipt });
      else this.audit.append(meetingId, b.castAt ?? this.batchAt, 'ballot.accepted', pollId, { memberId: b.memberId, choice: b.choice, ...(b.marks ? { marks: b.marks } : {}), receipt });
    }
    super.writeEntry(entry);
  }
}
