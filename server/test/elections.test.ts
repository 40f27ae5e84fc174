import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lot } from '../../shared/elections/model.ts';
import type { MeetingSpecInput } from '../../shared/protocol/meetingSpec.ts';
import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import { verifyDatabase } from '../audit/verify.ts';
import { DEMO_MEETING } from '../demo/demoMeeting.ts';
import { connectClient, startServer, tokenOf, type TestClient, type TestServer } from './harness.ts';

let servers: TestServer[] = [];
let clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients) c.disconnect();
  clients = [];
  for (const s of servers) await s.dispose();
  servers = [];
});

const ELECTION_ITEM = { number: 'Ö 4', name: 'Wahl der stellvertretenden Ausschussvorsitzenden' };

async function meeting(rules: MeetingSpecInput['rules'] = 'NKomVG') {
  const server = await startServer();
  servers.push(server);
  const created = await server.createMeeting({ ...DEMO_MEETING, rules, agenda: [...DEMO_MEETING.agenda, ELECTION_ITEM] });
  const join = async (link: string) => {
    const c = await connectClient(server.url, tokenOf(link));
    clients.push(c);
    return c;
  };
  const chair = await join(created.chairUrl);
  const display = await join(created.displayUrl);
  const members = await Promise.all(created.members.slice(0, 10).map((m) => join(m.joinUrl)));
  for (const m of members) expect((await m.call('attendance:self', { present: true })).ok).toBe(true);
  const itemId = chair.snapshot().agenda.find((i) => i.number === 'Ö 4')!.id;
  const minutes = async () =>
    (await fetch(`${server.url}/api/meetings/${created.id}/minutes.txt`, { headers: { authorization: `Bearer ${server.adminToken}` } })).text();
  return { server, created, chair, display, members, itemId, minutes };
}

