import type pg from 'pg';
import type { BallotWrite } from '../storeWrites.ts';

/**
 * Secret ballots of one batch, per poll: who voted (secret_voters), and the choices only as
 * counters (secret_tallies; secret_votes per candidate of a Wahlgang). As in SQLite, no row
 * links a member to a choice. PostgreSQL adds hidden system columns, so two more rules:
 *
 * - Every candidate counter of the poll is rewritten by each commit that carries a secret
 *   ballot of it, marked or not. A row's xmin (readable by anyone who may SELECT the table)
 *   names the transaction that wrote it; were only the marked candidates touched, a
 *   candidate's xmin would equal the xmin of the voters committed with the mark that came
 *   last. Now all counters of a poll share one xmin: that some ballot was committed, not
 *   which mark it carried. (secret_tallies is one row per poll: the same holds by itself.)
 * - A batch's voters are inserted in key order, not in the order they voted; their
 *   position in the table then shows only which commit they came in (as their xmin does).
 *   That order is in the audit log anyway: its secret entries follow the commits, and each
 *   carries a receipt computable from the ballot id in secret_voters. It links no choice.
 *
 * What remains: old row versions (until VACUUM, and their bytes afterwards) and the WAL keep
 * every commit's counter values with its xmin. A superuser (pageinspect, pg_waldump), whoever
 * has the data directory, a base backup, the WAL archive or a replication stream can link a
 * commit holding one secret ballot to its choice; a group commit blurs it to the batch. That is
 * an operator matter: run the server as an ordinary role and guard those copies like the
 * ballot box. (SQLite truncates its log after each secret commit and zeroes freed pages;
 * PostgreSQL has no such switch for its WAL, archive or standbys.)
 */
export async function writeSecretBallots(client: pg.PoolClient, ballots: readonly BallotWrite[]): Promise<void> {
  const byPoll = new Map<string, BallotWrite[]>();
  for (const b of ballots) byPoll.set(b.pollId, [...(byPoll.get(b.pollId) ?? []), b]);
  for (const [pollId, writes] of byPoll) {
    // A member voting twice (in this batch or before) breaks the primary key: the batch fails.
    await client.query(
      `INSERT INTO secret_voters (poll_id, member_id, ballot_id)
       SELECT $1, m, b FROM unnest($2::text[], $3::text[]) AS v(m, b) ORDER BY m COLLATE "C"`,
      [pollId, writes.map((w) => w.ballot.memberId), writes.map((w) => w.ballot.ballotId)],
    );
    const count = (choice: string) => writes.filter((w) => w.secretChoice === choice).length;
    await client.query(
      `INSERT INTO secret_tallies (poll_id, yes, no, abstain) VALUES ($1, $2, $3, $4)
       ON CONFLICT (poll_id) DO UPDATE SET yes = secret_tallies.yes + excluded.yes, no = secret_tallies.no + excluded.no,
         abstain = secret_tallies.abstain + excluded.abstain`,
      [pollId, count('yes'), count('no'), count('abstain')],
    );
    if (!writes.some((w) => w.secretMarks)) continue;
    await client.query(
      `UPDATE secret_votes SET votes = votes + (SELECT count(*) FROM unnest($2::text[]) AS m(id) WHERE m.id = secret_votes.candidate_id)
       WHERE poll_id = $1`,
      [pollId, writes.flatMap((w) => w.secretMarks ?? [])],
    );
  }
}
