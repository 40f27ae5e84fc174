import type { Choice, Counts } from '../../shared/meeting/model.ts';
import { tally } from '../../shared/rules/tally.ts';
import type { Db } from '../storage/database.ts';
import { entryHash, GENESIS, toEntry, type AuditEntry } from './auditLog.ts';
import type { RosterEntry } from './roster.ts';
import { checkElections } from './verifyElections.ts';

export interface VerifyReport {
  entries: number;
  polls: number;
  ballots: number;
  problems: string[];
}

interface PollRow {
  id: string;
  meeting_id: string;
  mode: string;
  status: string;
  yes: number | null;
  no: number | null;
  abstain: number | null;
}

const sameCounts = (a: Counts | null | undefined, b: Counts | null | undefined) =>
  !!a && !!b && a.yes === b.yes && a.no === b.no && a.abstain === b.abstain;
const show = (c: Counts | null | undefined) => (c ? `${c.yes}/${c.no}/${c.abstain}` : 'none');

/**
 * Recomputes the hash chain and every counted poll's tally from the stored ballots, and
 * checks both against what the log recorded. Reads only.
 */
export function verifyDatabase(db: Db): VerifyReport {
  const problems: string[] = [];
  const entries = (db.prepare(`SELECT * FROM audit_log ORDER BY seq`).all() as Record<string, string | number | null>[]).map(toEntry);
  checkChain(entries, problems);

  const polls = db.prepare(`SELECT id, meeting_id, mode, status, yes, no, abstain FROM polls ORDER BY opened_at`).all() as PollRow[];
  const ballotRows = db.prepare(`SELECT poll_id, member_id, choice FROM ballots`).all() as { poll_id: string; member_id: string; choice: Choice }[];
  const byPoll = new Map<string, { member_id: string; choice: Choice }[]>();
  for (const b of ballotRows) byPoll.set(b.poll_id, [...(byPoll.get(b.poll_id) ?? []), b]);
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
        if (last.get(b.member_id) !== b.choice) problems.push(`${name}: ballot of ${b.member_id} is "${b.choice}" in the ballots table but "${last.get(b.member_id) ?? 'missing'}" in the audit log`);
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
  checkRosters(db, entries, problems);
  checkElections(db, entries, problems);
  return { entries: entries.length, polls: polls.length, ballots: ballotRows.length, problems };
}

/**
 * The stored members of each meeting must be those of the newest setup the log recorded:
 * a voting right, role or name changed in the database directly shows up here. (Meetings
 * created before setups were logged have no such entry and are skipped.)
 */
function checkRosters(db: Db, entries: AuditEntry[], problems: string[]): void {
  const newestSetup = new Map<string, RosterEntry>();
  for (const e of entries) {
    if (e.kind === 'meeting.created' || e.kind === 'meeting.setupChanged') newestSetup.set(e.meetingId, parse(e.payload) as RosterEntry);
  }
  const rows = db.prepare(`SELECT meeting_id, id, name, role, voting_right FROM members ORDER BY meeting_id, position`).all() as {
    meeting_id: string;
    id: string;
    name: string;
    role: string;
    voting_right: number;
  }[];
  for (const [meetingId, logged] of newestSetup) {
    const stored = rows.filter((r) => r.meeting_id === meetingId);
    const byId = new Map((logged.members ?? []).map((m) => [m.id, m]));
    for (const r of stored) {
      const m = byId.get(r.id);
      if (!m) problems.push(`meeting ${meetingId}: member ${r.id} is stored but not in the setup the audit log recorded`);
      else if (m.votingRight !== (r.voting_right === 1) || m.role !== r.role || m.name !== r.name) {
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