async function ok<T>(c: TestClient, event: Parameters<TestClient['call']>[0], payload: unknown): Promise<T> {
  const r = await c.call<T>(event, payload);
  if (!r.ok) throw new Error(`${event}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

let n = 0;
const ballotId = () => `ballot-${String(++n).padStart(6, '0')}`;
const mark = (m: TestClient, pollId: string, marks: string[], choice: 'yes' | 'no' | 'abstain' = marks.length ? 'yes' : 'abstain') =>
  m.call('ballot:cast', { pollId, choice, marks, ballotId: ballotId() });

const candidateIds = (s: MeetingSnapshot, itemId: string) => Object.fromEntries(s.elections![itemId]!.candidates.map((c) => [c.name, c.id]));

describe('an election under NKomVG § 67 over real sockets', () => {
  it('runs a first Wahlgang without majority, a second with a tie, the lot in the console, and minutes them', async () => {
    const { chair, display, members, itemId, minutes, server } = await meeting();
    await ok(chair, 'election:setup', { itemId, seats: 1 });
    for (const name of ['Frau Wilke', 'Herr Kirchmann', 'Frau Nolte']) await ok(chair, 'election:addCandidate', { itemId, name });
    const dup = await chair.call('election:addCandidate', { itemId, name: 'frau wilke' });
    expect(dup.ok || dup.error.code).toBe('conflict');
    const c = candidateIds(await display.waitFor((s) => s.elections?.[itemId]?.candidates.length === 3), itemId);

    const first = (await ok<{ pollId: string }>(chair, 'election:openRound', { itemId })).pollId;
    await members[0]!.waitFor((s) => s.polls.some((p) => p.id === first && p.status === 'open'));
    // Refused at the server: more marks than seats, an unknown candidate, a Nein with several candidates.
    expect(await mark(members[0]!, first, [c['Frau Wilke']!, c['Herr Kirchmann']!])).toMatchObject({ ok: false, error: { code: 'choice_not_allowed' } });
    expect(await mark(members[0]!, first, ['nobody'])).toMatchObject({ ok: false, error: { code: 'choice_not_allowed' } });
    expect(await mark(members[0]!, first, [], 'no')).toMatchObject({ ok: false, error: { code: 'choice_not_allowed' } });
    const plan1 = ['Frau Wilke', 'Frau Wilke', 'Frau Wilke', 'Frau Wilke', 'Herr Kirchmann', 'Herr Kirchmann', 'Herr Kirchmann', 'Herr Kirchmann', 'Frau Nolte', null];
    for (const [i, who] of plan1.entries()) expect((await mark(members[i]!, first, who ? [c[who]!] : [])).ok).toBe(true);
    await ok(chair, 'poll:close', { pollId: first });
    // The open ballot is the member's own to see again.
    expect((await members[0]!.waitFor((s) => s.polls.some((p) => p.id === first && p.status === 'closed'))).self!.ballot!.marks).toEqual([c['Frau Wilke']]);
    const closed = await display.waitFor((s) => s.polls.some((p) => p.id === first && p.status === 'closed'));
    expect(closed.polls.find((p) => p.id === first)!.election!.votes).toBeNull();
    await ok(chair, 'poll:publish', { pollId: first });
    const published = await display.waitFor((s) => s.polls.some((p) => p.id === first && p.status === 'published'));
    expect(published.polls.find((p) => p.id === first)!.election!.votes).toEqual({ [c['Frau Wilke']!]: 4, [c['Herr Kirchmann']!]: 4, [c['Frau Nolte']!]: 1 });

    // NKomVG: the second Wahlgang has every candidate, and the most votes win.
    const second = (await ok<{ pollId: string }>(chair, 'election:openRound', { itemId })).pollId;
    const secondPoll = (await chair.waitFor((s) => s.polls.some((p) => p.id === second))).polls.find((p) => p.id === second)!;
    expect(secondPoll.election).toMatchObject({ stage: 2, seats: 1, candidateIds: [c['Frau Wilke'], c['Herr Kirchmann'], c['Frau Nolte']] });
    const plan2 = ['Frau Wilke', 'Frau Wilke', 'Frau Wilke', 'Frau Wilke', 'Frau Wilke', 'Herr Kirchmann', 'Herr Kirchmann', 'Herr Kirchmann', 'Herr Kirchmann', 'Herr Kirchmann'];
    for (const [i, who] of plan2.entries()) expect((await mark(members[i]!, second, [c[who]!])).ok).toBe(true);
    await ok(chair, 'poll:close', { pollId: second });
    expect((await chair.call('election:openRound', { itemId })).ok).toBe(false);
    // A lot entered by hand must pick one of the tied; the console's draw picks one of them.
    expect(await chair.call('election:drawLot', { pollId: second, winners: [c['Frau Nolte']] })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await members[0]!.call('election:drawLot', { pollId: second })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const lot = await ok<Lot>(chair, 'election:drawLot', { pollId: second });
    expect(lot).toMatchObject({ purpose: 'seat', among: [c['Frau Wilke'], c['Herr Kirchmann']], count: 1, method: 'server' });
    expect([c['Frau Wilke'], c['Herr Kirchmann']]).toContain(lot.winners[0]);
    expect((await chair.call('election:drawLot', { pollId: second })).ok).toBe(false);
    expect(await chair.call('election:openRound', { itemId })).toMatchObject({ ok: false, error: { code: 'result_exists' } });
    await ok(chair, 'poll:publish', { pollId: second });
    await display.waitFor((s) => s.polls.some((p) => p.id === second && p.status === 'published'));

    const winner = lot.winners[0] === c['Frau Wilke'] ? 'Frau Wilke' : 'Herr Kirchmann';
    const text = await minutes();
    expect(text).toContain(
      [
        'TOP Ö 4 – Wahl der stellvertretenden Ausschussvorsitzenden',
        'Wahl nach § 67 NKomVG, offen',
        '1. Wahlgang – erforderlich: 6 Stimmen (Mehrheit der 10 Mitglieder)',
        'Frau Wilke: 4 Stimmen',
        'Herr Kirchmann: 4 Stimmen',
        'Frau Nolte: 1 Stimme',
        'Enthaltung/en: 1',
        'Die erforderliche Mehrheit wurde nicht erreicht.',
        '2. Wahlgang – gewählt ist, wer die meisten Stimmen erhält',
        'Frau Wilke: 5 Stimmen',
        'Herr Kirchmann: 5 Stimmen',
        'Frau Nolte: 0 Stimmen',
        'Enthaltung/en: -',
        `Stimmengleichheit. Losentscheid (von der Sitzungsleitung in der Konsole gezogen): ${winner}`,
        `Gewählt ist ${winner} mit 5 Stimmen.`,
      ].join('\n'),
    );
    // results.json and results.csv carry the Wahlgänge with the candidates' votes and who is elected.
    const auth = { headers: { authorization: `Bearer ${server.adminToken}` } };
    const json = (await (await fetch(`${server.url}/api/meetings/${chair.snapshot().meeting.id}/results.json`, auth)).json()) as import('../../shared/export/results.ts').MeetingResults;
    const rounds = json.items.find((i) => i.number === 'Ö 4')!.rounds;
    expect(rounds.map((r) => [r.election?.title, r.election?.result, r.passed])).toEqual([
      ['1. Wahlgang', 'Die erforderliche Mehrheit wurde nicht erreicht.', null],
      ['2. Wahlgang', `Stimmengleichheit. Losentscheid (von der Sitzungsleitung in der Konsole gezogen): ${winner} Gewählt ist ${winner} mit 5 Stimmen.`, null],
    ]);
    expect(rounds[1]!.election!.candidates.map((x) => [x.name, x.votes, x.elected, x.byLot])).toEqual([
      ['Frau Wilke', 5, winner === 'Frau Wilke', winner === 'Frau Wilke'],
      ['Herr Kirchmann', 5, winner === 'Herr Kirchmann', winner === 'Herr Kirchmann'],
      ['Frau Nolte', 0, false, false],
    ]);
    const csv = await (await fetch(`${server.url}/api/meetings/${chair.snapshot().meeting.id}/results.csv`, auth)).text();
    expect(csv).toContain('Ö 4;;Wahl der stellvertretenden Ausschussvorsitzenden;2;offen (Wahl);NKomVG: 2. Wahlgang;;;;;;;;Frau Nolte;0\r\n');
    // The draw is in the audit log with the tied candidates and the winner.
    const db = new Database(server.dbFile, { readonly: true });
    const logged = db.prepare(`SELECT payload FROM audit_log WHERE kind = 'election.lotDrawn'`).all() as { payload: string }[];
    // `npm run verify` recounts every Wahlgang from the stored marks and agrees.
    expect(verifyDatabase(db).problems).toEqual([]);
    db.close();
    expect(logged.map((r) => JSON.parse(r.payload) as Lot)).toMatchObject([{ pollId: second, winners: lot.winners, method: 'server' }]);
  });

  it('refuses several seats under NKomVG, candidates once the election began, and marks on a plain vote', async () => {
    const { chair, members, itemId } = await meeting();
    expect(await chair.call('election:setup', { itemId, seats: 3 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await ok(chair, 'election:setup', { itemId });
    expect(await chair.call('election:openRound', { itemId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await ok(chair, 'election:addCandidate', { itemId, name: 'Frau Wilke' });
    const pollId = (await ok<{ pollId: string }>(chair, 'election:openRound', { itemId })).pollId;
    expect(await chair.call('election:addCandidate', { itemId, name: 'Herr Brandes' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // A single candidate: Ja / Nein / Enthaltung; Ja carries the mark, Nein none.
    const cand = chair.snapshot().elections![itemId]!.candidates[0]!.id;
    expect((await mark(members[0]!, pollId, [], 'no')).ok).toBe(true);
    expect(await mark(members[1]!, pollId, [cand], 'no')).toMatchObject({ ok: false });
    await ok(chair, 'poll:close', { pollId });
    const plain = chair.snapshot().agenda.find((i) => i.number === 'Ö 12')!.id;
    const vote = (await ok<{ pollId: string }>(chair, 'poll:open', { itemId: plain })).pollId;
    expect(await members[0]!.call('ballot:cast', { pollId: vote, choice: 'yes', marks: ['x'], ballotId: ballotId() })).toMatchObject({ ok: false, error: { code: 'choice_not_allowed' } });
  });
});

describe('a secret election with several seats (GO NRW)', () => {
  it('counts marks per candidate and stores nothing that links a member to a mark', async () => {
    const { chair, members, itemId, server } = await meeting('GO-NRW');
    await ok(chair, 'election:setup', { itemId, seats: 2 });
    for (const name of ['Frau Wilke', 'Herr Kirchmann', 'Frau Nolte']) await ok(chair, 'election:addCandidate', { itemId, name });
    await ok(chair, 'election:demandSecret', { itemId, demanded: true });
    const c = candidateIds(chair.snapshot(), itemId);
    const pollId = (await ok<{ pollId: string }>(chair, 'election:openRound', { itemId })).pollId;
    expect((await chair.waitFor((x) => x.polls.some((p) => p.id === pollId))).polls.find((p) => p.id === pollId)!.mode).toBe('secret');
    const peek = new Database(server.dbFile, { readonly: true });
    // The counters exist from the start: the first mark for a candidate creates no row that could date it.
    expect(peek.prepare(`SELECT candidate_id, votes FROM secret_votes WHERE poll_id = ? ORDER BY candidate_id`).all(pollId)).toHaveLength(3);
    peek.close();
    expect(await mark(members[0]!, pollId, [c['Frau Wilke']!, c['Herr Kirchmann']!, c['Frau Nolte']!])).toMatchObject({ ok: false, error: { code: 'choice_not_allowed' } });
    const plan = [['Frau Wilke', 'Herr Kirchmann'], ['Frau Wilke', 'Herr Kirchmann'], ['Frau Wilke'], ['Frau Wilke', 'Frau Nolte'], ['Frau Wilke', 'Herr Kirchmann'], ['Herr Kirchmann'], ['Frau Wilke'], [], ['Frau Wilke', 'Herr Kirchmann'], ['Frau Nolte']];
    for (const [i, names] of plan.entries()) {
      const r = await mark(members[i]!, pollId, names.map((x) => c[x]!));
      expect(r).toMatchObject({ ok: true, data: { choice: null } });
      expect((r as { data: object }).data).not.toHaveProperty('marks');
    }
    expect((await mark(members[0]!, pollId, [c['Frau Nolte']!])).ok).toBe(false);
    // After each secret commit the write-ahead log is checkpointed and truncated: no page image pairs a voter with a counter.
    const wal = `${server.dbFile}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    expect(chair.snapshot().polls.find((p) => p.id === pollId)!.election!.votes).toBeNull();
    await ok(chair, 'poll:close', { pollId });
    const closed = await chair.waitFor((s) => s.polls.some((p) => p.id === pollId && p.status === 'closed'));
    expect(closed.polls.find((p) => p.id === pollId)!.election!.votes).toEqual({ [c['Frau Wilke']!]: 7, [c['Herr Kirchmann']!]: 5, [c['Frau Nolte']!]: 2 });

    const db = new Database(server.dbFile, { readonly: true });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM ballots WHERE poll_id = ?`).get(pollId)).toEqual({ n: 0 });
    expect(db.prepare(`SELECT * FROM secret_voters WHERE poll_id = ? LIMIT 1`).get(pollId)).toEqual({ poll_id: pollId, member_id: expect.any(String), ballot_id: expect.any(String) });
    const accepted = db.prepare(`SELECT payload FROM audit_log WHERE kind = 'ballot.accepted' AND poll_id = ?`).all(pollId) as { payload: string }[];
    expect(accepted.map((r) => Object.keys(JSON.parse(r.payload) as object))).toEqual(plan.map(() => ['receipt']));
    // The chair's record of the demand is in the audit log, before the Wahlgang opened.
    const changes = db.prepare(`SELECT seq, payload FROM audit_log WHERE kind = 'election.changed' ORDER BY seq`).all() as { seq: number; payload: string }[];
    const demanded = changes.filter((r) => (JSON.parse(r.payload) as { secretDemandedAt: string | null }).secretDemandedAt !== null);
    expect(demanded.map((r) => JSON.parse(r.payload) as object)).toEqual([expect.objectContaining({ itemId, secretDemandedAt: expect.any(String) })]);
    const opened = db.prepare(`SELECT MIN(seq) AS seq FROM audit_log WHERE poll_id = ?`).get(pollId) as { seq: number };
    expect(demanded[0]!.seq).toBeLessThan(opened.seq);
    expect(verifyDatabase(db).problems).toEqual([]);
    db.close();
    // 10 valid ballots but one blank: 9 valid, 5 needed — Frau Wilke (7) is elected, Herr Kirchmann (5) too.
    await ok(chair, 'poll:publish', { pollId });
    const s = await chair.waitFor((x) => x.polls.some((p) => p.id === pollId && p.status === 'published'));
    expect(s.polls.find((p) => p.id === pollId)!.counts).toEqual({ yes: 9, no: 0, abstain: 1 });
  });
});

describe('a Wahlgang counted in the room (tablets failed)', () => {
  it('takes the votes per candidate from the chair, refuses numbers that cannot add up, and minutes it', async () => {
    const { chair, itemId, minutes, server } = await meeting('GO-NRW');
    await ok(chair, 'election:setup', { itemId, seats: 2 });
    for (const name of ['Frau Wilke', 'Herr Kirchmann', 'Frau Nolte']) await ok(chair, 'election:addCandidate', { itemId, name });
    const c = candidateIds(chair.snapshot(), itemId);
    const votes = { [c['Frau Wilke']!]: 7, [c['Herr Kirchmann']!]: 6, [c['Frau Nolte']!]: 3 };
    const refused = async (payload: object) => expect((await chair.call('election:handCount', { itemId, ...payload })).ok).toBe(false);
    await refused({ votes: { [c['Frau Wilke']!]: 7 }, ballots: 9 });
    await refused({ votes, ballots: 10, abstain: 1 });
    await refused({ votes: { ...votes, [c['Frau Nolte']!]: 6 }, ballots: 9 });
    await refused({ votes, ballots: 9, no: 1 });
    await refused({ votes: { ...votes, extra: 1 }, ballots: 9 });
    const { pollId } = await ok<{ pollId: string }>(chair, 'election:handCount', { itemId, votes, ballots: 9, abstain: 1 });
    const s = await chair.waitFor((x) => x.polls.some((p) => p.id === pollId));
    expect(s.polls.find((p) => p.id === pollId)).toMatchObject({ status: 'closed', countedByHand: true, counts: { yes: 9, no: 0, abstain: 1 }, election: { votes } });
    await ok(chair, 'poll:publish', { pollId });
    expect(await minutes()).toContain(
      [
        'Wahl nach § 50 Abs. 2 GO NRW, offen, 2 Sitze',
        '1. Wahlgang – erforderlich: 5 Stimmen (mehr als die Hälfte der 9 gültigen Stimmen)',
        'Frau Wilke: 7 Stimmen',
        'Herr Kirchmann: 6 Stimmen',
        'Frau Nolte: 3 Stimmen',
        'Enthaltung/en: 1',
        'Gewählt ist Frau Wilke mit 7 Stimmen.',
        'Gewählt ist Herr Kirchmann mit 6 Stimmen.',
        'Im Saal ausgezählt (Stimmzettel oder Handzeichen) und von der Sitzungsleitung eingetragen.',
      ].join('\n'),
    );
    const db = new Database(server.dbFile, { readonly: true });
    expect(verifyDatabase(db).problems).toEqual([]);
    db.close();
  });
});
