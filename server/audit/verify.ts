import type { Choice, Counts } from '../../shared/meeting/model.ts';
import { tally } from '../../shared/rules/tally.ts';
import type { Db } from '../storage/database.ts';
import { entryHash, GENESIS, type AuditEntry } from './auditLog.ts';
import type { RosterEntry } from './roster.ts';
import { readSqliteRecord } from './sqliteRecord.ts';
import { checkElections } from './verifyElections.ts';

export interface VerifyReport {
  entries: number;
  polls: number;
  ballots: number;
  problems: string[];
}

/**
 * What verification reads, the same from either store (server/audit/sqliteRecord.ts,
 * server/storage/postgres/pgRecord.ts): the log and the tables it must agree with, read in one
 * snapshot so a write committing meanwhile cannot show up as a mismatch.
 */
export interface StoredRecord {
  /** The whole audit log, by sequence number. */
  entries: AuditEntry[];
  /** Every poll, in the order opened; ballots and counters by poll and member or candidate (both stores read alike). */
  polls: StoredPoll[];
  ballots: { pollId: string; memberId: string; choice: Choice; marks: string | null }[];
  /** Every meeting's members, by meeting and position. */
  members: { meetingId: string; id: string; name: string; role: string; votingRight: boolean }[];
  /** A secret Wahlgang's counters per candidate. */
  secretVotes: { pollId: string; candidateId: string; votes: number }[];
}

export interface StoredPoll {
  id: string;
  mode: string;
  status: string;
  yes: number | null;
  no: number | null;
  abstain: number | null;
  /** A Wahlgang's election part as stored (JSON text). */
  election: string | null;
  countedByHand: boolean;
}

const sameCounts = (a: Counts | null | undefined, b: Counts | null | undefined) =>
  !!a && !!b && a.yes === b.yes && a.no === b.no && a.abstain === b.abstain;
const show = (c: Counts | null | undefined) => (c ? `${c.yes}/${c.no}/${c.abstain}` : 'none');

/** Verifies a SQLite file's record (PostgreSQL: verifyPostgres in server/storage/postgres/pgRecord.ts). */
export const verifyDatabase = (db: Db): VerifyReport => verifyRecord(readSqliteRecord(db));

/**
 * Recomputes the hash chain and every counted poll's tally from the stored ballots, and
 * checks both against what the log recorded. Reads only.
 */
export function verifyRecord(record: StoredRecord): VerifyReport {
  const problems: string[] = [];
  const { entries, polls } = record;
  checkChain(entries, problems);

  const byPoll = new Map<string, StoredRecord['ballots']>();
  for (const b of record.ballots) {
    const list = byPoll.get(b.pollId);
    if (list) list.push(b);
    else byPoll.set(b.pollId, [b]);
  }
  const logOf = (pollId: string) => entries.filter((e) => e.pollId === pollId);

  for (const poll of polls) {
    const log = logOf(poll.id);
    const name = `poll ${poll.id}`;
    if (!log.some((e) => e.kind === 'poll.opened')) problems.push(`${name}: no "poll.opened" entry in the audit log`);
    const ballots = byPoll.get(poll.id) ?? [];
    const stored: Counts | null = poll.yes === null ? null : { yes: poll.yes, no: poll.no ?? 0, abstain: poll.abstain ?? 0 };

    if (poll.mode !== 'secret') {
      // The newest accepted ballot per member in the log must be the stored one.
      const last = new Map<string, Choice>();
      for (const e of log) {
        if (e.kind !== 'ballot.accepted') continue;
        const p = parse(e.payload) as { memberId?: string; choice?: Choice };
        if (p.memberId && p.choice) last.set(p.memberId, p.choice);
      }
      for (const b of ballots) {
        if (last.get(b.memberId) !== b.choice) problems.push(`${name}: ballot of ${b.memberId} is "${b.choice}" in the ballots table but "${last.get(b.memberId) ?? 'missing'}" in the audit log`);
      }
      if (last.size !== ballots.length) problems.push(`${name}: ${last.size} voters in the audit log, ${ballots.length} ballots stored`);
    }

    if (poll.status === 'open' || poll.status === 'invalid') continue;
    const recount = tally(ballots.map((b) => b.choice));
    const closing = log.filter((e) => e.kind === 'poll.closed' || e.kind === 'poll.corrected').at(-1);
    const logged = closing ? (parse(closing.payload) as { counts?: Counts }).counts : undefined;
    // A hand count has no ballots; its counts must match the log alone.
    const handCounted = ballots.length === 0 && !!stored && stored.yes + stored.no + stored.abstain > 0;
    if (!handCounted && !sameCounts(recount, stored)) problems.push(`${name}: stored tally ${show(stored)} but the ballots count ${show(recount)}`);
    if (!sameCounts(logged, stored)) problems.push(`${name}: stored tally ${show(stored)} but the audit log recorded ${show(logged)}`);
    if (poll.status === 'published') {
      const published = log.filter((e) => e.kind === 'poll.published').at(-1);
      if (!published) problems.push(`${name}: published but no "poll.published" entry`);
      else if (!sameCounts((parse(published.payload) as { counts?: Counts }).counts, stored)) problems.push(`${name}: published tally differs from the stored one`);
    }
  }
  checkRosters(record, problems);
  checkElections(record, byPoll, problems);
  return { entries: entries.length, polls: polls.length, ballots: record.ballots.length, problems };
}

/**
 * The stored members of each meeting must be those of the newest setup the log recorded:
 * a voting right, role or name changed in the database directly shows up here. (Meetings
 * created before setups were logged have no such entry and are skipped.)
 */
function checkRosters({ entries, members }: StoredRecord, problems: string[]): void {
  const newestSetup = new Map<string, RosterEntry>();
  for (const e of entries) {
    if (e.kind === 'meeting.created' || e.kind === 'meeting.setupChanged') newestSetup.set(e.meetingId, parse(e.payload) as RosterEntry);
  }
  for (const [meetingId, logged] of newestSetup) {
    const stored = members.filter((r) => r.meetingId === meetingId);
    const byId = new Map((logged.members ?? []).map((m) => [m.id, m]));
    for (const r of stored) {
      const m = byId.get(r.id);
      if (!m) problems.push(`meeting ${meetingId}: member ${r.id} is stored but not in the setup the audit log recorded`);
      else if (m.votingRight !== r.votingRight || m.role !== r.role || m.name !== r.name) {
        problems.push(`meeting ${meetingId}: member ${r.id} differs from the recorded setup (voting right, role or name)`);
      }
      byId.delete(r.id);
    }
    for (const id of byId.keys()) problems.push(`meeting ${meetingId}: member ${id} is in the recorded setup but not stored`);
  }
}

function checkChain(entries: AuditEntry[], problems: string[]): void {
  let prev = GENESIS;
  entries.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`audit entry ${e.seq}: expected sequence number ${i + 1} (an entry is missing)`);
    if (e.prevHash !== prev) problems.push(`audit entry ${e.seq}: does not continue the chain (previous hash differs)`);
    if (entryHash(e) !== e.hash) problems.push(`audit entry ${e.seq}: hash does not match its content (${e.kind})`);
    prev = e.hash;
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
