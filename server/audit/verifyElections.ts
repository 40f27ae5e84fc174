import { tallyMarks } from '../../shared/elections/ballot.ts';
import type { PollElection } from '../../shared/elections/model.ts';
import type { Db } from '../storage/database.ts';
import type { AuditEntry } from './auditLog.ts';

const same = (a: Record<string, number> | undefined, b: Record<string, number> | undefined) =>
  !!a && !!b && Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
const show = (v: Record<string, number> | undefined) => (v ? Object.values(v).join('/') : 'none');

/**
 * A counted Wahlgang's votes per candidate must be what its ballots' marks count (open) or its
 * counters hold (secret), and what the audit log recorded at closing.
 */
export function checkElections(db: Db, entries: AuditEntry[], problems: string[]): void {
  const polls = db.prepare(`SELECT id, mode, status, election, counted_by_hand FROM polls WHERE election IS NOT NULL`).all() as {
    id: string;
    mode: string;
    status: string;
    election: string;
    counted_by_hand: number;
  }[];
  const marksOf = db.prepare(`SELECT marks FROM ballots WHERE poll_id = ?`);
  const countersOf = db.prepare(`SELECT candidate_id, votes FROM secret_votes WHERE poll_id = ?`);
  for (const poll of polls) {
    if (poll.status === 'open' || poll.status === 'invalid') continue;
    const e = JSON.parse(poll.election) as PollElection;
    const stored = e.votes ?? undefined;
    const recount =
      poll.mode === 'secret'
        ? Object.fromEntries((countersOf.all(poll.id) as { candidate_id: string; votes: number }[]).map((r) => [r.candidate_id, r.votes]))
        : tallyMarks(e.candidateIds, (marksOf.all(poll.id) as { marks: string | null }[]).map((r) => (r.marks ? (JSON.parse(r.marks) as string[]) : [])));
    // A Wahlgang counted in the room has no ballots: its votes must match the log alone.
    if (poll.counted_by_hand !== 1 && !same(stored, recount)) problems.push(`poll ${poll.id}: stored votes ${show(stored)} but the ballots count ${show(recount)}`);
    const closing = entries.filter((x) => x.pollId === poll.id && (x.kind === 'poll.closed' || x.kind === 'poll.corrected')).at(-1);
    const logged = closing ? (JSON.parse(closing.payload) as { votes?: Record<string, number> }).votes : undefined;
    if (!same(stored, logged)) problems.push(`poll ${poll.id}: stored votes ${show(stored)} but the audit log recorded ${show(logged)}`);
  }
}
