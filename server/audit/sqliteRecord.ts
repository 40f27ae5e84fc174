import type { Db } from '../storage/database.ts';
import { toEntry } from './auditLog.ts';
import type { StoredRecord } from './verify.ts';

/** Reads what `verify` checks from a SQLite file, in one read transaction (one snapshot under WAL). */
export function readSqliteRecord(db: Db): StoredRecord {
  const all = <T>(sql: string) => db.prepare(sql).all() as T[];
  // SQLite's flags are 0/1 integers.
  const flag = (v: unknown) => v === 1;
  return db.transaction(
    (): StoredRecord => ({
      entries: all<Record<string, string | number | null>>(`SELECT * FROM audit_log ORDER BY seq`).map(toEntry),
      polls: all<StoredRecord['polls'][number]>(
        `SELECT id, mode, status, yes, no, abstain, election, counted_by_hand AS "countedByHand" FROM polls ORDER BY opened_at, id`,
      ).map((p) => ({ ...p, countedByHand: flag(p.countedByHand) })),
      ballots: all(`SELECT poll_id AS "pollId", member_id AS "memberId", choice, marks FROM ballots ORDER BY poll_id, member_id`),
      members: all<StoredRecord['members'][number]>(
        `SELECT meeting_id AS "meetingId", id, name, role, voting_right AS "votingRight" FROM members ORDER BY meeting_id, position`,
      ).map((m) => ({ ...m, votingRight: flag(m.votingRight) })),
      secretVotes: all(`SELECT poll_id AS "pollId", candidate_id AS "candidateId", votes FROM secret_votes ORDER BY poll_id, candidate_id`),
    }),
  )();
}
