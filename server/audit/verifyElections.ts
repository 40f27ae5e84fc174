import { tallyMarks } from '../../shared/elections/ballot.ts';
import type { PollElection } from '../../shared/elections/model.ts';
import type { StoredRecord } from './verify.ts';

const same = (a: Record<string, number> | undefined, b: Record<string, number> | undefined) =>
  !!a && !!b && Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
const show = (v: Record<string, number> | undefined) => (v ? Object.values(v).join('/') : 'none');

/**
 * A counted Wahlgang's votes per candidate must be what its ballots' marks count (open) or its
 * counters hold (secret), and what the audit log recorded at closing.
 */
export function checkElections(record: StoredRecord, ballotsByPoll: ReadonlyMap<string, StoredRecord['ballots']>, problems: string[]): void {
  const counters = new Map<string, Record<string, number>>();
  for (const r of record.secretVotes) {
    const perCandidate = counters.get(r.pollId) ?? {};
    perCandidate[r.candidateId] = r.votes;
    counters.set(r.pollId, perCandidate);
  }
  for (const poll of record.polls) {
    if (poll.election === null || poll.status === 'open' || poll.status === 'invalid') continue;
    const e = JSON.parse(poll.election) as PollElection;
    const stored = e.votes ?? undefined;
    const recount =
      poll.mode === 'secret'
        ? (counters.get(poll.id) ?? {})
        : tallyMarks(e.candidateIds, (ballotsByPoll.get(poll.id) ?? []).map((b) => (b.marks ? (JSON.parse(b.marks) as string[]) : [])));
    // A Wahlgang counted in the room has no ballots: its votes must match the log alone.
    if (!poll.countedByHand && !same(stored, recount)) problems.push(`poll ${poll.id}: stored votes ${show(stored)} but the ballots count ${show(recount)}`);
    const closing = record.entries.filter((x) => x.pollId === poll.id && (x.kind === 'poll.closed' || x.kind === 'poll.corrected')).at(-1);
    const logged = closing ? (JSON.parse(closing.payload) as { votes?: Record<string, number> }).votes : undefined;
    if (!same(stored, logged)) problems.push(`poll ${poll.id}: stored votes ${show(stored)} but the audit log recorded ${show(logged)}`);
  }
}
