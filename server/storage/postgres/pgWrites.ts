import type pg from 'pg';
import { auditEntriesFor, type EntryContext, type PendingEntry } from '../../audit/auditEntries.ts';
import type { Poll } from '../../../shared/meeting/model.ts';
import type { AttendanceWrite, BallotWrite, StoreWrite } from '../storeWrites.ts';
import { writeSecretBallots } from './pgSecretBallots.ts';

/**
 * A batch of StoreWrites as SQL, in order, on a client inside the batch's transaction; returns
 * the audit entries to append (server/audit/auditEntries.ts, as the SQLite store logs them).
 * A run of consecutive ballots or check-ins (a burst: hundreds per batch) is written with a few
 * array statements instead of one round trip per write; its end state is the same as writing
 * them one by one, and nothing else of the batch is reordered around it.
 */
export async function writeBatch(client: pg.PoolClient, writes: readonly StoreWrite[], ctx: Omit<EntryContext, 'pollBefore'>): Promise<PendingEntry[]> {
  const pending: PendingEntry[] = [];
  for (let i = 0; i < writes.length; ) {
    const kind = writes[i]!.kind;
    let end = i + 1;
    if (kind === 'ballot' || kind === 'attendance') while (end < writes.length && writes[end]!.kind === kind) end++;
    const run = writes.slice(i, end);
    if (kind === 'ballot') await writeBallots(client, run as BallotWrite[]);
    else if (kind === 'attendance') await writeAttendance(client, run as AttendanceWrite[]);
    for (const w of run) {
      const pollBefore = kind === 'ballot' || kind === 'attendance' ? undefined : await writeOne(client, w);
      pending.push(...auditEntriesFor(w, { ...ctx, pollBefore }));
    }
    i = end;
  }
  return pending;
}

async function writeBallots(client: pg.PoolClient, run: readonly BallotWrite[]): Promise<void> {
  const secret = run.filter((w) => w.secretChoice);
  if (secret.length) await writeSecretBallots(client, secret);
  // A changed vote replaces the member's row: only the newest of the run need be written.
  const open = new Map<string, BallotWrite>();
  for (const w of run) if (!w.secretChoice) open.set(`${w.pollId}\u0000${w.ballot.memberId}`, w);
  if (!open.size) return;
  const rows = [...open.values()];
  await client.query(
    `INSERT INTO ballots (poll_id, member_id, choice, ballot_id, cast_at, marks)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     ON CONFLICT (poll_id, member_id) DO UPDATE
       SET choice = excluded.choice, ballot_id = excluded.ballot_id, cast_at = excluded.cast_at, marks = excluded.marks`,
    [
      rows.map((w) => w.pollId),
      rows.map((w) => w.ballot.memberId),
      rows.map((w) => w.ballot.choice),
      rows.map((w) => w.ballot.ballotId),
      rows.map((w) => w.ballot.castAt),
      rows.map((w) => (w.ballot.marks ? JSON.stringify(w.ballot.marks) : null)),
    ],
  );
}

async function writeAttendance(client: pg.PoolClient, run: readonly AttendanceWrite[]): Promise<void> {
  // unnest keeps the order, so the identity column numbers the events as they happened.
  await client.query(
    `INSERT INTO attendance_events (meeting_id, member_id, present, at, by_role)
     SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[], $4::text[], $5::text[])`,
    [run.map((w) => w.meetingId), run.map((w) => w.change.memberId), run.map((w) => w.change.present), run.map((w) => w.change.at), run.map((w) => w.change.by)],
  );
  // Who a running vote waits for: each change carries the whole list, the newest one stands.
  const eligible = new Map<string, string[]>();
  for (const w of run) if (w.change.poll) eligible.set(w.change.poll.pollId, w.change.poll.eligibleMemberIds);
  for (const [pollId, memberIds] of eligible) {
    await client.query('UPDATE polls SET eligible_member_ids = $1 WHERE id = $2', [JSON.stringify(memberIds), pollId]);
  }
}

