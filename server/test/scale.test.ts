import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingSpecInput } from '../../shared/protocol/meetingSpec.ts';
import { connectClient, startServer, tokenOf, type TestClient, type TestServer } from './harness.ts';

/** What keeps a large meeting (a party convention) linear: behaviour, not speed (that is bench/). */

let server: TestServer;
let clients: TestClient[] = [];

beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const c of clients) c.disconnect();
  clients = [];
  await server.dispose();
});

const big = (n: number): MeetingSpecInput => ({
  body: 'Partei',
  organization: 'Parteitag',
  name: 'Bundesparteitag',
  start: '2026-05-01T10:00:00+02:00',
  members: Array.from({ length: n }, (_, i) => ({ id: `m${i}`, name: `Mitglied ${i}`, votingRight: true })),
  agenda: [{ number: 'Ö 1', name: 'Antrag' }],
});

async function join(link: string): Promise<TestClient> {
  const c = await connectClient(server.url, tokenOf(link));
  clients.push(c);
  return c;
}

describe('a meeting with many members', () => {
  it('issues a working token for every member', async () => {
    const created = await server.createMeeting(big(2_000));
    expect(new Set(created.members.map((m) => tokenOf(m.joinUrl))).size).toBe(2_000);
    const last = await join(created.members[1_999]!.joinUrl);
    expect(last.snapshot().self?.memberId).toBe('m1999');
  });

  it('accepts the largest meeting the spec allows (20,000 members, ids as long OParl URLs) and refuses one more', async () => {
    const longest = (n: number): MeetingSpecInput => {
      const spec = big(n);
      spec.members = spec.members.map((m, i) => ({ ...m, id: `https://ris.example.org/oparl/v1/body/1/person/${String(i).padStart(6, '0')}`, name: `Mitglied Nr. ${i} – Überörtliche Wählergemeinschaft Ilsede` }));
      return spec;
    };
    expect(JSON.stringify(longest(20_000)).length).toBeGreaterThan(2 * 1024 * 1024); // the old 1 MB limit refused this
    const created = await server.createMeeting(longest(20_000));
    expect(created.members).toHaveLength(20_000);

    const tooMany = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(longest(20_001)),
    });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toMatch(/members/);
  });

  it("gives a tablet only its own member, the chair all of them", async () => {
    const created = await server.createMeeting(big(50));
    const chair = await join(created.chairUrl);
    const member = await join(created.members[7]!.joinUrl);
    expect(chair.snapshot().members).toHaveLength(50);
    expect(member.snapshot().members).toEqual([{ id: 'm7', name: 'Mitglied 7', role: 'member', votingRight: true }]);
  });

  it('counts the ballots of the last member in the list', async () => {
    const created = await server.createMeeting(big(1_000));
    const chair = await join(created.chairUrl);
    const display = await join(created.displayUrl);
    const member = await join(created.members[999]!.joinUrl);
    expect(await member.call('attendance:self', { present: true })).toMatchObject({ ok: true });
    const opened = await chair.call<{ pollId: string }>('poll:open', { itemId: 'i1', confirmNotQuorate: true });
    if (!opened.ok) throw new Error(opened.error.message);
    const pollId = opened.data.pollId;
    expect(await member.call('ballot:cast', { pollId, choice: 'no', ballotId: 'ballot-last-1' })).toMatchObject({ ok: true });
    await display.waitFor((s) => s.polls.find((p) => p.id === pollId)?.castCount === 1);
    const chairView = await chair.waitFor((s) => s.polls.find((p) => p.id === pollId)?.votedMemberIds?.length === 1);
    expect(chairView.polls.find((p) => p.id === pollId)?.votedMemberIds).toEqual(['m999']);
  });

  it("a check-in outside a vote reaches the chair, that tablet by its ack and the member's other devices, not every other tablet", async () => {
    const created = await server.createMeeting(big(3));
    const chair = await join(created.chairUrl);
    const [a, b] = await Promise.all([join(created.members[0]!.joinUrl), join(created.members[1]!.joinUrl)]);
    let snapshotsToA = 0;
    let snapshotsToB = 0;
    a.on('meeting:snapshot', () => snapshotsToA++);
    b.on('meeting:snapshot', () => snapshotsToB++);

    expect(await a.call('attendance:self', { present: true })).toMatchObject({ ok: true, data: { memberId: created.members[0]!.id, present: true, ineligibility: null } });
    await chair.waitFor((s) => s.quorum.present === 1);
    expect(snapshotsToA).toBe(0);
    // A second device of the same member: checking out on the first reaches it as a snapshot.
    const a2 = await join(created.members[0]!.joinUrl);
    expect(a2.snapshot().self?.present).toBe(true);
    expect(await a.call('attendance:self', { present: false })).toMatchObject({ ok: true, data: { present: false } });
    await a2.waitFor((s) => s.self?.present === false);
    await chair.waitFor((s) => s.quorum.present === 0);
    expect(await a.call('attendance:self', { present: true })).toMatchObject({ ok: true, data: { present: true } });
    await a2.waitFor((s) => s.self?.present === true);
    expect(snapshotsToB).toBe(0);

    // During a vote a check-in changes who is expected: every tablet hears of it.
    expect((await b.call('attendance:self', { present: true })).ok).toBe(true);
    const opened = await chair.call<{ pollId: string }>('poll:open', { itemId: chair.snapshot().agenda[0]!.id });
    expect(opened.ok).toBe(true);
    const before = snapshotsToB;
    const c = await join(created.members[2]!.joinUrl);
    expect((await c.call('attendance:self', { present: true })).ok).toBe(true);
    await b.waitFor((s) => s.polls.some((p) => p.status === 'open' && p.eligibleCount === 3));
    expect(snapshotsToB).toBeGreaterThan(before);
  });
});

