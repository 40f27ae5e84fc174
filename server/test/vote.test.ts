import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Choice } from '../../shared/meeting/model.ts';
import { connectClient, STORES, tokenOf, useTestServer, type TestClient } from './harness.ts';

describe.each(STORES)('on %s', (store) => {
  const t = useTestServer(store);

  /** The demo meeting with chair, display and all members connected and checked in ("Anwesend"). */
  async function demo() {
    const created = await t.server.createMeeting();
    const chair = await t.join(created.chairUrl);
    const display = await t.join(created.displayUrl);
    const members = await Promise.all(created.members.map((m) => t.join(m.joinUrl)));
    const checkIns = await Promise.all(members.map((m) => m.call('attendance:self', { present: true })));
    if (!checkIns.every((r) => r.ok)) throw new Error('check-in failed');
    const item = chair.snapshot().agenda.find((i) => i.number === 'Ö 12')!;
    return { created, chair, display, members, item, voting: members.slice(0, 10), advisory: members[10]! };
  }

  async function openPoll(chair: TestClient, itemId: string): Promise<string> {
    const res = await chair.call<{ pollId: string }>('poll:open', { itemId });
    if (!res.ok) throw new Error(res.error.message);
    return res.data.pollId;
  }

  const vote = (c: TestClient, pollId: string, choice: Choice, ballotId = `b-${Math.random().toString(36).slice(2, 12)}`) =>
    c.call('ballot:cast', { pollId, choice, ballotId });

  function minutes(meetingId: string, token: string) {
    return fetch(`${t.server.url}/api/meetings/${meetingId}/minutes.txt`, { headers: { authorization: `Bearer ${token}` } });
  }

  describe('the seed vote over real sockets', () => {
    it('runs a full vote: progress without tally, result only after publication, minute block', async () => {
      const { created, chair, display, voting, item } = await demo();
      const pollId = await openPoll(chair, item.id);
      await display.waitFor((s) => s.currentItemId === item.id && s.polls.some((p) => p.id === pollId && p.status === 'open'));

      const acks = await Promise.all(voting.map((m) => vote(m, pollId, 'yes')));
      expect(acks.every((a) => a.ok)).toBe(true);

      const during = await display.waitFor((s) => s.polls.find((p) => p.id === pollId)?.castCount === 10);
      expect(during.polls.find((p) => p.id === pollId)).toMatchObject({ castCount: 10, eligibleCount: 10, counts: null, verdict: null });
      const chairView = await chair.waitFor((s) => s.polls.find((p) => p.id === pollId)?.votedMemberIds?.length === 10);
      expect(chairView.polls.find((p) => p.id === pollId)?.counts).toBeNull();

      expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
      const closed = await display.waitFor((s) => s.polls.find((p) => p.id === pollId)?.status === 'closed');
      expect(closed.polls.find((p) => p.id === pollId)?.counts).toBeNull();
      const chairClosed = await chair.waitFor((s) => s.polls.find((p) => p.id === pollId)?.status === 'closed');
      expect(chairClosed.polls.find((p) => p.id === pollId)?.counts).toEqual({ yes: 10, no: 0, abstain: 0 });

      expect((await chair.call('poll:publish', { pollId })).ok).toBe(true);
      const published = await display.waitFor((s) => s.polls.find((p) => p.id === pollId)?.status === 'published');
      const poll = published.polls.find((p) => p.id === pollId)!;
      expect(poll.counts).toEqual({ yes: 10, no: 0, abstain: 0 });
      expect(poll.verdict).toMatchObject({ passed: true, outcome: 'unanimous' });

      const res = await minutes(created.id, tokenOf(created.chairUrl));
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(
        [
          'TOP Ö 12 – Integrationskonzept des Landkreises Peine (Vorlage 2022/032)',
          'Beschlussart: ungeändert beschlossen',
          'Abstimmungsergebnis: Einstimmig',
          'Ja-Stimmen: 10',
          'Nein-Stimmen: -',
          'Enthaltung/en: -',
        ].join('\n'),
      );
    });

    it('keeps one ballot per member: a second tap changes the choice, a replay changes nothing', async () => {
      const { chair, voting, item } = await demo();
      const pollId = await openPoll(chair, item.id);
      const m = voting[0]!;
      expect((await vote(m, pollId, 'yes', 'ballot-one-1')).ok).toBe(true);
      expect((await vote(m, pollId, 'no', 'ballot-two-2')).ok).toBe(true);
      const replay = await vote(m, pollId, 'no', 'ballot-two-2');
      expect(replay).toEqual({ ok: true, data: { pollId, choice: 'no', ballotId: 'ballot-two-2' } });
      expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
      const s = await chair.waitFor((x) => x.polls.find((p) => p.id === pollId)?.status === 'closed');
      expect(s.polls.find((p) => p.id === pollId)?.counts).toEqual({ yes: 0, no: 1, abstain: 0 });

      expect(await t.server.rows('SELECT count(*) AS n FROM ballots WHERE poll_id = ?', pollId)).toEqual([{ n: 1 }]);
      // The database itself refuses a second row for the same member and poll.
      await expect(
        t.server.rows(`INSERT INTO ballots (poll_id, member_id, choice, ballot_id, cast_at) VALUES (?, 'p1', 'yes', 'x', 'now')`, pollId),
      ).rejects.toThrow(/UNIQUE|duplicate key/);
    });

    it('rejects a vote after the close, from an advisory member, and a chair command from a member', async () => {
      const { chair, voting, advisory, item } = await demo();
      const pollId = await openPoll(chair, item.id);
      expect(await vote(advisory, pollId, 'yes')).toMatchObject({ ok: false, error: { code: 'not_eligible' } });
      expect(await voting[1]!.call('poll:close', { pollId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await vote(voting[0]!, pollId, 'maybe' as Choice)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
      expect(await vote(voting[0]!, pollId, 'yes')).toMatchObject({ ok: false, error: { code: 'poll_not_open' } });
      const s = await chair.waitFor((x) => x.polls.find((p) => p.id === pollId)?.status === 'closed');
      expect(s.polls.find((p) => p.id === pollId)?.counts).toEqual({ yes: 0, no: 0, abstain: 0 });
    });

    it('refuses an unknown token at the handshake', async () => {
      await t.server.createMeeting();
      await expect(connectClient(t.server.url, 'not-a-real-token-at-all')).rejects.toThrow('unauthorized');
    });

    it('never shows the display a non-public item, nor any token', async () => {
      const { created, chair, display } = await demo();
      const closedItem = chair.snapshot().agenda.find((i) => !i.public)!;
      expect((await chair.call('item:select', { itemId: closedItem.id })).ok).toBe(true);
      const s = await display.waitFor((x) => x.currentItemId === closedItem.id);
      expect(s.agenda.find((i) => i.id === closedItem.id)).toMatchObject({ name: '', paper: null });
      const raw = JSON.stringify(s);
      for (const m of created.members) expect(raw).not.toContain(tokenOf(m.joinUrl));
      expect(raw).not.toContain('Migrationsberatung');
    });

    it('keeps the open poll and every acknowledged ballot across a restart', async () => {
      const { created, chair, voting, item } = await demo();
      const pollId = await openPoll(chair, item.id);
      const acks = await Promise.all(voting.slice(0, 6).map((m, i) => vote(m, pollId, i % 2 ? 'no' : 'yes')));
      expect(acks.every((a) => a.ok)).toBe(true);
      await t.restart();
      const chair2 = await t.join(created.chairUrl);
      const poll = chair2.snapshot().polls.find((p) => p.id === pollId)!;
      expect(poll.status).toBe('open');
      expect(poll.castCount).toBe(6);
      const late = await t.join(created.members[7]!.joinUrl);
      expect((await vote(late, pollId, 'abstain')).ok).toBe(true);
      expect((await chair2.call('poll:close', { pollId })).ok).toBe(true);
      const s = await chair2.waitFor((x) => x.polls.find((p) => p.id === pollId)?.status === 'closed');
      expect(s.polls.find((p) => p.id === pollId)?.counts).toEqual({ yes: 3, no: 3, abstain: 1 });
    });

    it('answers out-of-order chair commands with a clear error and leaves the state unchanged', async () => {
      const { chair, item } = await demo();
      const other = chair.snapshot().agenda[0]!;
      const pollId = await openPoll(chair, item.id);
      expect(await chair.call('poll:open', { itemId: other.id })).toMatchObject({ ok: false, error: { code: 'poll_already_open' } });
      expect(await chair.call('poll:publish', { pollId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await chair.call('poll:close', { pollId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(chair.snapshot().polls.filter((p) => p.status === 'open').map((p) => p.id)).toEqual([pollId]);
    });
  });

  describe('POST /api/meetings', () => {
    const post = (body: unknown, token = t.server.adminToken) =>
      fetch(`${t.server.url}/api/meetings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    it('creates a meeting and answers with absolute links', async () => {
      const created = await t.server.createMeeting();
      expect(created.chairUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/chair\/#token=[\w-]{22}$/);
      expect(created.members).toHaveLength(11);
      expect(created.members[0]).toMatchObject({ id: 'p1', name: 'Herr Marotz' });
    });

    it('names the bad field', async () => {
      const res = await post({ body: 'x', organization: 'y', name: 'z', start: '2022-03-22T17:00:00+01:00', members: [{ id: 'p1', name: 'A', votingRight: 'yes' }], agenda: [{ number: 'Ö 1', name: 'a' }] });
      expect(res.status).toBe(400);
      expect((await res.json()) as unknown).toEqual({ error: expect.stringMatching(/^members\[0\]\.votingRight: /) });
      const advisoryVoter = await post({ body: 'x', organization: 'y', name: 'z', start: '2022-03-22T17:00:00+01:00', members: [{ id: 'p1', name: 'A', votingRight: true }, { id: 'p2', name: 'B', role: 'advisory', votingRight: true }], agenda: [{ number: 'Ö 1', name: 'a' }] });
      expect(advisoryVoter.status).toBe(400);
      expect(await advisoryVoter.json()).toEqual({ error: 'members[1]: an advisory member (beratend) cannot have a voting right' });
      const noStart = await post({ body: 'x', organization: 'y', name: 'z', members: [], agenda: [] });
      expect(await noStart.json()).toEqual({ error: expect.stringMatching(/^start: /) });
    });

    it('requires the admin token', async () => {
      expect((await post({}, 'wrong')).status).toBe(401);
    });
  });
});
