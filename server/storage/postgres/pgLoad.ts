import type pg from 'pg';
import type { Election } from '../../../shared/elections/model.ts';
import type {
  AgendaItem,
  AttendancePeriod,
  Choice,
  Counts,
  MajorityKind,
  MeetingLanguage,
  Member,
  MemberRole,
  MinuteFormat,
  Poll,
  PollStatus,
  QuorumCount,
  VoteMode,
} from '../../../shared/meeting/model.ts';
import type { BallotRecord, MeetingState } from '../../../shared/meeting/state.ts';
import type { DecisionKind } from '../../../shared/minutes/decisionKinds.ts';
import type { Motion } from '../../../shared/motions/model.ts';

/**
 * Rows ⇄ MeetingState for PostgreSQL: the same state SQLite's MeetingStore.load builds from the
 * same data, field for field (optional fields absent rather than null) and in the same order.
 * Text is ordered with COLLATE "C", byte order like SQLite's, whatever the database's locale.
 * Runs on a client inside one read-only snapshot, so a meeting is never read half-committed.
 */
/** Poll by poll as SQLite's index on polls (meeting_id, item_id, round) yields them. */
const BY_POLL = 'p.item_id COLLATE "C", p.round';

export async function loadMeeting(client: pg.PoolClient, meetingId: string): Promise<MeetingState | undefined> {
  const all = async <R extends pg.QueryResultRow>(sql: string) => (await client.query<R>(sql, [meetingId])).rows;
  const [row] = await all<MeetingRow>('SELECT * FROM meetings WHERE id = $1');
  if (!row) return undefined;

  const members = (await all<MemberRow>('SELECT * FROM members WHERE meeting_id = $1 ORDER BY position')).map(
    (r): Member => ({
      id: r.id,
      name: r.name,
      role: r.role as MemberRole,
      votingRight: r.voting_right,
      ...(r.group_name ? { group: r.group_name } : {}),
    }),
  );
  const agenda = (await all<ItemRow>('SELECT * FROM agenda_items WHERE meeting_id = $1 ORDER BY position')).map(
    (r): AgendaItem => ({ id: r.id, number: r.number, name: r.name, public: r.public, paper: r.paper }),
  );
  const terms = { rules: row.rules, statutoryMembers: row.statutory_members };
  const pollRows = await all<PollRow>('SELECT * FROM polls WHERE meeting_id = $1 ORDER BY opened_at COLLATE "C", round');
  const polls = withSubjects(
    pollRows.map((r) => toPoll(r, terms)),
    await all<SubjectRow>(
      'SELECT s.poll_id, s.motion_id, s.round, s.bloc_item_ids FROM poll_subjects s JOIN polls p ON p.id = s.poll_id WHERE p.meeting_id = $1',
    ),
  );

  const ballots = new Map<string, Map<string, BallotRecord>>();
  const perPoll = (pollId: string) => {
    let m = ballots.get(pollId);
    if (!m) ballots.set(pollId, (m = new Map()));
    return m;
  };
  const ballotRows = await all<BallotRow>(
    'SELECT b.* FROM ballots b JOIN polls p ON p.id = b.poll_id WHERE p.meeting_id = $1 ORDER BY b.cast_at COLLATE "C", b.member_id COLLATE "C"',
  );
  for (const b of ballotRows) {
    const marks = b.marks ? { marks: JSON.parse(b.marks) as string[] } : {};
    perPoll(b.poll_id).set(b.member_id, { memberId: b.member_id, choice: b.choice as Choice, ballotId: b.ballot_id, castAt: b.cast_at, ...marks });
  }

  const attendance = new Map<string, AttendancePeriod[]>();
  for (const a of await all<{ member_id: string; present: boolean; at: string }>('SELECT member_id, present, at FROM attendance_events WHERE meeting_id = $1 ORDER BY seq')) {
    let periods = attendance.get(a.member_id);
    if (!periods) attendance.set(a.member_id, (periods = []));
    if (a.present) periods.push({ from: a.at, to: null });
    else if (periods.length) periods[periods.length - 1]!.to = a.at;
  }
  const exclusions = new Map<string, Set<string>>();
  for (const x of await all<{ item_id: string; member_id: string }>('SELECT item_id, member_id FROM exclusions WHERE meeting_id = $1 ORDER BY marked_at COLLATE "C"')) {
    let set = exclusions.get(x.item_id);
    if (!set) exclusions.set(x.item_id, (set = new Set()));
    set.add(x.member_id);
  }
  // Secret polls: who voted, never how (no choice, no time). SQLite reads the secret tables poll
  // by poll along its (meeting, item, round) index, then in key order: the same order here.
  const voters = await all<{ poll_id: string; member_id: string; ballot_id: string }>(
    `SELECT v.poll_id, v.member_id, v.ballot_id FROM secret_voters v JOIN polls p ON p.id = v.poll_id WHERE p.meeting_id = $1
     ORDER BY ${BY_POLL}, v.member_id COLLATE "C"`,
  );
  for (const v of voters) perPoll(v.poll_id).set(v.member_id, { memberId: v.member_id, choice: null, ballotId: v.ballot_id, castAt: null });
  const secretCounts = new Map<string, Counts>();
  for (const r of await all<Counts & { poll_id: string }>(`SELECT t.* FROM secret_tallies t JOIN polls p ON p.id = t.poll_id WHERE p.meeting_id = $1 ORDER BY ${BY_POLL}`)) {
    secretCounts.set(r.poll_id, { yes: r.yes, no: r.no, abstain: r.abstain });
  }
  const decisionKinds = new Map<string, DecisionKind>();
  for (const r of await all<{ item_id: string; kind: DecisionKind }>('SELECT item_id, kind FROM decision_kinds WHERE meeting_id = $1 ORDER BY item_id COLLATE "C"')) {
    decisionKinds.set(r.item_id, r.kind);
  }
  const recordedVotes = new Map<string, Set<string>>();
  for (const r of await all<{ poll_id: string; member_id: string }>(
    'SELECT r.poll_id, r.member_id FROM recorded_votes r JOIN polls p ON p.id = r.poll_id WHERE p.meeting_id = $1 ORDER BY r.at COLLATE "C"',
  )) {
    let set = recordedVotes.get(r.poll_id);
    if (!set) recordedVotes.set(r.poll_id, (set = new Set()));
    set.add(r.member_id);
  }
  const elections = new Map<string, Election>();
  // SQLite reads them in insertion order (rowid), which PostgreSQL does not keep: agenda order instead.
  for (const r of await all<{ data: string }>(
    `SELECT e.data FROM elections e LEFT JOIN agenda_items a ON a.meeting_id = e.meeting_id AND a.id = e.item_id
     WHERE e.meeting_id = $1 ORDER BY a.position, e.item_id COLLATE "C"`,
  )) {
    const e = JSON.parse(r.data) as Election;
    elections.set(e.itemId, e);
  }
  const secretVotes = new Map<string, Record<string, number>>();
  for (const r of await all<{ poll_id: string; candidate_id: string; votes: number }>(
    `SELECT v.poll_id, v.candidate_id, v.votes FROM secret_votes v JOIN polls p ON p.id = v.poll_id WHERE p.meeting_id = $1
     ORDER BY ${BY_POLL}, v.candidate_id COLLATE "C"`,
  )) {
    let votes = secretVotes.get(r.poll_id);
    if (!votes) secretVotes.set(r.poll_id, (votes = {}));
    votes[r.candidate_id] = r.votes;
  }
  const motions = (await all<MotionRow>('SELECT id, item_id, position, mover, text FROM motions WHERE meeting_id = $1 ORDER BY created_at COLLATE "C", id COLLATE "C"')).map(
    (r): Motion => ({ id: r.id, itemId: r.item_id, mover: r.mover, text: r.text, position: r.position }),
  );
  const quorumChecks = (await all<{ at: string; item_id: string | null; quorum: string }>('SELECT at, item_id, quorum FROM quorum_checks WHERE meeting_id = $1 ORDER BY seq')).map(
    (r) => ({ at: r.at, itemId: r.item_id, quorum: JSON.parse(r.quorum) as QuorumCount }),
  );

  return {
    meeting: {
      id: row.id,
      body: row.body,
      organization: row.organization,
      name: row.name,
      start: row.start,
      location: row.location,
      rules: row.rules,
      minuteFormat: row.minute_format as MinuteFormat,
      language: row.language as MeetingLanguage,
      members,
      agenda,
      currentItemId: row.current_item_id,
    },
    statutoryMembers: row.statutory_members,
    polls,
    ballots,
    attendance,
    exclusions,
    quorumChecks,
    secretCounts,
    decisionKinds,
    motions,
    recordedVotes,
    groupWisePolls: new Set(pollRows.filter((r) => r.group_wise).map((r) => r.id)),
    elections,
    secretVotes,
  };
}

