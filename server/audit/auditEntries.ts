import type { NewMeeting } from '../storage/meetingStore.ts';
import type { StoreWrite } from '../storage/storeWrites.ts';
import type { AuditKind } from './auditLog.ts';
import { receiptCodeOf } from './receiptCode.ts';
import { rosterEntry } from './roster.ts';

/**
 * Which audit-log entries a write makes, as data: every store (SQLite, PostgreSQL) appends
 * exactly these, in the write's transaction, so the two logs agree entry for entry.
 */
export interface PendingEntry {
  meetingId: string;
  at: string;
  kind: AuditKind;
  pollId: string | null;
  payload: unknown;
}

export interface EntryContext {
  /** When the batch commits: a secret ballot is logged with this time, never its own. */
  batchAt: string;
  /** The time for changes that carry none of their own (Beschlussart, amendment order). */
  now: () => string;
  /** For `pollUpdated`: the poll as stored before the update (undefined: no such poll, nothing logged). */
  pollBefore?: { meetingId: string; status: string };
}

export function meetingCreatedEntry(m: NewMeeting, createdAt: string): PendingEntry {
  const { members, agenda, ...info } = m;
  return { meetingId: m.id, at: createdAt, kind: 'meeting.created', pollId: null, payload: { ...info, ...rosterEntry(members, agenda) } };
}

const entry = (meetingId: string, at: string, kind: AuditKind, pollId: string | null, payload: unknown): PendingEntry[] => [
  { meetingId, at, kind, pollId, payload },
];

export function auditEntriesFor(w: StoreWrite, ctx: EntryContext): PendingEntry[] {
  switch (w.kind) {
    case 'ballot': {
      const { meetingId, pollId, ballot: b } = w;
      const receipt = receiptCodeOf(pollId, b.ballotId);
      // A secret ballot's entry carries neither member nor choice, and the commit time, not the tap time.
      if (w.secretChoice) return entry(meetingId, ctx.batchAt, 'ballot.accepted', pollId, { receipt });
      return entry(meetingId, b.castAt ?? ctx.batchAt, 'ballot.accepted', pollId, {
        memberId: b.memberId,
        choice: b.choice,
        ...(b.marks ? { marks: b.marks } : {}),
        receipt,
      });
    }
    case 'attendance': {
      const a = w.change;
      const poll = a.poll;
      return entry(w.meetingId, a.at, 'attendance.recorded', poll?.pollId ?? null, {
        memberId: a.memberId,
        present: a.present,
        by: a.by,
        ...(poll ? { eligibleMemberIds: poll.eligibleMemberIds } : {}),
      });
    }
    case 'currentItem':
      return [];
    case 'pollInserted': {
      const p = w.poll;
      const opened = entry(w.meetingId, p.openedAt, 'poll.opened', p.id, {
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
      if (p.status !== 'closed') return opened;
      return [...opened, ...entry(w.meetingId, p.closedAt ?? p.openedAt, 'poll.closed', p.id, resultOf(p))];
    }
    case 'pollUpdated': {
      const p = w.poll;
      const before = ctx.pollBefore;
      if (!before) return [];
      const kind: AuditKind =
        before.status === p.status ? 'poll.corrected' : p.status === 'closed' ? 'poll.closed' : p.status === 'published' ? 'poll.published' : p.status === 'invalid' ? 'poll.invalidated' : 'poll.corrected';
      const at = (kind === 'poll.published' ? p.publishedAt : kind === 'poll.closed' ? p.closedAt : null) ?? ctx.now();
      return entry(before.meetingId, at, kind, p.id, resultOf(p));
    }
    case 'quorumCheck':
      return entry(w.meetingId, w.check.at, 'quorum.checked', null, { itemId: w.check.itemId, quorum: w.check.quorum });
    case 'exclusion':
      return entry(w.meetingId, w.at, 'exclusion.set', null, w.change);
    case 'decisionKind':
      return entry(w.meetingId, ctx.now(), 'decisionKind.set', null, { itemId: w.itemId, kind: w.decisionKind });
    case 'motionAdded':
      return entry(w.meetingId, w.at, 'motion.added', null, w.motion);
    case 'motionsMoved':
      return entry(w.meetingId, ctx.now(), 'motion.reordered', null, w.motions.map((m) => ({ id: m.id, position: m.position })));
    case 'motionRemoved':
      return entry(w.meetingId, ctx.now(), 'motion.removed', null, { id: w.motionId });
    case 'recordedVote':
      return entry(w.meetingId, w.at, 'vote.recorded', w.pollId, { memberId: w.memberId, recorded: w.recorded, by: w.by });
    case 'groupWise':
      return entry(w.meetingId, w.at, 'poll.groupWise', w.pollId, { groupWise: w.groupWise });
    case 'election':
      if (w.lot) return entry(w.meetingId, w.at, 'election.lotDrawn', w.lot.pollId, { itemId: w.election.itemId, ...w.lot });
      return entry(w.meetingId, w.at, 'election.changed', null, w.election);
  }
}

const resultOf = (p: Extract<StoreWrite, { kind: 'pollUpdated' }>['poll']) => ({
  status: p.status,
  counts: p.counts,
  ...(p.election?.votes ? { votes: p.election.votes } : {}),
});