/** Any other write. For a poll update, returns the poll as it was before (the audit entry's kind depends on it). */
async function writeOne(client: pg.PoolClient, w: StoreWrite): Promise<EntryContext['pollBefore']> {
  const q = (sql: string, params: unknown[]) => client.query(sql, params);
  switch (w.kind) {
    case 'currentItem':
      await q('UPDATE meetings SET current_item_id = $1 WHERE id = $2', [w.itemId, w.meetingId]);
      return;
    case 'pollInserted':
      await insertPoll(client, w.meetingId, w.poll);
      return;
    case 'pollUpdated': {
      const p = w.poll;
      const { rows } = await client.query<{ meeting_id: string; status: string }>('SELECT meeting_id, status FROM polls WHERE id = $1 FOR UPDATE', [p.id]);
      await q(
        `UPDATE polls SET status = $2, closed_at = $3, published_at = $4, yes = $5, no = $6, abstain = $7, invalidated_at = $8, election = $9 WHERE id = $1`,
        [p.id, p.status, p.closedAt, p.publishedAt, p.counts?.yes ?? null, p.counts?.no ?? null, p.counts?.abstain ?? null, p.invalidatedAt, p.election ? JSON.stringify(p.election) : null],
      );
      const before = rows[0];
      return before && { meetingId: before.meeting_id, status: before.status };
    }
    case 'quorumCheck':
      await q('INSERT INTO quorum_checks (meeting_id, at, item_id, quorum) VALUES ($1, $2, $3, $4)', [w.meetingId, w.check.at, w.check.itemId, JSON.stringify(w.check.quorum)]);
      return;
    case 'exclusion': {
      const x = w.change;
      if (x.excluded) await q('INSERT INTO exclusions (meeting_id, item_id, member_id, marked_at) VALUES ($1, $2, $3, $4)', [w.meetingId, x.itemId, x.memberId, w.at]);
      else await q('DELETE FROM exclusions WHERE meeting_id = $1 AND item_id = $2 AND member_id = $3', [w.meetingId, x.itemId, x.memberId]);
      return;
    }
    case 'decisionKind':
      if (w.decisionKind) {
        await q(
          `INSERT INTO decision_kinds (meeting_id, item_id, kind) VALUES ($1, $2, $3) ON CONFLICT (meeting_id, item_id) DO UPDATE SET kind = excluded.kind`,
          [w.meetingId, w.itemId, w.decisionKind],
        );
      } else await q('DELETE FROM decision_kinds WHERE meeting_id = $1 AND item_id = $2', [w.meetingId, w.itemId]);
      return;
    case 'motionAdded': {
      const m = w.motion;
      await q('INSERT INTO motions (meeting_id, id, item_id, position, mover, text, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [w.meetingId, m.id, m.itemId, m.position, m.mover, m.text, w.at]);
      return;
    }
    case 'motionsMoved':
      await q(
        `UPDATE motions SET position = u.position FROM unnest($2::text[], $3::int[]) AS u(id, position) WHERE motions.meeting_id = $1 AND motions.id = u.id`,
        [w.meetingId, w.motions.map((m) => m.id), w.motions.map((m) => m.position)],
      );
      return;
    case 'motionRemoved':
      await q('DELETE FROM motions WHERE meeting_id = $1 AND id = $2', [w.meetingId, w.motionId]);
      return;
    case 'recordedVote':
      if (w.recorded) await q('INSERT INTO recorded_votes (poll_id, member_id, by_role, at) VALUES ($1, $2, $3, $4)', [w.pollId, w.memberId, w.by, w.at]);
      else await q('DELETE FROM recorded_votes WHERE poll_id = $1 AND member_id = $2', [w.pollId, w.memberId]);
      return;
    case 'groupWise':
      await q('UPDATE polls SET group_wise = $1 WHERE id = $2', [w.groupWise, w.pollId]);
      return;
    case 'election':
      await q(
        `INSERT INTO elections (meeting_id, item_id, data) VALUES ($1, $2, $3) ON CONFLICT (meeting_id, item_id) DO UPDATE SET data = excluded.data`,
        [w.meetingId, w.election.itemId, JSON.stringify(w.election)],
      );
      return;
    case 'ballot':
    case 'attendance':
      throw new Error(`${w.kind} is written in runs`);
  }
}

/**
 * The polls row takes the item's next free round (UNIQUE per item); a subject row keeps what the
 * poll decides and its round within that, as server/storage/motionRows.ts does for SQLite.
 */
async function insertPoll(client: pg.PoolClient, meetingId: string, p: Poll): Promise<void> {
  const { rows } = await client.query<{ round: number }>(
    `INSERT INTO polls (id, meeting_id, item_id, round, mode, majority, status, opened_at, closed_at, eligible_member_ids,
       excluded_member_ids, quorum, quorum_overridden, yes, no, abstain, roll_call_live, counted_by_hand, rules, statutory_members, election)
     VALUES ($1, $2, $3, (SELECT COALESCE(MAX(round), 0) + 1 FROM polls WHERE meeting_id = $2 AND item_id = $3), $4, $5, $6, $7, $8, $9,
       $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
     RETURNING round`,
    [
      p.id, meetingId, p.itemId, p.mode, p.majority, p.status, p.openedAt, p.closedAt, JSON.stringify(p.eligibleMemberIds),
      JSON.stringify(p.excludedMemberIds), JSON.stringify(p.quorum), p.quorumOverridden, p.counts?.yes ?? null, p.counts?.no ?? null,
      p.counts?.abstain ?? null, p.rollCallLive, p.countedByHand, p.rules, p.statutoryMembers, p.election ? JSON.stringify(p.election) : null,
    ],
  );
  const storedRound = rows[0]!.round;
  if (p.motionId || p.blocItemIds || storedRound !== p.round) {
    await client.query('INSERT INTO poll_subjects (poll_id, motion_id, round, bloc_item_ids) VALUES ($1, $2, $3, $4)', [
      p.id,
      p.motionId ?? null,
      p.round,
      p.blocItemIds ? JSON.stringify(p.blocItemIds) : null,
    ]);
  }
  // A secret Wahlgang's counters exist from the start, so no row appears with the first mark.
  if (p.election && p.mode === 'secret') {
    await client.query(`INSERT INTO secret_votes (poll_id, candidate_id, votes) SELECT $1, c, 0 FROM unnest($2::text[]) AS c`, [p.id, p.election.candidateIds]);
  }
}