interface MeetingRow {
  id: string;
  body: string;
  organization: string;
  name: string;
  start: string;
  location: string;
  rules: string;
  statutory_members: number;
  current_item_id: string | null;
  minute_format: string;
  language: string;
}
interface MemberRow {
  id: string;
  name: string;
  role: string;
  voting_right: boolean;
  group_name: string | null;
}
interface ItemRow {
  id: string;
  number: string;
  name: string;
  public: boolean;
  paper: string | null;
}
interface BallotRow {
  poll_id: string;
  member_id: string;
  choice: string;
  ballot_id: string;
  cast_at: string;
  marks: string | null;
}
interface MotionRow {
  id: string;
  item_id: string;
  position: number;
  mover: string;
  text: string;
}
interface SubjectRow {
  poll_id: string;
  motion_id: string | null;
  round: number;
  bloc_item_ids: string | null;
}
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
  quorum_overridden: boolean;
  roll_call_live: boolean;
  counted_by_hand: boolean;
  invalidated_at: string | null;
  rules: string | null;
  statutory_members: number | null;
  group_wise: boolean;
  election: string | null;
}

/** As server/storage/meetingStore.ts's toPoll, for rows with real booleans. */
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
    quorum: r.quorum ? (JSON.parse(r.quorum) as QuorumCount) : { present: 0, total: 0, required: 0, quorate: true },
    quorumOverridden: r.quorum_overridden,
    rules: r.rules ?? meeting.rules,
    statutoryMembers: r.statutory_members ?? meeting.statutoryMembers,
    counts: r.yes === null ? null : { yes: r.yes, no: r.no ?? 0, abstain: r.abstain ?? 0 },
    rollCallLive: r.roll_call_live,
    countedByHand: r.counted_by_hand,
    invalidatedAt: r.invalidated_at,
    ...(r.election ? { election: JSON.parse(r.election) as Poll['election'] } : {}),
  };
}

/** A poll's subject and its round within it, as server/storage/motionRows.ts's withSubjects. */
function withSubjects(polls: Poll[], rows: SubjectRow[]): Poll[] {
  const byPoll = new Map(rows.map((r) => [r.poll_id, r]));
  return polls.map((p) => {
    const r = byPoll.get(p.id);
    if (!r) return p;
    return {
      ...p,
      round: r.round,
      ...(r.motion_id ? { motionId: r.motion_id } : {}),
      ...(r.bloc_item_ids ? { blocItemIds: JSON.parse(r.bloc_item_ids) as string[] } : {}),
    };
  });
}
