import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Choice } from '../../shared/meeting/model.ts';
import { MEETING_SPEC_MAX_BYTES } from '../../shared/protocol/meetingSpec.ts';
import type { Result } from '../../shared/protocol/result.ts';
import { connectClient, startServer, tokenOf, type TestClient, type TestServer } from './harness.ts';

/**
 * Hostile input against a live server: generated malformed, foreign-token, replayed, oversized,
 * wrong-role and out-of-order events, interleaved with valid votes. A model of the valid
 * events predicts every acknowledgement and the final counts; the server must agree exactly.
 */

let server: TestServer;
const clients: TestClient[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await server.dispose();
});

async function join(link: string): Promise<TestClient> {
  const c = await connectClient(server.url, tokenOf(link));
  clients.push(c);
  return c;
}

type Action =
  | { kind: 'cast'; member: number; choice: Choice }
  | { kind: 'replay'; member: number }
  | { kind: 'malformed'; member: number; payload: unknown }
  | { kind: 'oversized'; member: number }
  | { kind: 'foreign'; choice: Choice }
  | { kind: 'wrongRole'; event: 'poll:close' | 'poll:open' | 'member:reissueLink' | 'item:select'; member: number }
  | { kind: 'chairCasts' }
  | { kind: 'unknownEvent'; member: number; event: string }
  | { kind: 'noAck'; member: number }
  | { kind: 'extraArgs'; member: number }
  | { kind: 'unknownPoll'; member: number }
  | { kind: 'outOfOrder'; event: 'poll:publish' | 'poll:open' };

const choice = fc.constantFrom<Choice>('yes', 'no', 'abstain');
const member = fc.integer({ min: 0, max: 10 }); // p1..p10 vote, p11 is advisory
const validId = 'b-valid-0001';
const malformedPayload = fc.oneof(
  fc.anything(),
  fc.record({ pollId: fc.oneof(fc.integer(), fc.constant(null), fc.constant(''), fc.string({ minLength: 65, maxLength: 200 }), fc.array(fc.string())), choice, ballotId: fc.constant(validId) }),
  fc.record({ pollId: fc.constant('POLL'), choice: fc.string().filter((c) => !['yes', 'no', 'abstain'].includes(c)), ballotId: fc.constant(validId) }),
  fc.record({ pollId: fc.constant('POLL'), choice, ballotId: fc.string({ maxLength: 7 }) }),
  fc.record({ pollId: fc.constant('POLL'), choice, ballotId: fc.constant(validId), memberId: fc.constant('p1') }),
  fc.record({ pollId: fc.constant('POLL'), choice, ballotId: fc.string({ minLength: 65, maxLength: 5000 }) }),
  fc.record({ pollId: fc.constant('POLL'), choice, ballotId: fc.constant('has spaces and ü') }),
  fc.record({ pollId: fc.constant('POLL'), choice }),
  fc.constantFrom(null, undefined, 42, 'yes', [], [1, 2], { __proto__: { choice: 'yes' } }),
);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('cast' as const), member, choice }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replay' as const), member }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('malformed' as const), member, payload: malformedPayload }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('foreign' as const), choice }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('oversized' as const), member }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('wrongRole' as const),
      event: fc.constantFrom('poll:close' as const, 'poll:open' as const, 'member:reissueLink' as const, 'item:select' as const),
      member,
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'chairCasts' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unknownEvent' as const), member, event: fc.constantFrom('ballot:delete', 'poll:reset', 'x', '') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('noAck' as const), member }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('extraArgs' as const), member }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unknownPoll' as const), member }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('outOfOrder' as const), event: fc.constantFrom('poll:publish' as const, 'poll:open' as const) }) },
);

const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);

/** Only members present may vote: each taps "Anwesend" first. */
async function checkIn(clients: TestClient[]): Promise<void> {
  const results = await Promise.all(clients.map((c) => c.call('attendance:self', { present: true })));
  if (!results.every((r) => r.ok)) throw new Error('check-in failed');
}

