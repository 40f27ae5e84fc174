import type {
  AgendaItem,
  AttendancePeriod,
  Choice,
  Counts,
  MajorityKind,
  Member,
  MemberRole,
  MeetingLanguage,
  MinuteFormat,
  Poll,
  PollStatus,
  QuorumCheck,
  QuorumCount,
  VoteMode,
} from '../../shared/meeting/model.ts';
import type { Election } from '../../shared/elections/model.ts';
import type { BallotRecord, MeetingState } from '../../shared/meeting/state.ts';
import type { DecisionKind } from '../../shared/minutes/decisionKinds.ts';
import type { StoreWrite } from './storeWrites.ts';
import type { Motion } from '../../shared/motions/model.ts';
import { writeTransaction, type Db } from './database.ts';
import { MotionRows } from './motionRows.ts';

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
  roll_call_live: number;
  counted_by_hand: number;
  invalidated_at: string | null;
  rules: string | null;
  statutory_members: number | null;
  election: string | null;
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
  minuteFormat?: MinuteFormat;
  language?: MeetingLanguage;
}

export class MeetingStore {
  private readonly q;
  private readonly motionRows: MotionRows;

  constructor(private readonly db: Db) {
    this.motionRows = new MotionRows(db);
    this.q = {
      insertMeeting: db.prepare(
        `INSERT INTO meetings (id, body, organization, name, start, location, rules, statutory_members, current_item_id, created_at, minute_format, language)
         VALUES (@id, @body, @organization, @name, @start, @location, @rules, @statutoryMembers, NULL, @createdAt, @minuteFormat, @language)`,
      ),
      insertMember: db.prepare(
        `INSERT INTO members (meeting_id, id, position, name, role, voting_right, group_name) VALUES (?, ?, ?, ?, ?, ?, ?)`,
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
        `INSERT INTO polls (id, meeting_id, item_id, round, mode, majority, status, opened_at, closed_at, eligible_member_ids,
           excluded_member_ids, quorum, quorum_overridden, yes, no, abstain, roll_call_live, counted_by_hand, rules, statutory_members, election)
         VALUES (@id, @meetingId, @itemId, @round, @mode, @majority, @status, @openedAt, @closedAt, @eligible,
           @excluded, @quorumJson, @overridden, @yes, @no, @abstain, @rollCallLive, @countedByHand, @rules, @statutoryMembers, @election)`,
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
           yes = @yes, no = @no, abstain = @abstain, invalidated_at = @invalidatedAt, election = @election WHERE id = @id`,
      ),
      secretVoters: db.prepare(
        `SELECT v.poll_id, v.member_id, v.ballot_id FROM secret_voters v JOIN polls p ON p.id = v.poll_id WHERE p.meeting_id = ?`,
      ),
      secretTallies: db.prepare(
        `SELECT t.* FROM secret_tallies t JOIN polls p ON p.id = t.poll_id WHERE p.meeting_id = ?`,
      ),
      insertSecretVoter: db.prepare(`INSERT INTO secret_voters (poll_id, member_id, ballot_id) VALUES (?, ?, ?)`),
      // One statement per choice: the column name cannot be a parameter.
      countSecret: {
        yes: db.prepare(`INSERT INTO secret_tallies (poll_id, yes) VALUES (?, 1) ON CONFLICT (poll_id) DO UPDATE SET yes = yes + 1`),
        no: db.prepare(`INSERT INTO secret_tallies (poll_id, no) VALUES (?, 1) ON CONFLICT (poll_id) DO UPDATE SET no = no + 1`),
        abstain: db.prepare(
          `INSERT INTO secret_tallies (poll_id, abstain) VALUES (?, 1) ON CONFLICT (poll_id) DO UPDATE SET abstain = abstain + 1`,
        ),
      },
      decisionKinds: db.prepare(`SELECT item_id, kind FROM decision_kinds WHERE meeting_id = ?`),
      setDecisionKind: db.prepare(
        `INSERT INTO decision_kinds (meeting_id, item_id, kind) VALUES (?, ?, ?) ON CONFLICT (meeting_id, item_id) DO UPDATE SET kind = excluded.kind`,
      ),
      clearDecisionKind: db.prepare(`DELETE FROM decision_kinds WHERE meeting_id = ? AND item_id = ?`),
      recordedVotes: db.prepare(
        `SELECT r.poll_id, r.member_id FROM recorded_votes r JOIN polls p ON p.id = r.poll_id WHERE p.meeting_id = ? ORDER BY r.at`,
      ),
      insertRecordedVote: db.prepare(`INSERT INTO recorded_votes (poll_id, member_id, by_role, at) VALUES (?, ?, ?, ?)`),
      deleteRecordedVote: db.prepare(`DELETE FROM recorded_votes WHERE poll_id = ? AND member_id = ?`),
      setGroupWise: db.prepare(`UPDATE polls SET group_wise = ? WHERE id = ?`),
      upsertBallot: db.prepare(
        `INSERT INTO ballots (poll_id, member_id, choice, ballot_id, cast_at, marks) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (poll_id, member_id) DO UPDATE SET choice = excluded.choice, ballot_id = excluded.ballot_id, cast_at = excluded.cast_at, marks = excluded.marks`,
      ),
      elections: db.prepare(`SELECT data FROM elections WHERE meeting_id = ? ORDER BY rowid`),
      saveElection: db.prepare(
        `INSERT INTO elections (meeting_id, item_id, data) VALUES (?, ?, ?) ON CONFLICT (meeting_id, item_id) DO UPDATE SET data = excluded.data`,
      ),
      secretVotes: db.prepare(
        `SELECT v.poll_id, v.candidate_id, v.votes FROM secret_votes v JOIN polls p ON p.id = v.poll_id WHERE p.meeting_id = ?`,
      ),
      createSecretVote: db.prepare(`INSERT INTO secret_votes (poll_id, candidate_id, votes) VALUES (?, ?, 0)`),
      countSecretVote: db.prepare(`UPDATE secret_votes SET votes = votes + 1 WHERE poll_id = ? AND candidate_id = ?`),
    };
  }

  createMeeting(m: NewMeeting, createdAt: string): void {
    writeTransaction(this.db, () => {
      this.q.insertMeeting.run({ ...m, minuteFormat: m.minuteFormat ?? 'allris', language: m.language ?? 'de', createdAt });
      m.members.forEach((x, i) => this.q.insertMember.run(m.id, x.id, i, x.name, x.role, x.votingRight ? 1 : 0, x.group ?? null));
      m.agenda.forEach((x, i) => this.q.insertItem.run(m.id, x.id, i, x.number, x.name, x.public ? 1 : 0, x.paper));
    });
  }

  meetingIds(): string[] {
    return (this.q.meetingIds.all() as { id: string }[]).map((r) => r.id);
  }

  load(meetingId: string): MeetingState | undefined {
    const row = this.q.meeting.get(meetingId) as Record<string, string | number | null> | undefined;
    if (!row) return undefined;
    const members = (this.q.members.all(meetingId) as Record<string, string | number>[]).map(
      (r): Member => ({
        id: String(r.id),
        name: String(r.name),
        role: r.role as MemberRole,
        votingRight: r.voting_right === 1,
        // Absent rather than null: every snapshot carries the member list (20,000 at a convention).
        ...(r.group_name ? { group: String(r.group_name) } : {}),
      }),
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
    const terms = { rules: String(row.rules), statutoryMembers: Number(row.statutory_members) };
    const pollRows = this.q.polls.all(meetingId) as (PollRow & { group_wise: number })[];
    const polls = this.motionRows.withSubjects(meetingId, pollRows.map((r) => toPoll(r, terms)));
    const ballots = new Map<string, Map<string, BallotRecord>>();
    for (const b of this.q.ballots.all(meetingId) as Record<string, string>[]) {
      let perPoll = ballots.get(b.poll_id!);
      if (!perPoll) ballots.set(b.poll_id!, (perPoll = new Map()));
      const marks = b.marks ? { marks: JSON.parse(b.marks) as string[] } : {};
      perPoll.set(b.member_id!, { memberId: b.member_id!, choice: b.choice as Choice, ballotId: b.ballot_id!, castAt: b.cast_at!, ...marks });
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
    for (const v of this.q.secretVoters.all(meetingId) as Record<string, string>[]) {
      let perPoll = ballots.get(v.poll_id!);
      if (!perPoll) ballots.set(v.poll_id!, (perPoll = new Map()));
      perPoll.set(v.member_id!, { memberId: v.member_id!, choice: null, ballotId: v.ballot_id!, castAt: null });
    }
    const secretCounts = new Map<string, Counts>();
    for (const r of this.q.secretTallies.all(meetingId) as (Counts & { poll_id: string })[]) {
      secretCounts.set(r.poll_id, { yes: r.yes, no: r.no, abstain: r.abstain });
    }
    const decisionKinds = new Map<string, DecisionKind>();
    for (const r of this.q.decisionKinds.all(meetingId) as { item_id: string; kind: DecisionKind }[]) decisionKinds.set(r.item_id, r.kind);
    const recordedVotes = new Map<string, Set<string>>();
    for (const r of this.q.recordedVotes.all(meetingId) as { poll_id: string; member_id: string }[]) {
      let set = recordedVotes.get(r.poll_id);
      if (!set) recordedVotes.set(r.poll_id, (set = new Set()));
      set.add(r.member_id);
    }
    const groupWisePolls = new Set(pollRows.filter((r) => r.group_wise === 1).map((r) => r.id));
    const elections = new Map<string, Election>();
    for (const r of this.q.elections.all(meetingId) as { data: string }[]) {
      const e = JSON.parse(r.data) as Election;
      elections.set(e.itemId, e);
    }
    const secretVotes = new Map<string, Record<string, number>>();
    for (const r of this.q.secretVotes.all(meetingId) as { poll_id: string; candidate_id: string; votes: number }[]) {
      let votes = secretVotes.get(r.poll_id);
      if (!votes) secretVotes.set(r.poll_id, (votes = {}));
      votes[r.candidate_id] = r.votes;
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
        minuteFormat: String(row.minute_format ?? 'allris') as MinuteFormat,
        language: String(row.language ?? 'de') as MeetingLanguage,
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
      secretCounts,
      decisionKinds,
      motions: this.motionRows.load(meetingId),
      recordedVotes,
      groupWisePolls,
      elections,
      secretVotes,
    };
  }

  setCurrentItem(meetingId: string, itemId: string | null): void {
    this.q.setCurrentItem.run(itemId, meetingId);
  }

  insertPoll(meetingId: string, p: Poll): void {
    writeTransaction(this.db, () => this.insertPollRows(meetingId, p));
  }

  private insertPollRows(meetingId: string, p: Poll): void {
    const storedRound = this.motionRows.storedRound(meetingId, p);
    this.q.insertPoll.run({
      id: p.id,
      meetingId,
      itemId: p.itemId,
      round: storedRound,
      mode: p.mode,
      majority: p.majority,
      status: p.status,
      openedAt: p.openedAt,
      closedAt: p.closedAt,
      eligible: JSON.stringify(p.eligibleMemberIds),
      excluded: JSON.stringify(p.excludedMemberIds),
      quorumJson: JSON.stringify(p.quorum),
      overridden: p.quorumOverridden ? 1 : 0,
      yes: p.counts?.yes ?? null,
      no: p.counts?.no ?? null,
      abstain: p.counts?.abstain ?? null,
      rollCallLive: p.rollCallLive ? 1 : 0,
      countedByHand: p.countedByHand ? 1 : 0,
      rules: p.rules,
      statutoryMembers: p.statutoryMembers,
      election: p.election ? JSON.stringify(p.election) : null,
    });
    this.motionRows.insertSubject(p, storedRound);
    if (p.election && p.mode === 'secret') for (const c of p.election.candidateIds) this.q.createSecretVote.run(p.id, c);
  }

  /** Amendments: added, reordered, removed (never once voted on: shared/motions/decideMotions.ts). */
  addMotion(meetingId: string, m: Motion, at: string): void {
    this.motionRows.add(meetingId, m, at);
  }

  setMotionPositions(meetingId: string, motions: readonly Motion[]): void {
    writeTransaction(this.db, () => this.motionRows.setPositions(meetingId, motions));
  }

  removeMotion(meetingId: string, motionId: string): void {
    this.motionRows.remove(meetingId, motionId);
  }

  /** An election's candidates, seats, secret demand and lots; `change` says what happened (for the audit log). */
  saveElection(meetingId: string, e: Election, _change: { at: string; lot: Election['lots'][number] | null }): void {
    this.q.saveElection.run(meetingId, e.itemId, JSON.stringify(e));
  }

  /** Who an open poll waits for, after members checked in or out. */
  setPollEligible(pollId: string, memberIds: string[]): void {
    this.q.setPollEligible.run(JSON.stringify(memberIds), pollId);
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
      invalidatedAt: p.invalidatedAt,
      election: p.election ? JSON.stringify(p.election) : null,
    });
  }

  /**
   * Stores a group of writes in one transaction: one commit (one fsync) for a whole burst. In the
   * server this runs on the writer thread (server/storage/sqliteWriterThread.ts). Returns
   * `walKept` true when a secret commit's log could not be truncated (a reader held on to an old
   * snapshot past the busy timeout, or the checkpoint failed); the commit itself stands. It throws
   * only when nothing of the batch was stored: its writers are told it failed and it is taken back.
   */
  saveBatch(writes: readonly StoreWrite[]): { walKept: boolean } {
    let secret = false;
    writeTransaction(this.db, () =>
      this.inBatch(() => {
        for (const write of writes) {
          if (write.kind === 'ballot' && write.secretChoice) secret = true;
          this.writeEntry(write);
        }
      }),
    );
    if (!secret) return { walKept: false };
    try {
      return { walKept: !this.truncateLog() };
    } catch {
      // COMMIT returned: the ballots are on disk and their voters must hear so. The log is
      // truncated with the next secret commit or at the next start (database.ts).
      return { walKept: true };
    }
  }

  /**
   * The write-ahead log keeps each commit's page images in order: comparing two of them would show
   * which voter was added together with which counter. Checkpointing into the main file and
   * truncating the log after every secret commit leaves only the current state on disk. It waits
   * (busy_timeout) for the other connection's readers and writer; false when it gave up.
   */
  protected truncateLog(): boolean {
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result?.busy === 0;
  }

  /** Runs a batch's writes; inside the batch's write transaction (the audited store reads the log's end here). */
  protected inBatch(run: () => void): void {
    run();
  }

  /** One write of a batch; runs inside the batch's transaction. */
  protected writeEntry(w: StoreWrite): void {
    switch (w.kind) {
      case 'ballot':
        return this.writeBallot(w.pollId, w.ballot, w.secretChoice, w.secretMarks);
      case 'attendance': {
        const a = w.change;
        this.q.insertAttendance.run(w.meetingId, a.memberId, a.present ? 1 : 0, a.at, a.by);
        if (a.poll) this.setPollEligible(a.poll.pollId, a.poll.eligibleMemberIds);
        return;
      }
      case 'currentItem':
        return this.setCurrentItem(w.meetingId, w.itemId);
      case 'pollInserted':
        return this.insertPoll(w.meetingId, w.poll);
      case 'pollUpdated':
        return this.updatePoll(w.poll);
      case 'quorumCheck':
        return this.insertQuorumCheck(w.meetingId, w.check);
      case 'exclusion':
        return this.setExclusion(w.meetingId, w.change, w.at);
      case 'decisionKind':
        return this.setDecisionKind(w.meetingId, w.itemId, w.decisionKind);
      case 'motionAdded':
        return this.addMotion(w.meetingId, w.motion, w.at);
      case 'motionsMoved':
        return this.setMotionPositions(w.meetingId, w.motions);
      case 'motionRemoved':
        return this.removeMotion(w.meetingId, w.motionId);
      case 'recordedVote':
        return this.setRecordedVote(w.meetingId, w, w.at);
      case 'groupWise':
        return this.setGroupWise(w.meetingId, w.pollId, w.groupWise, w.at);
      case 'election':
        return this.saveElection(w.meetingId, w.election, { at: w.at, lot: w.lot });
    }
  }

  private writeBallot(pollId: string, b: BallotRecord, secretChoice: Choice | null, secretMarks: string[] | undefined): void {
    if (secretChoice) {
      this.q.insertSecretVoter.run(pollId, b.memberId, b.ballotId);
      this.q.countSecret[secretChoice].run(pollId);
      for (const candidateId of secretMarks ?? []) this.q.countSecretVote.run(pollId, candidateId);
    } else {
      this.q.upsertBallot.run(pollId, b.memberId, b.choice, b.ballotId, b.castAt, b.marks ? JSON.stringify(b.marks) : null);
    }
  }

  setDecisionKind(meetingId: string, itemId: string, kind: DecisionKind | null): void {
    if (kind) this.q.setDecisionKind.run(meetingId, itemId, kind);
    else this.q.clearDecisionKind.run(meetingId, itemId);
  }

  /** § 68: a member's vote recorded by name in the minutes (by the member or the clerk), or no longer. */
  setRecordedVote(meetingId: string, x: { pollId: string; memberId: string; recorded: boolean; by: 'self' | 'chair' }, at: string): void {
    if (x.recorded) this.q.insertRecordedVote.run(x.pollId, x.memberId, x.by, at);
    else this.q.deleteRecordedVote.run(x.pollId, x.memberId);
  }

  setGroupWise(meetingId: string, pollId: string, groupWise: boolean, at: string): void {
    this.q.setGroupWise.run(groupWise ? 1 : 0, pollId);
  }
}

function toPoll(r: PollRow, meeting: { rules: string; statutoryMembers: number }): Poll {
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
    // Polls stored before the terms were frozen into them take the meeting's.
    rules: r.rules ?? meeting.rules,
    statutoryMembers: r.statutory_members ?? meeting.statutoryMembers,
    counts: r.yes === null ? null : { yes: r.yes, no: r.no ?? 0, abstain: r.abstain ?? 0 },
    rollCallLive: r.roll_call_live === 1,
    countedByHand: r.counted_by_hand === 1,
    invalidatedAt: r.invalidated_at,
    ...(r.election ? { election: JSON.parse(r.election) as Poll['election'] } : {}),
  };
}
