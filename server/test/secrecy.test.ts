import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Choice } from '../../shared/meeting/model.ts';
import { connectClient, startServer, tokenOf, type TestClient, type TestServer } from './harness.ts';

let servers: TestServer[] = [];
let clients: TestClient[] = [];

beforeEach(() => {
  servers = [];
});
afterEach(async () => {
  for (const c of clients) c.disconnect();
  clients = [];
  for (const s of servers) await s.dispose();
});

/** A fresh server and the demo meeting with everyone connected and a secret vote open on Ö 12. */
async function secretVote() {
  const server = await startServer();
  servers.push(server);
  const created = await server.createMeeting();
  const join = async (link: string) => {
    const c = await connectClient(server.url, tokenOf(link));
    clients.push(c);
    return c;
  };
  const chair = await join(created.chairUrl);
  const display = await join(created.displayUrl);
  const members = await Promise.all(created.members.slice(0, 10).map((m) => join(m.joinUrl)));
  const checkIns = await Promise.all(members.map((m) => m.call('attendance:self', { present: true })));
  if (!checkIns.every((r) => r.ok)) throw new Error('check-in failed');
  const item = chair.snapshot().agenda.find((i) => i.number === 'Ö 12')!;
  const opened = await chair.call<{ pollId: string }>('poll:open', { itemId: item.id, mode: 'secret' });
  if (!opened.ok) throw new Error(opened.error.message);
  return { server, created, chair, display, members, pollId: opened.data.pollId };
}

const cast = (c: TestClient, pollId: string, choice: Choice, ballotId: string) => c.call('ballot:cast', { pollId, choice, ballotId });

/** Every row of every table, as plain values, for comparing two databases. */
function dump(file: string, pollId: string, meetingId: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    out[t] = (db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[]).map((row) =>
      JSON.parse(JSON.stringify(row).replaceAll(pollId, 'POLL').replaceAll(meetingId, 'MEETING')),
    );
  }
  db.close();
  return out;
}

