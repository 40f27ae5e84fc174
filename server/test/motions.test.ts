import { describe, expect, it } from 'vitest';
import type { Choice } from '../../shared/meeting/model.ts';
import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import { STORES, type TestClient, useTestServer } from './harness.ts';

/** Amendments and Sammelabstimmung over real sockets, a real SQLite file and a restart. */

describe.each(STORES)('on %s', (store) => {
  const t = useTestServer(store);

  async function ok<T>(p: Promise<{ ok: boolean; data?: T; error?: { message: string } }>): Promise<T> {
    const r = await p;
    if (!r.ok) throw new Error(r.error?.message);
    return r.data as T;
  }

  let ballots = 0;
  /** Opens the vote, the first `yes` members vote Ja and the rest Nein, closes and publishes it. */
  async function runVote(chair: TestClient, members: TestClient[], open: Record<string, unknown>, yes: number): Promise<string> {
    const { pollId } = await ok<{ pollId: string }>(chair.call('poll:open', open));
    await Promise.all(members.map((m) => m.waitFor((s) => s.polls.some((p) => p.id === pollId && p.status === 'open'))));
    await Promise.all(
      members.map((m, i) => ok(m.call('ballot:cast', { pollId, choice: (i < yes ? 'yes' : 'no') as Choice, ballotId: `ballot-${++ballots}-xxxx` }))),
    );
    await ok(chair.call('poll:close', { pollId }));
    await ok(chair.call('poll:publish', { pollId }));
    return pollId;
  }

  const minutes = async (meetingId: string) =>
    (await fetch(`${t.server.url}/api/meetings/${meetingId}/minutes.txt`, { headers: { authorization: `Bearer ${t.server.adminToken}` } })).text();
  const blockOf = (text: string, number: string) => text.trimEnd().split('\n\n').find((b) => b.startsWith(`TOP ${number} `));
  const amendmentsIn = (s: MeetingSnapshot, itemId: string) => (s.motions ?? []).filter((m) => m.itemId === itemId).sort((a, b) => a.position - b.position);

  describe('amendments over sockets', () => {
    it('two amendments in the chair’s order, then the main motion in the amended form; every screen names the subject; kept across a restart', async () => {
      const { created, chair, display, members, item } = await t.demo();
      const itemId = item('Ö 12').id;
      const cdu = (await ok<{ motionId: string }>(chair.call('motion:add', { itemId, mover: 'der CDU-Fraktion', text: 'Satz 2 entfällt.' }))).motionId;
      const spd = (await ok<{ motionId: string }>(chair.call('motion:add', { itemId, mover: 'der SPD-Fraktion', text: 'Die Frist wird verlängert.' }))).motionId;
      await ok(chair.call('motion:move', { motionId: spd, direction: 'up' }));
      const s = await chair.waitFor((x) => amendmentsIn(x, itemId)[0]?.id === spd);
      expect(amendmentsIn(s, itemId).map((m) => m.mover)).toEqual(['der SPD-Fraktion', 'der CDU-Fraktion']);

      // Out of order is refused, with a reason.
      expect(await chair.call('poll:open', { itemId })).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Vote on amendment 1 before the main motion' } });
      expect(await chair.call('poll:open', { itemId, motionId: cdu })).toMatchObject({ ok: false, error: { code: 'conflict' } });

      const { pollId } = await ok<{ pollId: string }>(chair.call('poll:open', { itemId, motionId: spd }));
      const tablet = await members[3]!.waitFor((x) => x.polls.some((p) => p.id === pollId));
      expect(tablet.polls.find((p) => p.id === pollId)!.subject).toEqual({ kind: 'amendment', motionId: spd, number: 1, mover: 'der SPD-Fraktion', text: 'Die Frist wird verlängert.' });
      expect(tablet.motions).toBeUndefined();
      const shown = await display.waitFor((x) => x.polls.some((p) => p.id === pollId));
      expect(shown.polls.find((p) => p.id === pollId)!.subject).toMatchObject({ kind: 'amendment', number: 1 });
      // The same ballot as any decision.
      await Promise.all(members.map((m, i) => ok(m.call('ballot:cast', { pollId, choice: i < 6 ? 'yes' : 'no', ballotId: `first-${i}-xxxx` }))));
      await ok(chair.call('poll:close', { pollId }));
      await ok(chair.call('poll:publish', { pollId }));

      await runVote(chair, members, { itemId, motionId: cdu, mode: 'rollCall' }, 2);
      const main = await runVote(chair, members, { itemId }, 10);
      const after = await members[0]!.waitFor((x) => x.polls.some((p) => p.id === main && p.status === 'published'));
      expect(after.polls.find((p) => p.id === main)!.subject).toEqual({ kind: 'main', amended: true });
      // Nothing changes an item's amendments once its main motion has a result.
      expect(await chair.call('motion:add', { itemId, mover: 'der FDP', text: 'zu spät' })).toMatchObject({ ok: false, error: { code: 'result_exists' } });
      expect(await chair.call('motion:remove', { motionId: spd })).toMatchObject({ ok: false, error: { code: 'conflict' } });

      const expected = [
        'TOP Ö 12 – Integrationskonzept des Landkreises Peine (Vorlage 2022/032)',
        'Änderungsantrag 1 der SPD-Fraktion:',
        'Die Frist wird verlängert.',
        'Abstimmungsergebnis: Mehrheitlich',
        'Ja-Stimmen: 6',
        'Nein-Stimmen: 4',
        'Enthaltung/en: -',
        'Der Änderungsantrag ist angenommen.',
        'Änderungsantrag 2 der CDU-Fraktion:',
        'Satz 2 entfällt.',
        'Abstimmungsergebnis: Abgelehnt',
        'Ja-Stimmen: 2',
        'Nein-Stimmen: 8',
        'Enthaltung/en: -',
        'Der Änderungsantrag ist abgelehnt.',
        'Namentliche Abstimmung:',
        '  Ja: Herr Marotz, Frau Wilke',
        '  Nein: Herr Kirchmann, Frau Schrader, Herr Brandes, Frau Lüddecke, Herr Oppermann, Frau Bertram, Herr Kühn, Frau Nolte',
        '  Enthaltung: keine',
        'Abstimmung über den Hauptantrag in der geänderten Fassung:',
        'Beschlussart: geändert beschlossen',
        'Abstimmungsergebnis: Einstimmig',
        'Ja-Stimmen: 10',
        'Nein-Stimmen: -',
        'Enthaltung/en: -',
      ].join('\n');
      expect(blockOf(await minutes(created.id), 'Ö 12')).toBe(expected);

      // The record is the database's: a restart reads the same amendments, rounds and minutes.
      await t.restart();
      expect(blockOf(await minutes(created.id), 'Ö 12')).toBe(expected);
      const again = await t.join(created.chairUrl);
      expect(again.snapshot().polls.filter((p) => p.itemId === itemId).map((p) => [p.round, p.subject?.kind])).toEqual([
        [1, 'amendment'],
        [1, 'amendment'],
        [1, 'main'],
      ]);
    });

    it('repeats an amendment round as the same amendment', async () => {
      const { chair, members, item } = await t.demo();
      const itemId = item('Ö 10').id;
      const motionId = (await ok<{ motionId: string }>(chair.call('motion:add', { itemId, mover: 'der Gruppe', text: 'x' }))).motionId;
      const first = await runVote(chair, members, { itemId, motionId }, 3);
      const repeat = (await ok<{ pollId: string }>(chair.call('poll:invalidate', { pollId: first, repeat: true }))).pollId!;
      const s = await chair.waitFor((x) => x.polls.some((p) => p.id === repeat));
      expect(s.polls.find((p) => p.id === repeat)).toMatchObject({ motionId, round: 2, status: 'open', subject: { kind: 'amendment', number: 1 } });
    });

    it('refuses malformed amendment commands and any from a tablet or the display, and nothing changes', async () => {
      const { chair, display, members, item } = await t.demo();
      const itemId = item('Ö 12').id;
      for (const bad of [
        { itemId, mover: '', text: 'x' },
        { itemId, mover: '   ', text: 'x' },
        { itemId, mover: 'a\u0007b', text: 'x' },
        { itemId, mover: 'a', text: 'x'.repeat(4001) },
        { itemId, mover: 'a', text: 'x', extra: 1 },
        { itemId: 42, mover: 'a', text: 'x' },
      ]) {
        expect(await chair.call('motion:add', bad)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      }
      expect(await chair.call('motion:add', { itemId: 'nope', mover: 'a', text: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await chair.call('motion:move', { motionId: 'nope', direction: 'sideways' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      expect(await chair.call('poll:open', { itemId, motionId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      for (const c of [display, members[0]!]) {
        expect(await c.call('motion:add', { itemId, mover: 'a', text: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(await c.call('motion:remove', { motionId: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      expect(chair.snapshot().motions).toEqual([]);
    });
  });

  describe('Sammelabstimmung over sockets', () => {
    it('one vote over three items: tablets and display name them, each item gets the result in minutes and results.json', async () => {
      const { created, chair, display, members, item } = await t.demo();
      const ids = ['Ö 1', 'Ö 2', 'Ö 3'].map((n) => item(n).id);
      // The chair took Ö 11 out of the bloc on an objection: it is simply not listed.
      const pollId = await runVote(chair, members, { itemId: ids[0], blocItemIds: [ids[2], ids[1], ids[0]] }, 9);
      const tablet = await members[1]!.waitFor((s) => s.polls.some((p) => p.id === pollId && p.status === 'published'));
      expect(tablet.polls.find((p) => p.id === pollId)).toMatchObject({ blocItemIds: ids, subject: { kind: 'bloc', itemIds: ids } });
      const shown = await display.waitFor((s) => s.polls.some((p) => p.id === pollId && p.status === 'published'));
      expect(shown.polls.find((p) => p.id === pollId)!.counts).toEqual({ yes: 9, no: 1, abstain: 0 });
      // A decided item of the bloc cannot be voted on again by itself.
      expect(await chair.call('poll:open', { itemId: ids[1] })).toMatchObject({ ok: false, error: { code: 'result_exists' } });

      const text = await minutes(created.id);
      for (const n of ['Ö 1', 'Ö 2', 'Ö 3']) {
        expect(blockOf(text, n)!.split('\n').slice(1)).toEqual([
          'Beschlussart: ungeändert beschlossen',
          'Abstimmungsergebnis: Mehrheitlich',
          'Ja-Stimmen: 9',
          'Nein-Stimmen: 1',
          'Enthaltung/en: -',
          'Abstimmung in Sammelabstimmung (TOP Ö 1, Ö 2, Ö 3).',
        ]);
      }
      expect(blockOf(text, 'Ö 11')).toBeUndefined();
      const json = (await (await fetch(`${t.server.url}/api/meetings/${created.id}/results.json`, { headers: { authorization: `Bearer ${t.server.adminToken}` } })).json()) as {
        items: { number: string; rounds: { pollId: string; bloc: string[] | null }[] }[];
      };
      expect(json.items.filter((i) => i.rounds.length).map((i) => [i.number, i.rounds[0]!.pollId, i.rounds[0]!.bloc])).toEqual(
        ['Ö 1', 'Ö 2', 'Ö 3'].map((n) => [n, pollId, ['Ö 1', 'Ö 2', 'Ö 3']]),
      );
    });

    it('refuses a bloc with a non-public item or a Mitwirkungsverbot, and malformed lists', async () => {
      const { chair, item } = await t.demo();
      const [a, b] = [item('Ö 1').id, item('Ö 2').id];
      expect(await chair.call('poll:open', { itemId: a, blocItemIds: [a, item('N 1').id] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      await ok(chair.call('exclusion:set', { itemId: b, memberId: 'p2', excluded: true }));
      expect(await chair.call('poll:open', { itemId: a, blocItemIds: [a, b] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await chair.call('poll:open', { itemId: a, blocItemIds: [a] })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      expect(await chair.call('poll:open', { itemId: a, blocItemIds: 'all' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      expect(chair.snapshot().polls).toEqual([]);
    });
  });
});
