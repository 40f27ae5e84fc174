import type {
  AgendaItem,
  AttendancePeriod,
  Choice,
  MajorityKind,
  Member,
  MemberRole,
  Poll,
  PollStatus,
  QuorumCheck,
  QuorumCount,
  VoteMode,
} from '../../shared/meeting/model.ts';
import type { BallotRecord, MeetingState } from '../../shared/meeting/state.ts';
import type { Db } from './database.ts';

/** Rows of meetings, members, agenda, polls and ballots ⇄ the core's MeetingState. */

interface PollRow {
  id: string;
  item_id: string;
  round: number;
  mode: string;
  majority: string;
  status: string;
  opened_at: string;
  closed_at: string | null;
  published_at: string | null;
  eligible_member_ids: string;
  yes: number | null;
  no: number | null;
  abstain: number | null;
  excluded_member_ids: string;
  quorum: string | null;
  quorum_overridden: number;
}

export interface NewMeeting {
  id: string;
  body: string;
  organization: string;
  name: string;
  start: string;
  location: string;
  rules: string;
  statutoryMembers: number;
  members: Member[];
  agenda: AgendaItem[];
}

export class MeetingStore {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      insertMeeting: db.prepare(
        `INSERT INTO meetings (id, body, organization, name, start, location, rules, statutory_members, current_item_id, created_at)
         VALUES (@id, @body, @organization, @name, @start, @location, @rules, @statutoryMembers, NULL, @createdAt)`,
      ),
      insertMember: db.prepare(
        `INSERT INTO members (meeting_id, id, position, name, role, voting_right) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      insertItem: db.prepare(
        `INSERT INTO agenda_items (meeting_id, id, position, number, name, public, paper) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      meeting: db.prepare(`SELECT * FROM meetings WHERE id = ?`),
      meetingIds: db.prepare(`SELECT id FROM meetings ORDER BY created_at`),
      members: db.prepare(`SELECT * FROM members WHERE meeting_id = ? ORDER BY position`),
      items: db.prepare(`SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position`),
      polls: db.prepare(`SELECT * FROM polls WHERE meeting_id = ? ORDER BY opened_at, round`),
      ballots: db.prepare(
        `SELECT b.* FROM ballots b JOIN polls p ON p.id = b.poll_id WHERE p.meeting_id = ? ORDER BY b.cast_at`,
      ),
      setCurrentItem: db.prepare(`UPDATE meetings SET current_item_id = ? WHERE id = ?`),
      insertPoll: db.prepare(
        `INSERT INTO polls (id, meeting_id, item_id, round, mode, majority, status, opened_at, eligible_member_ids,
           excluded_member_ids, quorum, quorum_overridden)
         VALUES (@id, @meetingId, @itemId, @round, @mode, @majority, @status, @openedAt, @eligible,
           @excluded, @quorumJson, @overridden)`,
      ),
      setPollEligible: db.prepare(`UPDATE polls SET eligible_member_ids = ? WHERE id = ?`),
      insertAttendance: db.prepare(
        `INSERT INTO attendance_events (meeting_id, member_id, present, at, by_role) VALUES (?, ?, ?, ?, ?)`,
      ),
      attendance: db.prepare(`SELECT member_id, present, at FROM attendance_events WHERE meeting_id = ? ORDER BY seq`),
      insertExclusion: db.prepare(`INSERT INTO exclusions (meeting_id, item_id, member_id, marked_at) VALUES (?, ?, ?, ?)`),
      deleteExclusion: db.prepare(`DELETE FROM exclusions WHERE meeting_id = ? AND item_id = ? AND member_id = ?`),
      exclusions: db.prepare(`SELECT item_id, member_id FROM exclusions WHERE meeting_id = ? ORDER BY marked_at`),
      insertQuorumCheck: db.prepare(`INSERT INTO quorum_checks (meeting_id, at, item_id, quorum) VALUES (?, ?, ?, ?)`),
      quorumChecks: db.prepare(`SELECT at, item_id, quorum FROM quorum_checks WHERE meeting_id = ? ORDER BY seq`),
      updatePoll: db.prepare(
        `UPDATE polls SET status = @status, closed_at = @closedAt, published_at = @publishedAt,
           yes = @yes, no = @no, abstain = @abstain WHERE id = @id`,
      ),
      upsertBallot: db.prepare(
        `INSERT INTO ballots (poll_id, member_id, choice, ballot_id, cast_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (poll_id, member_id) DO UPDATE SET choice = excluded.choice, ballot_id = excluded.ballot_id, cast_at = excluded.cast_at`,
      ),
    };
  }

  createMeeting(m: NewMeeting, createdAt: string): void {
    this.db.transaction(() => {
      this.q.insertMeeting.run({ ...m, createdAt });
      m.members.forEach((x, i) => this.q.insertMember.run(m.id, x.id, i, x.name, x.role, x.votingRight ? 1 : 0));
      m.agenda.forEach((x, i) => this.q.insertItem.run(m.id, x.id, i, x.number, x.name, x.public ? 1 : 0, x.paper));
    })();
  }

  meetingIds(): string[] {
    return (this.q.meetingIds.all() as { id: string }[]).map((r) => r.id);
  }

  load(meetingId: string): MeetingState | undefined {
    const row = this.q.meeting.get(meetingId) as Record<string, string | number | null> | undefined;
    if (!row) return undefined;
    const members = (this.q.members.all(meetingId) as Record<string, string | number>[]).map(
      (r): Member => ({ id: String(r.id), name: String(r.name), role: r.role as MemberRole, votingRight: r.voting_right === 1 }),
    );
    const agenda = (this.q.items.all(meetingId) as Record<string, string | number | null>[]).map(
      (r): AgendaItem => ({
        id: String(r.id),
        number: String(r.number),
        name: String(r.name),
        public: r.public === 1,
        paper: r.paper === null ? null : String(r.paper),
      }),
    );
    const polls = (this.q.polls.all(meetingId) as PollRow[]).map(toPoll);
    const ballots = new Map<string, Map<string, BallotRecord>>();
    for (const b of this.q.ballots.all(meetingId) as Record<string, string>[]) {
      let perPoll = ballots.get(b.poll_id!);
      if (!perPoll) ballots.set(b.poll_id!, (perPoll = new Map()));
      perPoll.set(b.member_id!, { memberId: b.member_id!, choice: b.choice as Choice, ballotId: b.ballot_id!, castAt: b.cast_at! });
    }
    const attendance = new Map<string, AttendancePeriod[]>();
    for (const a of this.q.attendance.all(meetingId) as { member_id: string; present: number; at: string }[]) {
      let periods = attendance.get(a.member_id);
      if (!periods) attendance.set(a.member_id, (periods = []));
      if (a.present === 1) periods.push({ from: a.at, to: null });
      else if (periods.length) periods[periods.length - 1]!.to = a.at;
    }
    const exclusions = new Map<string, Set<string>>();
    for (const x of this.q.exclusions.all(meetingId) as { item_id: string; member_id: string }[]) {
      let set = exclusions.get(x.item_id);
      if (!set) exclusions.set(x.item_id, (set = new Set()));
      set.add(x.member_id);
    }
    return {
      meeting: {
        id: String(row.id),
        body: String(row.body),
        organization: String(row.organization),
        name: String(row.name),
        start: String(row.start),
        location: String(row.location),
        rules: String(row.rules),
        members,
        agenda,
        currentItemId: row.current_item_id === null ? null : String(row.current_item_id),
      },
      statutoryMembers: Number(row.statutory_members),
      polls,
      ballots,
      attendance,
      exclusions,
      quorumChecks: (this.q.quorumChecks.all(meetingId) as { at: string; item_id: string | null; quorum: string }[]).map((r) => ({
        at: r.at,
        itemId: r.item_id,
        quorum: JSON.parse(r.quorum) as QuorumCount,
      })),
    };
  }

  setCurrentItem(meetingId: string, itemId: string | null): void {
    this.q.setCurrentItem.run(itemId, meetingId);
  }

  insertPoll(meetingId: string, p: Poll): void {
    this.q.insertPoll.run({
      ...p,
      meetingId,
      eligible: JSON.stringify(p.eligibleMemberIds),
      excluded: JSON.stringify(p.excludedMemberIds),
      quorumJson: JSON.stringify(p.quorum),
      overridden: p.quorumOverridden ? 1 : 0,
    });
  }

  /** Who an open poll waits for, after members checked in or out. */
  setPollEligible(pollId: string, memberIds: string[]): void {
    this.q.setPollEligible.run(JSON.stringify(memberIds), pollId);
  }

  /** Records a check-in or check-out; with the poll change in the same transaction. */
  recordAttendance(
    meetingId: string,
    a: { memberId: string; present: boolean; at: string; by: 'self' | 'chair' },
    poll: { pollId: string; eligibleMemberIds: string[] } | null,
  ): void {
    this.db.transaction(() => {
      this.q.insertAttendance.run(meetingId, a.memberId, a.present ? 1 : 0, a.at, a.by);
      if (poll) this.setPollEligible(poll.pollId, poll.eligibleMemberIds);
    })();
  }

  insertQuorumCheck(meetingId: string, c: QuorumCheck): void {
    this.q.insertQuorumCheck.run(meetingId, c.at, c.itemId, JSON.stringify(c.quorum));
  }

  setExclusion(meetingId: string, x: { itemId: string; memberId: string; excluded: boolean }, at: string): void {
    if (x.excluded) this.q.insertExclusion.run(meetingId, x.itemId, x.memberId, at);
    else this.q.deleteExclusion.run(meetingId, x.itemId, x.memberId);
  }

  updatePoll(p: Poll): void {
    this.q.updatePoll.run({
      id: p.id,
      status: p.status,
      closedAt: p.closedAt,
      publishedAt: p.publishedAt,
      yes: p.counts?.yes ?? null,
      no: p.counts?.no ?? null,
      abstain: p.counts?.abstain ?? null,
    });
  }

  /** Stores ballots in one transaction: one commit (one fsync) for a whole burst. */
  saveBallots(entries: { pollId: string; ballot: BallotRecord }[]): void {
    this.db.transaction(() => {
      for (const { pollId, ballot: b } of entries) this.q.upsertBallot.run(pollId, b.memberId, b.choice, b.ballotId, b.castAt);
    })();
  }
}

function toPoll(r: PollRow): Poll {
  return {
    id: r.id,
    itemId: r.item_id,
    round: r.round,
    mode: r.mode as VoteMode,
    majority: r.majority as MajorityKind,
    status: r.status as PollStatus,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    publishedAt: r.published_at,
    eligibleMemberIds: JSON.parse(r.eligible_member_ids) as string[],
    excludedMemberIds: JSON.parse(r.excluded_member_ids) as string[],
    // Polls stored before quorum was recorded count as quorate: nothing was overridden.
    quorum: r.quorum ? (JSON.parse(r.quorum) as QuorumCount) : { present: 0, total: 0, required: 0, quorate: true },
    quorumOverridden: r.quorum_overridden === 1,
    counts: r.yes === null ? null : { yes: r.yes, no: r.no ?? 0, abstain: r.abstain ?? 0 },
  };
}
