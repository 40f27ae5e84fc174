import pg from 'pg';
import type { StoredRecord, VerifyReport } from '../../audit/verify.ts';
import { verifyRecord } from '../../audit/verify.ts';
import { auditEntries } from './pgAudit.ts';

/**
 * Reads what `verify` checks from PostgreSQL in one read-only REPEATABLE READ transaction: one
 * snapshot, so a running cluster's commits cannot land between reading the log and the tables.
 * Needs only SELECT on the tables.
 */
export async function readPostgresRecord(client: pg.ClientBase): Promise<StoredRecord> {
  const all = async <T>(sql: string) => (await client.query(sql)).rows as T[];
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    return {
      entries: await auditEntries(client),
      // COLLATE "C": byte order, as SQLite sorts (whatever the database's locale).
      polls: await all(
        `SELECT id, mode, status, yes, no, abstain, election, counted_by_hand AS "countedByHand" FROM polls ORDER BY polls.opened_at COLLATE "C", polls.id COLLATE "C"`,
      ),
      ballots: await all(`SELECT poll_id AS "pollId", member_id AS "memberId", choice, marks FROM ballots ORDER BY ballots.poll_id COLLATE "C", ballots.member_id COLLATE "C"`),
      members: await all(
        `SELECT meeting_id AS "meetingId", id, name, role, voting_right AS "votingRight" FROM members ORDER BY members.meeting_id COLLATE "C", members.position`,
      ),
      secretVotes: await all(
        `SELECT poll_id AS "pollId", candidate_id AS "candidateId", votes FROM secret_votes ORDER BY secret_votes.poll_id COLLATE "C", secret_votes.candidate_id COLLATE "C"`,
      ),
    };
  } finally {
    await client.query('ROLLBACK');
  }
}

/** `npm run verify` on PostgreSQL: the same checks as on a SQLite file. */
export async function verifyPostgres(url: string): Promise<VerifyReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return verifyRecord(await readPostgresRecord(client));
  } finally {
    await client.end();
  }
}
