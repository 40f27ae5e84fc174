import { describe, expect, it } from 'vitest';
import type { Choice } from '../../shared/meeting/model.ts';
import type { ClientToServerEvents } from '../../shared/protocol/events.ts';
import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import { STORES, type TestClient, useTestServer } from './harness.ts';

describe.each(STORES)('on %s', (store) => {
  const t = useTestServer(store);

  async function ok<T>(p: Promise<{ ok: boolean; data?: T; error?: { message: string } }>): Promise<T> {
    const r = await p;
    if (!r.ok) throw new Error(r.error?.message);
    return r.data as T;
  }

  const vote = (c: TestClient, pollId: string, choice: Choice) =>
    c.call('ballot:cast', { pollId, choice, ballotId: `b-${Math.random().toString(36).slice(2, 12)}` });

  const minutes = async (meetingId: string) =>
    (await fetch(`${t.server.url}/api/meetings/${meetingId}/minutes.txt`, { headers: { authorization: `Bearer ${t.server.adminToken}` } })).text();

  const pollIn = (s: MeetingSnapshot, id: string) => s.polls.find((p) => p.id === id);

  /** What a command may change, to prove a refused one changed nothing. */
  const stateOf = (s: MeetingSnapshot) => JSON.stringify({ polls: s.polls, current: s.currentItemId, kinds: s.decisionKinds });

  describe('chair commands', () => {
    it('refuses every chair command from a member or display token, and nothing changes', async () => {
      const { chair, display, members, item } = await t.demo();
      const pollId = (await ok<{ pollId: string }>(chair.call('poll:open', { itemId: item('Ö 10').id }))).pollId;
      await ok(chair.call('poll:close', { pollId }));
      const before = stateOf(await chair.waitFor((s) => pollIn(s, pollId)?.status === 'closed'));
      const commands: [keyof ClientToServerEvents, unknown][] = [
        ['item:select', { itemId: item('Ö 12').id }],
        ['poll:open', { itemId: item('Ö 12').id }],
        ['poll:close', { pollId }],
        ['poll:publish', { pollId }],
        ['poll:handCount', { itemId: item('Ö 12').id, counts: { yes: 1, no: 0, abstain: 0 } }],
        ['poll:invalidate', { pollId, repeat: true }],
        ['item:decisionKind', { itemId: item('Ö 11').id, kind: 'noted' }],
      ];
      for (const who of [members[1]!, display]) {
        for (const [event, payload] of commands) {
          expect({ event, result: await who.call(event, payload) }).toMatchObject({ event, result: { ok: false, error: { code: 'forbidden' } } });
        }
      }
      // A round trip through the chair's own connection: every refused command had its turn first.
      await ok(chair.call('item:select', { itemId: item('Ö 10').id }));
      expect(stateOf(chair.snapshot())).toBe(before);
    });

    it('answers out-of-order commands with a clear error and leaves the state unchanged', async () => {
      const { chair, members, item } = await t.demo();
      // Two starts at once: exactly one wins.
      const [a, b] = await Promise.all([
        chair.call<{ pollId: string }>('poll:open', { itemId: item('Ö 10').id }),
        chair.call<{ pollId: string }>('poll:open', { itemId: item('Ö 12').id }),
      ]);
      expect([a.ok, b.ok].sort()).toEqual([false, true]);
      const refused = a.ok ? b : a;
      expect(refused).toMatchObject({ ok: false, error: { code: 'poll_already_open', message: 'Another vote is still open' } });
      const pollId = (a.ok ? a : b.ok ? b : null)!.data.pollId;
      await vote(members[0]!, pollId, 'yes');
      const open = stateOf(await chair.waitFor((s) => pollIn(s, pollId)?.votedMemberIds?.length === 1));

      const expectRefused = async (event: keyof ClientToServerEvents, payload: unknown, code: string) =>
        expect({ event, r: await chair.call(event, payload) }).toMatchObject({ event, r: { ok: false, error: { code } } });
      await expectRefused('poll:publish', { pollId }, 'conflict');
      await expectRefused('poll:invalidate', { pollId }, 'conflict');
      await expectRefused('poll:handCount', { itemId: item('Ö 3').id, counts: { yes: 1, no: 0, abstain: 0 } }, 'poll_already_open');
      await expectRefused('poll:close', { pollId: 'no-such-poll' }, 'not_found');
      await expectRefused('item:decisionKind', { itemId: 'no-such-item', kind: 'noted' }, 'not_found');
      await expectRefused('item:decisionKind', { itemId: item('Ö 3').id, kind: 'approved-ish' }, 'invalid_payload');
      await ok(chair.call('item:select', { itemId: chair.snapshot().currentItemId }));
      expect(stateOf(chair.snapshot())).toBe(open);

      await ok(chair.call('poll:close', { pollId }));
      const closed = stateOf(await chair.waitFor((s) => pollIn(s, pollId)?.status === 'closed'));
      await expectRefused('poll:close', { pollId }, 'poll_not_open');
      // A decided item is not voted on again unless the round is declared invalid first.
      await expectRefused('poll:open', { itemId: pollIn(chair.snapshot(), pollId)!.itemId }, 'result_exists');
      await expectRefused('poll:handCount', { itemId: pollIn(chair.snapshot(), pollId)!.itemId, counts: { yes: 1, no: 0, abstain: 0 } }, 'result_exists');
      await expectRefused('poll:handCount', { itemId: item('Ö 3').id, counts: { yes: 9, no: 1, abstain: 1 } }, 'invalid_counts');
      await expectRefused('poll:handCount', { itemId: item('Ö 3').id, counts: { yes: -1, no: 0, abstain: 0 } }, 'invalid_payload');
      await expectRefused('poll:handCount', { itemId: item('Ö 3').id, counts: { yes: 1.5, no: 0, abstain: 0 } }, 'invalid_payload');
      await ok(chair.call('item:select', { itemId: chair.snapshot().currentItemId }));
      expect(stateOf(chair.snapshot())).toBe(closed);

      await ok(chair.call('poll:invalidate', { pollId }));
      await expectRefused('poll:invalidate', { pollId }, 'conflict');
    });
  });

  describe('the record of a meeting', () => {
    it('takes a hand count, validated against the members entitled to vote, marked on the display and in the minutes', async () => {
      const { created, chair, display, item } = await t.demo();
      const pollId = (await ok<{ pollId: string }>(chair.call('poll:handCount', { itemId: item('Ö 10').id, counts: { yes: 7, no: 2, abstain: 1 } }))).pollId;
      const shown = await chair.waitFor((s) => pollIn(s, pollId)?.status === 'closed');
      expect(pollIn(shown, pollId)).toMatchObject({ countedByHand: true, counts: { yes: 7, no: 2, abstain: 1 }, castCount: 10, mode: 'open' });
      expect(shown.currentItemId).toBe(item('Ö 10').id);
      await ok(chair.call('poll:publish', { pollId }));
      const published = await display.waitFor((s) => pollIn(s, pollId)?.status === 'published');
      expect(pollIn(published, pollId)).toMatchObject({ countedByHand: true, verdict: { passed: true, outcome: 'majority' } });
      expect(await minutes(created.id)).toContain(
        'TOP Ö 10 – Förderung der Schuldner- und Insolvenzberatung 2022 (Vorlage 2022/027)\nBeschlussart: ungeändert beschlossen\nAbstimmungsergebnis: Mehrheitlich\nJa-Stimmen: 7\nNein-Stimmen: 2\nEnthaltung/en: 1\nAbstimmung per Handzeichen.',
      );
    });

    it('declares a round invalid and repeats it: both rounds stay, the minutes use the new one', async () => {
      const { created, chair, display, members, item } = await t.demo();
      const first = (await ok<{ pollId: string }>(chair.call('poll:open', { itemId: item('Ö 12').id, mode: 'rollCall', rollCallLive: true }))).pollId;
      await Promise.all(members.map((m, i) => vote(m, first, i < 4 ? 'yes' : 'no')));
      await ok(chair.call('poll:close', { pollId: first }));
      await ok(chair.call('poll:publish', { pollId: first }));
      const { pollId: second } = await ok<{ pollId: string | null }>(chair.call('poll:invalidate', { pollId: first, repeat: true }));
      expect(second).toBeTruthy();
      const s = await display.waitFor((x) => pollIn(x, second!)?.status === 'open');
      expect(pollIn(s, first)).toMatchObject({ status: 'invalid', round: 1, invalidatedAt: expect.any(String), closedAt: expect.any(String) });
      // The repetition keeps mode and the chair's live choice.
      expect(pollIn(s, second!)).toMatchObject({ status: 'open', round: 2, mode: 'rollCall', rollCallLive: true, castCount: 0 });
      await Promise.all(members.map((m) => vote(m, second!, 'yes')));
      await ok(chair.call('poll:close', { pollId: second }));
      await ok(chair.call('poll:publish', { pollId: second }));
      const text = await minutes(created.id);
      expect(text).toContain('Abstimmungsergebnis: Einstimmig\nJa-Stimmen: 10\nNein-Stimmen: -\nEnthaltung/en: -\nNamentliche Abstimmung:');
      expect(text).toMatch(/Die 1\. Abstimmung \(\d\d:\d\d Uhr\) wurde für ungültig erklärt und wiederholt\./);
      expect(text).not.toContain('Ja-Stimmen: 4');
    });

    it('shows a roll-call grid on the display live only when the chair chose so, and lists names in the minutes', async () => {
      const { created, chair, display, members, item } = await t.demo();
      const atEnd = (await ok<{ pollId: string }>(chair.call('poll:open', { itemId: item('Ö 10').id, mode: 'rollCall' }))).pollId;
      await vote(members[0]!, atEnd, 'yes');
      await display.waitFor((s) => pollIn(s, atEnd)?.castCount === 1);
      expect(pollIn(display.snapshot(), atEnd)?.rollCall).toBeUndefined();
      await Promise.all(members.slice(1, 9).map((m, i) => vote(m, atEnd, i % 3 === 0 ? 'no' : i % 3 === 1 ? 'abstain' : 'yes')));
      await ok(chair.call('poll:close', { pollId: atEnd }));
      expect(pollIn(await display.waitFor((s) => pollIn(s, atEnd)?.status === 'closed'), atEnd)?.rollCall).toBeUndefined();
      await ok(chair.call('poll:publish', { pollId: atEnd }));
      const grid = pollIn(await display.waitFor((s) => pollIn(s, atEnd)?.status === 'published'), atEnd)!.rollCall!;
      expect(grid).toHaveLength(10);
      expect(grid[0]).toEqual({ memberId: 'p1', choice: 'yes' });
      expect(grid[9]).toEqual({ memberId: 'p10', choice: null });

      const live = (await ok<{ pollId: string }>(chair.call('poll:open', { itemId: item('Ö 12').id, mode: 'rollCall', rollCallLive: true }))).pollId;
      await vote(members[2]!, live, 'no');
      const during = await display.waitFor((s) => pollIn(s, live)?.rollCall?.some((e) => e.choice === 'no') === true);
      expect(pollIn(during, live)).toMatchObject({ counts: null, verdict: null });
      expect(pollIn(during, live)!.rollCall!.find((e) => e.memberId === 'p3')).toEqual({ memberId: 'p3', choice: 'no' });
      await ok(chair.call('poll:close', { pollId: live }));

      const text = await minutes(created.id);
      expect(text).toContain(
        'Namentliche Abstimmung:\n  Ja: Herr Marotz, Frau Schrader, Herr Oppermann\n  Nein: Frau Wilke, Herr Brandes, Frau Bertram\n  Enthaltung: Herr Kirchmann, Frau Lüddecke, Herr Kühn\n  Nicht abgestimmt: Frau Nolte',
      );
    });

    it('never shows anyone but the record per-member choices of an open vote', async () => {
      const { chair, display, members, item } = await t.demo();
      const pollId = (await ok<{ pollId: string }>(chair.call('poll:open', { itemId: item('Ö 12').id }))).pollId;
      await Promise.all(members.map((m) => vote(m, pollId, 'yes')));
      await ok(chair.call('poll:close', { pollId }));
      await ok(chair.call('poll:publish', { pollId }));
      for (const c of [chair, display, members[0]!]) {
        const s = await c.waitFor((x) => pollIn(x, pollId)?.status === 'published');
        expect(pollIn(s, pollId)?.rollCall).toBeUndefined();
      }
    });

    it('keeps the clerk’s Beschlussart per item, also for items without a vote, and both chair devices in sync', async () => {
      const { created, chair, item } = await t.demo();
      const deputy = await t.join(created.chairUrl);
      await ok(chair.call('item:decisionKind', { itemId: item('Ö 11').id, kind: 'noted' }));
      await ok(chair.call('item:decisionKind', { itemId: item('Ö 13').id, kind: 'postponed' }));
      await ok(chair.call('item:decisionKind', { itemId: item('Ö 13').id, kind: null }));
      const pollId = (await ok<{ pollId: string }>(chair.call('poll:handCount', { itemId: item('Ö 12').id, counts: { yes: 6, no: 0, abstain: 0 } }))).pollId;
      await ok(deputy.call('item:decisionKind', { itemId: item('Ö 12').id, kind: 'adoptedAmended' }));
      const synced = await chair.waitFor((s) => s.decisionKinds?.[item('Ö 12').id] === 'adoptedAmended');
      expect(synced.decisionKinds).toEqual({ [item('Ö 11').id]: 'noted', [item('Ö 12').id]: 'adoptedAmended' });
      expect(pollIn(await deputy.waitFor((s) => !!pollIn(s, pollId)), pollId)?.status).toBe('closed');
      const text = await minutes(created.id);
      expect(text).toContain('TOP Ö 11 – Bericht der Verwaltung zur Aufnahme Geflüchteter aus der Ukraine\nBeschlussart: zur Kenntnis genommen');
      expect(text).toContain('Beschlussart: geändert beschlossen\nAbstimmungsergebnis: Einstimmig\nJa-Stimmen: 6');
      expect(text).not.toContain('Ö 13');
      // The display never learns the Beschlussart map (the clerk's working state).
      expect((await t.join(created.displayUrl)).snapshot().decisionKinds).toBeUndefined();
    });
  });
});
