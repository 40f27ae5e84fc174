import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Choice } from '../../shared/meeting/model.ts';
import type { MeetingSpecInput } from '../../shared/protocol/meetingSpec.ts';
import type { Result } from '../../shared/protocol/result.ts';
import type { CreatedMeeting } from '../meetings/createMeeting.ts';
import { startTestCluster, type TestCluster } from '../test/engines/cluster.ts';
import { HOLDS_LOCK } from './ownership.ts';
import { tokenOf } from '../test/harness.ts';
import { reconnectingClient, until, type ReconnectingClient } from '../test/reconnectingClient.ts';

/**
 * The cluster for real: two node processes on one PostgreSQL and one Redis behind HAProxy,
 * 60 tablets through the load balancer, the chair on node A and the display on node B for a
 * full vote; then five rounds of kill -9 of one node in the middle of a burst of votes.
 * Each round: every acknowledged ballot is stored, the tablets of the dead node reconnect
 * through the load balancer by themselves and resync, the unacknowledged ballots are sent
 * again with their ids (as the tablet's outbox does), and the vote closes with exact counts.
 */

const ROUNDS = 5;
const CLIENTS = 60;
const ADMIN = 'cluster-test-admin-token-0123456789';
const CHOICES = ['yes', 'no', 'abstain'] as const;

let cluster: TestCluster;
let lb: TestCluster['lb'];
let nodes: TestCluster['nodes'];
let db: pg.Client;
const sockets: Socket[] = [];

beforeAll(async () => {
  cluster = await startTestCluster(ADMIN);
  ({ lb, nodes } = cluster);
  db = new pg.Client({ connectionString: cluster.databaseUrl });
  await db.connect();
}, 90_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await db?.end();
  await cluster?.stop();
});

const device = (url: string, token: string) => reconnectingClient(url, token, sockets);
type Device = ReconnectingClient;

const spec: MeetingSpecInput = {
  body: 'Landkreis Test',
  organization: 'Kreistag',
  name: 'Ausfalltest',
  start: '2026-12-03T17:00:00+01:00',
  rules: 'NKomVG',
  members: Array.from({ length: CLIENTS }, (_, i) => ({ id: `m${i + 1}`, name: `Mitglied ${i + 1}`, votingRight: true })),
  agenda: Array.from({ length: ROUNDS + 1 }, (_, i) => ({ number: `Ö ${i + 1}`, name: `Punkt ${i + 1}` })),
};

async function stored(pollId: string) {
  const ballots = await db.query<{ member_id: string; choice: Choice; ballot_id: string }>('SELECT member_id, choice, ballot_id FROM ballots WHERE poll_id = $1', [pollId]);
  const poll = await db.query<{ status: string }>('SELECT status FROM polls WHERE id = $1', [pollId]);
  return { rows: ballots.rows, status: poll.rows[0]!.status };
}
const owner = async (meetingId: string) =>
  (await db.query<{ node_id: string }>(`SELECT o.node_id FROM meeting_owners o WHERE o.meeting_id = $1 AND ${HOLDS_LOCK}`, [meetingId])).rows[0]?.node_id ?? null;

async function open(chair: Device, itemId: string): Promise<string> {
  const opened = await chair.call<{ pollId: string }>('poll:open', { itemId });
  if (!opened.ok) throw new Error(`poll:open: ${opened.error.message}`);
  return opened.data.pollId;
}

const expectedCounts = (choices: readonly Choice[]) => ({
  yes: choices.filter((c) => c === 'yes').length,
  no: choices.filter((c) => c === 'no').length,
  abstain: choices.filter((c) => c === 'abstain').length,
});