describe('a secret vote', () => {
  it('counts correctly, refuses a change, and never tells anyone how a member voted', async () => {
    const { chair, display, members, pollId } = await secretVote();
    const choices: Choice[] = ['yes', 'no', 'yes', 'abstain', 'yes'];
    for (const [i, c] of choices.entries()) {
      expect(await cast(members[i]!, pollId, c, `secret-ballot-${i}`)).toEqual({ ok: true, data: { pollId, choice: null, ballotId: `secret-ballot-${i}` } });
    }
    // A replay of the same ballot is acknowledged again; a different ballot is a change, refused.
    expect((await cast(members[0]!, pollId, 'yes', 'secret-ballot-0')).ok).toBe(true);
    expect(await cast(members[0]!, pollId, 'no', 'secret-ballot-x')).toMatchObject({ ok: false, error: { code: 'already_voted' } });

    const chairView = await chair.waitFor((s) => s.polls.find((p) => p.id === pollId)?.votedMemberIds?.length === 5);
    expect(JSON.stringify(chairView.polls)).not.toMatch(/"(yes|no|abstain)"/);
    expect(chairView.polls.find((p) => p.id === pollId)?.rollCall).toBeUndefined();

    expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
    const own = await members[1]!.waitFor((s) => s.polls.find((p) => p.id === pollId)?.status === 'closed');
    expect(own.self!.ballot).toEqual({ pollId, choice: null, ballotId: 'secret-ballot-1' });
    const closed = await chair.waitFor((s) => s.polls.find((p) => p.id === pollId)?.status === 'closed');
    expect(closed.polls.find((p) => p.id === pollId)?.counts).toEqual({ yes: 3, no: 1, abstain: 1 });
    expect(closed.polls.find((p) => p.id === pollId)?.rollCall).toBeUndefined();
    expect((await chair.call('poll:publish', { pollId })).ok).toBe(true);
    const published = await display.waitFor((s) => s.polls.find((p) => p.id === pollId)?.status === 'published');
    expect(published.polls.find((p) => p.id === pollId)).toMatchObject({ mode: 'secret', counts: { yes: 3, no: 1, abstain: 1 } });
    expect(published.polls.find((p) => p.id === pollId)?.rollCall).toBeUndefined();
    const after = await members[1]!.waitFor((s) => s.polls.find((p) => p.id === pollId)?.status === 'published');
    expect(after.self!.ballot?.choice).toBeNull();
  });

  it('leaves nothing in the database file that links a member to a choice', async () => {
    // Two meetings, the same members voting in the same order, the choices swapped between them.
    const a = await secretVote();
    const b = await secretVote();
    const order = [3, 0, 7, 5, 1, 9];
    const choicesA: Choice[] = ['yes', 'no', 'yes', 'abstain', 'no', 'yes'];
    const choicesB: Choice[] = ['no', 'yes', 'abstain', 'yes', 'yes', 'no'];
    for (const [k, i] of order.entries()) {
      // One at a time: each ballot is its own commit, the case that would leak the most.
      expect((await cast(a.members[i]!, a.pollId, choicesA[k]!, `ballot-of-member-${i}`)).ok).toBe(true);
      expect((await cast(b.members[i]!, b.pollId, choicesB[k]!, `ballot-of-member-${i}`)).ok).toBe(true);

      for (const run of [a, b]) {
        const db = new Database(run.server.dbFile, { readonly: true });
        // No per-member row carries a choice: the ballots table holds nothing of this poll.
        expect(db.prepare(`SELECT count(*) AS n FROM ballots WHERE poll_id = ?`).get(run.pollId)).toEqual({ n: 0 });
        // The voters carry member and ballot id only: no choice, no time.
        const columns = (db.prepare(`PRAGMA table_info(secret_voters)`).all() as { name: string }[]).map((c) => c.name);
        expect(columns).toEqual(['poll_id', 'member_id', 'ballot_id']);
        // The choices exist only as counters.
        const tallyColumns = (db.prepare(`PRAGMA table_info(secret_tallies)`).all() as { name: string }[]).map((c) => c.name);
        expect(tallyColumns).toEqual(['poll_id', 'yes', 'no', 'abstain']);
        db.close();
        // The write-ahead log, which would hold each commit's page images in order, is empty.
        const wal = `${run.server.dbFile}-wal`;
        expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
      }
    }
    // Same voters, same totals, different members behind each choice — and the databases say the same.
    const left = dump(a.server.dbFile, a.pollId, a.created.id);
    const right = dump(b.server.dbFile, b.pollId, b.created.id);
    expect(left.secret_voters).toEqual(right.secret_voters);
    expect(left.secret_tallies).toEqual(right.secret_tallies);
    expect(left.secret_tallies).toEqual([{ poll_id: 'POLL', yes: 3, no: 2, abstain: 1 }]);
    expect(left.ballots).toEqual([]);
    // Voters are stored in key order, not in the order they voted.
    expect((left.secret_voters as { member_id: string }[]).map((v) => v.member_id)).toEqual(['p1', 'p10', 'p2', 'p4', 'p6', 'p8']);
    // No table anywhere holds a member id together with a choice for this poll.
    for (const [table, rows] of Object.entries(left)) {
      for (const row of rows as Record<string, unknown>[]) {
        const values = Object.values(row).map(String);
        if (!values.includes('POLL')) continue;
        const hasMember = values.some((v) => /^p\d+$/.test(v));
        const hasChoice = values.some((v) => v === 'yes' || v === 'no' || v === 'abstain');
        expect({ table, linked: hasMember && hasChoice }).toEqual({ table, linked: false });
      }
    }
    // Restart: the counts and who has voted survive, a second vote is still refused.
    for (const c of clients) c.disconnect();
    clients = [];
    await a.server.stop();
    const again = await startServer({ dataDir: a.server.dataDir });
    servers.push(again);
    const chair = await connectClient(again.url, tokenOf(a.created.chairUrl));
    const member = await connectClient(again.url, tokenOf(a.created.members[3]!.joinUrl));
    clients.push(chair, member);
    expect(chair.snapshot().polls.find((p) => p.id === a.pollId)?.castCount).toBe(6);
    expect(await cast(member, a.pollId, 'no', 'another-ballot-id')).toMatchObject({ ok: false, error: { code: 'already_voted' } });
    expect((await cast(member, a.pollId, 'yes', 'ballot-of-member-3')).ok).toBe(true);
    expect((await chair.call('poll:close', { pollId: a.pollId })).ok).toBe(true);
    const closed = await chair.waitFor((s) => s.polls.find((p) => p.id === a.pollId)?.status === 'closed');
    expect(closed.polls.find((p) => p.id === a.pollId)?.counts).toEqual({ yes: 3, no: 2, abstain: 1 });
  });
});