describe('hostile input against a live server', () => {
  it('answers ≥200 generated bad and valid events exactly as a model of the valid ones predicts', async () => {
    const created = await server.createMeeting();
    const other = await server.createMeeting();
    const chair = await join(created.chairUrl);
    const members = await Promise.all(created.members.map((m) => join(m.joinUrl)));
    const foreign = await join(other.members[0]!.joinUrl);
    await checkIn([...members, foreign]);
    // One public item per round: an item with a valid result cannot be voted on again.
    const itemIds = chair.snapshot().agenda.filter((i) => i.public).map((i) => i.id);
    const memberIds = created.members.map((m) => m.id);

    const seed = Number(process.env.FUZZ_SEED ?? 20261125);
    const rounds = fc.sample(fc.array(action, { minLength: 90, maxLength: 90 }), { numRuns: 3, seed });
    let events = 0;
    let rateLimited = 0;
    let n = 0;
    const freshId = () => `fuzz-${seed}-${n++}`;

    for (const [round, actions] of rounds.entries()) {
      const itemId = itemIds[round]!;
      const opened = await chair.call<{ pollId: string }>('poll:open', { itemId });
      expect(opened.ok).toBe(true);
      const pollId = (opened as { data: { pollId: string } }).data.pollId;
      /** memberId → the ballot the server should hold. */
      const model = new Map<string, { choice: Choice; ballotId: string }>();
      // The second half of each round runs after the poll closed: everything is out of order then.
      for (const [i, a] of actions.entries()) {
        if (i === 60) expect(code(await chair.call('poll:close', { pollId }))).toBe('ok');
        const open = i < 60;
        const m = 'member' in a ? members[a.member]! : members[0]!;
        const memberId = 'member' in a ? memberIds[a.member]! : '';
        let got: Result<unknown> | 'disconnected' | 'survived' | 'none';
        let expected: string;
        switch (a.kind) {
          case 'cast': {
            const ballotId = freshId();
            got = await m.call('ballot:cast', { pollId, choice: a.choice, ballotId });
            const eligible = a.member < 10;
            expected = !open ? 'poll_not_open' : !eligible ? 'not_eligible' : 'ok';
            if (code(got) === 'ok') model.set(memberId, { choice: a.choice, ballotId });
            break;
          }
          case 'replay': {
            const last = model.get(memberId);
            const payload = last ? { pollId, ...last } : { pollId, choice: 'yes', ballotId: freshId() };
            got = await m.call('ballot:cast', payload);
            // A replay of a counted ballot is acknowledged again, even after the close, and changes nothing.
            expected = last ? 'ok' : !open ? 'poll_not_open' : a.member < 10 ? 'ok' : 'not_eligible';
            if (!last && code(got) === 'ok') model.set(memberId, { choice: 'yes', ballotId: payload.ballotId });
            break;
          }
          case 'malformed': {
            const payload = JSON.parse(JSON.stringify(a.payload ?? null, (_k, v) => (v === 'POLL' ? pollId : v)) ?? 'null');
            got = await m.call('ballot:cast', payload);
            expected = 'invalid_payload';
            break;
          }
          case 'oversized': {
            got = await sendOversized(members, a.member, created.members[a.member]!.joinUrl, pollId);
            expected = 'disconnected';
            break;
          }
          case 'foreign':
            got = await foreign.call('ballot:cast', { pollId, choice: a.choice, ballotId: freshId() });
            expected = 'not_found';
            break;
          case 'wrongRole':
            got = await m.call(a.event, a.event === 'member:reissueLink' ? { memberId: 'p1' } : a.event === 'item:select' ? { itemId } : a.event === 'poll:open' ? { itemId } : { pollId });
            expected = 'forbidden';
            break;
          case 'chairCasts':
            got = await chair.call('ballot:cast', { pollId, choice: 'yes', ballotId: freshId() });
            expected = 'forbidden';
            break;
          case 'unknownEvent':
            got = await m.call(a.event as never, { pollId });
            expected = 'invalid_payload';
            break;
          case 'noAck':
            (m as unknown as { emit(e: string, p: unknown): void }).emit('ballot:cast', { pollId, choice: 'no', ballotId: freshId() });
            got = 'none';
            expected = 'none';
            break;
          case 'extraArgs':
            got = await (m.timeout(5_000) as unknown as { emitWithAck(...a: unknown[]): Promise<Result<unknown>> }).emitWithAck(
              'ballot:cast',
              { pollId, choice: 'no', ballotId: freshId() },
              'extra',
            );
            expected = 'invalid_payload';
            break;
          case 'unknownPoll':
            got = await m.call('ballot:cast', { pollId: 'no-such-poll', choice: 'yes', ballotId: freshId() });
            expected = 'not_found';
            break;
          case 'outOfOrder':
            got = await chair.call(a.event, a.event === 'poll:open' ? { itemId } : { pollId });
            // While open: a second start and an early publish conflict. After the close the item has a
            // valid result, so a new start is refused until the round is declared invalid; publishing is fine.
            if (a.event === 'poll:open') expected = open ? 'poll_already_open' : 'result_exists';
            else expected = open ? 'conflict' : 'ok';
            break;
        }
        const actual = typeof got === 'string' ? got : code(got);
        // A refused flood changes nothing; the model counts it as not sent.
        if (actual === 'rate_limited') {
          rateLimited++;
          continue;
        }
        events++;
        expect(actual, `round ${round} event ${i}: ${JSON.stringify(a).slice(0, 200)}`).toBe(expected);
      }

      const closed = await chair.waitFor((s) => s.polls.some((p) => p.id === pollId && p.counts !== null));
      const counts = closed.polls.find((p) => p.id === pollId)!.counts!;
      const want = { yes: 0, no: 0, abstain: 0 };
      for (const b of model.values()) want[b.choice]++;
      expect(counts).toEqual(want);

      const db = new Database(server.dbFile, { readonly: true });
      const stored = db.prepare('SELECT member_id, choice, ballot_id FROM ballots WHERE poll_id = ?').all(pollId) as {
        member_id: string;
        choice: Choice;
        ballot_id: string;
      }[];
      db.close();
      expect(new Map(stored.map((r) => [r.member_id, { choice: r.choice, ballotId: r.ballot_id }]))).toEqual(model);
    }
    expect(events).toBeGreaterThanOrEqual(200);
    // The limiter may refuse some of a fast fuzz, never most of it.
    expect(rateLimited).toBeLessThan(events / 4);
    // Ten oversized frames at the end: each closes only its own connection.
    for (let k = 0; k < 10; k++) expect(await sendOversized(members, k % 10, created.members[k % 10]!.joinUrl, 'x')).toBe('disconnected');
    expect(code(await chair.call('poll:publish', { pollId: 'x' }))).toBe('not_found');
  });

  it('refuses unknown, malformed and revoked tokens at the handshake', async () => {
    const created = await server.createMeeting();
    for (const token of ['', 'short', 'A'.repeat(43), 'A'.repeat(5000), 42, null, { $ne: null }]) {
      await expect(connectClient(server.url, token as string)).rejects.toThrow('unauthorized');
    }
    const chair = await join(created.chairUrl);
    const tablet = await join(created.members[2]!.joinUrl);
    const gone = new Promise<void>((resolve) => tablet.once('disconnect', () => resolve()));
    const reissued = await chair.call<{ memberId: string; joinUrl: string; code: string }>('member:reissueLink', { memberId: 'p3' });
    expect(reissued.ok).toBe(true);
    // The new access is also a code to type: the same token as the link, in groups of four.
    const { code: typed, joinUrl } = (reissued as { data: { code: string; joinUrl: string } }).data;
    expect(typed).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(tokenOf(joinUrl)).toBe(typed.replace(/-/g, ''));
    await gone;
    await expect(connectClient(server.url, tokenOf(created.members[2]!.joinUrl))).rejects.toThrow('unauthorized');
    const fresh = await join((reissued as { data: { joinUrl: string } }).data.joinUrl);
    expect(fresh.snapshot().self?.memberId).toBe('p3');
    expect(code(await chair.call('member:reissueLink', { memberId: 'nobody' }))).toBe('not_found');
  });

  it('rate-limits a flood from one member, keyed by member across connections, without changing the count', async () => {
    const created = await server.createMeeting();
    const chair = await join(created.chairUrl);
    const [a, b] = await Promise.all([join(created.members[0]!.joinUrl), join(created.members[0]!.joinUrl)]);
    await checkIn([a]);
    const itemId = chair.snapshot().agenda[0]!.id;
    // Only p1 is present: the chair confirms voting without quorum.
    const opened = (await chair.call<{ pollId: string }>('poll:open', { itemId, confirmNotQuorate: true })) as { ok: true; data: { pollId: string } };
    const pollId = opened.data.pollId;
    const acks = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).call('ballot:cast', { pollId, choice: 'no', ballotId: `flood-${i}-xx` })),
    );
    const limited = acks.filter((r) => code(r) === 'rate_limited').length;
    expect(limited).toBeGreaterThanOrEqual(30);
    expect(acks.filter((r) => r.ok).length).toBe(60 - limited);
    // Another member is not affected by p1's flood.
    const other = await join(created.members[1]!.joinUrl);
    await checkIn([other]);
    expect(code(await other.call('ballot:cast', { pollId, choice: 'yes', ballotId: 'other-0001' }))).toBe('ok');
    expect(code(await chair.call('poll:close', { pollId }))).toBe('ok');
    const s = await chair.waitFor((x) => x.polls.some((p) => p.id === pollId && p.counts !== null));
    expect(s.polls.find((p) => p.id === pollId)!.counts).toEqual({ yes: 1, no: 1, abstain: 0 });
  });

  it('answers hostile HTTP requests with 4xx and keeps serving', async () => {
    const created = await server.createMeeting();
    const member = tokenOf(created.members[0]!.joinUrl);
    const req = (path: string, init: RequestInit = {}) => fetch(server.url + path, init).then((r) => r.status);
    const json = { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` };
    expect(await req('/api/meetings', { method: 'POST', headers: json, body: '{not json' })).toBe(400);
    expect(await req('/api/meetings', { method: 'POST', headers: json, body: JSON.stringify({ body: 1 }) })).toBe(400);
    expect(await req('/api/meetings', { method: 'POST', headers: json, body: 'x'.repeat(MEETING_SPEC_MAX_BYTES + 10) })).toBe(413);
    expect(await req(`/api/admin/meetings/${created.id}/archive`, { method: 'POST', headers: json, body: 'x'.repeat(1024 * 1024 + 10) })).toBe(413);
    expect(await req('/api/meetings', { method: 'POST', headers: { ...json, 'content-type': 'text/plain' }, body: '{}' })).toBe(415);
    expect(await req('/api/meetings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).toBe(401);
    expect(await req('/api/meetings', { method: 'POST', headers: { ...json, authorization: `Bearer ${member}` }, body: '{}' })).toBe(401);
    expect(await req('/api/meetings')).toBe(405);
    expect(await req(`/api/meetings/${created.id}/minutes.txt`, { headers: { authorization: `Bearer ${member}` } })).toBe(401);
    expect(await req(`/api/meetings/${created.id}/members/p1/link`, { method: 'POST', headers: { authorization: `Bearer ${member}` } })).toBe(401);
    expect(await req(`/api/meetings/${created.id}/members/nobody/link`, { method: 'POST', headers: json })).toBe(404);
    expect(await req('/%E0%A4%A')).toBe(404);
    expect(await req('/..%2f..%2f..%2fetc%2fpasswd')).toBe(404);
    expect(await req('/member/%00')).toBe(404);
    expect(await req('/api/' + 'x'.repeat(5000))).toBe(404);
    // Still alive and correct.
    const reissued = await fetch(`${server.url}/api/meetings/${created.id}/members/p1/link`, { method: 'POST', headers: json });
    expect(reissued.status).toBe(200);
    expect(((await reissued.json()) as { joinUrl: string }).joinUrl).toMatch(/\/member\/#token=/);
  });
});

/** A 70 kB frame exceeds maxHttpBufferSize: the server drops that connection and nothing else. */
async function sendOversized(members: TestClient[], index: number, link: string, pollId: string): Promise<'disconnected' | 'survived'> {
  const victim = members[index]!;
  const closed = new Promise<'disconnected'>((resolve) => victim.once('disconnect', () => resolve('disconnected')));
  (victim as unknown as { emit(e: string, p: unknown): void }).emit('ballot:cast', { pollId, choice: 'yes', ballotId: 'x'.repeat(70_000) });
  const result = await Promise.race([closed, new Promise<'survived'>((r) => setTimeout(() => r('survived'), 5_000))]);
  victim.disconnect();
  members[index] = await connectClient(server.url, tokenOf(link));
  clients.push(members[index]!);
  return result;
}