describe('a cluster of two nodes behind HAProxy', () => {
  it(`one vote with chair and display on different nodes, then ${ROUNDS} rounds of kill -9 mid-burst`, async () => {
    const res = await fetch(`${lb.url}/api/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreatedMeeting;
    const members = created.members.map((m) => device(lb.url, tokenOf(m.joinUrl)));
    await until(() => members.every((m) => m.snapshot() !== null), 'first snapshots');
    expect((await Promise.all(members.map((m) => m.call('attendance:self', { present: true })))).every((r) => r.ok)).toBe(true);

    // The full vote: chair on node A, display on node B, directly.
    const directChair = device(nodes[0]!.url, tokenOf(created.chairUrl));
    const display = device(nodes[1]!.url, tokenOf(created.displayUrl));
    await until(() => directChair.snapshot()?.quorum.present === CLIENTS && display.snapshot()?.quorum.present === CLIENTS, 'chair and display');
    const first = await open(directChair, directChair.snapshot()!.agenda[0]!.id);
    const firstChoices = members.map((_, i) => CHOICES[i % 3]!);
    const acks = await Promise.all(members.map((m, i) => m.call('ballot:cast', { pollId: first, choice: firstChoices[i], ballotId: `first-m${i + 1}-000` })));
    expect(acks.every((a) => a.ok)).toBe(true);
    await until(() => display.snapshot()?.polls.find((p) => p.id === first)?.castCount === CLIENTS, 'display counts every vote');
    expect((await directChair.call('poll:close', { pollId: first })).ok).toBe(true);
    expect((await directChair.call('poll:publish', { pollId: first })).ok).toBe(true);
    await until(() => display.snapshot()?.polls.find((p) => p.id === first)?.status === 'published', 'display shows the result');
    expect(display.snapshot()!.polls.find((p) => p.id === first)!.counts).toEqual(expectedCounts(firstChoices));
    directChair.socket.disconnect();
    display.socket.disconnect();

    // The kill rounds: the chair too goes through the load balancer, as every device would.
    const chair = device(lb.url, tokenOf(created.chairUrl));
    await until(() => chair.snapshot() !== null, 'chair through the load balancer');
    const report: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const victim = nodes[round % 2]!;
      const ownerBefore = await owner(created.id);
      const pollId = await open(chair, chair.snapshot()!.agenda[round + 1]!.id);
      await until(() => members.every((m) => m.snapshot()?.polls.some((p) => p.id === pollId && p.status === 'open')), 'tablets see the vote');
      const sent = members.map((_, i) => ({ ballotId: `r${round}-m${i + 1}-${Math.random().toString(36).slice(2, 10)}`, choice: CHOICES[(i + round) % 3]! }));
      const acked = new Set<number>();
      const disconnected = new Set<number>();
      members.forEach((m, i) => m.socket.once('disconnect', () => disconnected.add(i)));
      const killAfter = 5 + round * 8;
      let ackedWhenKilled = 0;
      await new Promise<void>((res) => {
        let fired = false;
        members.forEach((m, i) =>
          setTimeout(() => {
            m.socket.emit('ballot:cast', { pollId, ...sent[i]! }, (r: Result<unknown>) => {
              if (!r.ok) return;
              acked.add(i);
              if (!fired && acked.size >= killAfter) {
                fired = true;
                ackedWhenKilled = acked.size;
                void victim.killHard().then(res);
              }
            });
          }, i * 4),
        );
      });
      const ackedAtKill = new Set(acked);
      // Acknowledged ⊆ stored: the dead node acknowledged nothing that PostgreSQL does not have.
      const atKill = await stored(pollId);
      const byMember = new Map(atKill.rows.map((r) => [r.member_id, { ballotId: r.ballot_id, choice: r.choice }]));
      for (const i of ackedAtKill) expect(byMember.get(`m${i + 1}`), `acknowledged ballot of m${i + 1} lost`).toEqual(sent[i]);
      expect(atKill.status).toBe('open');

      // The dead node's tablets reconnect through the load balancer to the other node, unasked.
      const connectsBefore = members.map((m) => m.connects());
      await until(
        () => [...disconnected].every((i) => members[i]!.connects() > connectsBefore[i]! || members[i]!.socket.connected) && members.every((m) => m.socket.connected),
        'tablets of the dead node to reconnect',
      );
      await until(() => members.every((m) => m.snapshot()?.polls.some((p) => p.id === pollId && p.status === 'open')), 'tablets to resync');
      const restarted = victim.restart();
      // The outbox sends every ballot not yet acknowledged again, with its original id.
      const resent = await Promise.all(members.map((m, i) => (ackedAtKill.has(i) ? null : m.call('ballot:cast', { pollId, ...sent[i]! }))));
      expect(resent.filter((r) => r && !r.ok)).toEqual([]);
      await restarted;
      const after = await stored(pollId);
      expect(after.rows.length).toBe(CLIENTS);
      for (const r of after.rows) expect(sent[Number(r.member_id.slice(1)) - 1]).toMatchObject({ ballotId: r.ballot_id, choice: r.choice });

      await until(() => chair.socket.connected && (chair.snapshot()?.polls.some((p) => p.id === pollId) ?? false), 'chair resync');
      const closed = await chair.call('poll:close', { pollId });
      expect(closed.ok, JSON.stringify(closed)).toBe(true);
      await until(() => chair.snapshot()?.polls.find((p) => p.id === pollId)?.status === 'closed', 'chair sees the closed vote');
      expect(chair.snapshot()!.polls.find((p) => p.id === pollId)!.counts).toEqual(expectedCounts(sent.map((s) => s.choice)));
      expect(ackedWhenKilled).toBeLessThan(CLIENTS);
      report.push(
        `round ${round + 1}: killed ${victim === nodes[0] ? 'node-a' : 'node-b'} (owner before: ${ownerBefore}, after: ${await owner(created.id)}), ` +
          `acknowledged at kill ${ackedAtKill.size}, stored at kill ${atKill.rows.length}, tablets reconnected ${disconnected.size}, final ${after.rows.length}`,
      );
    }
    process.stdout.write(report.join('\n') + '\n');
  }, 240_000);
});
