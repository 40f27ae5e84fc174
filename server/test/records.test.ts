import { describe, expect, it } from 'vitest';
import type { Choice } from '../../shared/meeting/model.ts';
import type { MeetingSpecInput } from '../../shared/protocol/meetingSpec.ts';
import { DEMO_MEETING } from '../demo/demoMeeting.ts';
import { STORES, type TestClient, useTestServer } from './harness.ts';

/** § 68 recorded votes, group-wise minuting and minute formats, over real sockets and HTTP. */

describe.each(STORES)('on %s', (store) => {
  const t = useTestServer(store);

  const GROUPS = ['SPD-Fraktion', 'SPD-Fraktion', 'SPD-Fraktion', 'SPD-Fraktion', 'CDU-Fraktion', 'CDU-Fraktion', 'CDU-Fraktion', 'FDP-Fraktion', 'FDP-Fraktion', null];
  const grouped = (extra: Partial<MeetingSpecInput> = {}): MeetingSpecInput => ({
    ...DEMO_MEETING,
    members: DEMO_MEETING.members!.map((m, i) => ({ ...m, group: GROUPS[i] ?? null })),
    ...extra,
  });

  async function setUp(spec: MeetingSpecInput = grouped()) {
    const created = await t.server.createMeeting(spec);
    const chair = await t.join(created.chairUrl);
    const members = await Promise.all(created.members.slice(0, 10).map((m) => t.join(m.joinUrl)));
    for (const m of members) expect((await m.call('attendance:self', { present: true })).ok).toBe(true);
    const item = chair.snapshot().agenda.find((i) => i.number === 'Ö 12')!;
    return { created, chair, members, item };
  }

  async function ok<T>(p: Promise<{ ok: boolean; data?: T; error?: { message: string } }>): Promise<T> {
    const r = await p;
    if (!r.ok) throw new Error(r.error?.message);
    return r.data as T;
  }

  let seq = 0;
  const vote = (c: TestClient, pollId: string, choice: Choice) => ok(c.call('ballot:cast', { pollId, choice, ballotId: `ballot-${seq++}-xxxx` }));

  const minutes = async (meetingId: string, lang = 'de') =>
    (await fetch(`${t.server.url}/api/meetings/${meetingId}/minutes.txt?lang=${lang}`, { headers: { authorization: `Bearer ${t.server.adminToken}` } })).text();

  /** Opens a vote on Ö 12, casts `choices[i]` for member i (skipping nulls), closes it. */
  async function voteOn(s: Awaited<ReturnType<typeof setUp>>, choices: (Choice | null)[], mode: 'open' | 'rollCall' | 'secret' = 'open', close = true) {
    const { pollId } = await ok<{ pollId: string }>(s.chair.call('poll:open', { itemId: s.item.id, mode }));
    for (const [i, c] of choices.entries()) if (c) await vote(s.members[i]!, pollId, c);
    if (close) await ok(s.chair.call('poll:close', { pollId }));
    return pollId;
  }

  describe('§ 68: a member has the minutes record how they voted', () => {
    it('from the tablet: the member, the chair and the minutes see it; it can be taken back', async () => {
      const s = await setUp();
      const pollId = await voteOn(s, ['yes', 'no', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'], 'open', false);
      const wilke = s.members[1]!;
      expect(await wilke.call('record:own', { pollId, recorded: true })).toEqual({ ok: true, data: null });
      await wilke.waitFor((x) => x.self?.recorded === true);
      await s.chair.waitFor((x) => x.polls.find((p) => p.id === pollId)?.recordedMemberIds?.includes('p2') === true);
      await ok(s.chair.call('poll:close', { pollId }));
      const text = await minutes(s.created.id);
      expect(text).toContain('\nAuf Verlangen von Frau Wilke wird vermerkt: Frau Wilke hat mit Nein gestimmt.');
      expect(await minutes(s.created.id, 'en')).toContain('\nRecorded at the request of Frau Wilke: Frau Wilke voted no.');
      await ok(wilke.call('record:own', { pollId, recorded: false }));
      expect(await minutes(s.created.id)).not.toContain('Auf Verlangen');
    });

    it('marked by the clerk per member, after the close; minutes name each in member-list order', async () => {
      const s = await setUp();
      const pollId = await voteOn(s, ['yes', 'no', 'abstain', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes']);
      await ok(s.chair.call('record:set', { pollId, memberId: 'p3', recorded: true }));
      await ok(s.chair.call('record:set', { pollId, memberId: 'p1', recorded: true }));
      const text = await minutes(s.created.id);
      expect(text).toContain(
        [
          'Auf Verlangen von Herrn Marotz wird vermerkt: Herr Marotz hat mit Ja gestimmt.',
          'Auf Verlangen von Herrn Kirchmann wird vermerkt: Herr Kirchmann hat sich der Stimme enthalten.',
        ].join('\n'),
      );
      // The member's own tablet sees the clerk's mark.
      await s.members[2]!.waitFor((x) => x.self?.recorded === true);
    });

    it('is refused at the server in a secret vote, from the tablet and from the console, and nothing is stored', async () => {
      const s = await setUp();
      const pollId = await voteOn(s, ['yes', 'no', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes'], 'secret', false);
      const own = await s.members[1]!.call('record:own', { pollId, recorded: true });
      expect(own).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await ok(s.chair.call('poll:close', { pollId }));
      const marked = await s.chair.call('record:set', { pollId, memberId: 'p2', recorded: true });
      expect(marked).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const grouping = await s.chair.call('poll:groupWise', { pollId, groupWise: true });
      expect(grouping).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(s.chair.snapshot().polls.find((p) => p.id === pollId)?.recordedMemberIds).toEqual([]);
      expect(await minutes(s.created.id)).not.toContain('Auf Verlangen');
    });

    it('refuses a member who has not voted, a hand count, a foreign member id and a chair-only event from a tablet', async () => {
      const s = await setUp();
      const pollId = await voteOn(s, ['yes', null, 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes']);
      expect(await s.members[1]!.call('record:own', { pollId, recorded: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await s.chair.call('record:set', { pollId, memberId: 'nobody', recorded: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await s.members[0]!.call('record:set', { pollId, memberId: 'p3', recorded: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await s.members[0]!.call('record:own', { pollId, recorded: true, memberId: 'p3' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      const other = s.chair.snapshot().agenda.find((i) => i.number === 'Ö 10')!;
      const hand = await ok<{ pollId: string }>(s.chair.call('poll:handCount', { itemId: other.id, counts: { yes: 8, no: 2, abstain: 0 } }));
      expect(await s.chair.call('record:set', { pollId: hand.pollId, memberId: 'p1', recorded: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      // The console now shows Ö 10 (its lists come with the current item's rounds only): ask the store.
      expect(await t.server.rows('SELECT member_id FROM recorded_votes WHERE poll_id = ?', pollId)).toEqual([]);
    });

    it('survives a restart (stored with the audit log)', async () => {
      const s = await setUp();
      const pollId = await voteOn(s, ['yes', 'no', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes']);
      await ok(s.members[1]!.call('record:own', { pollId, recorded: true }));
      await ok(s.chair.call('poll:groupWise', { pollId, groupWise: true }));
      const before = await minutes(s.created.id);
      await t.restart();
      expect(await minutes(s.created.id)).toBe(before);
      expect(before).toContain('Abstimmungsergebnis: Mehrheitlich gegen eine Stimme aus der SPD-Fraktion');
    });
  });

  describe('group-wise minuting', () => {
    it('words the result by Fraktion once the chair chose it after the close', async () => {
      const s = await setUp();
      // SPD (p1–p4) yes, CDU (p5–p7) no, FDP (p8, p9) abstain, p10 (no group) yes.
      const pollId = await voteOn(s, ['yes', 'yes', 'yes', 'yes', 'no', 'no', 'no', 'abstain', 'abstain', 'yes'], 'open', false);
      expect(await s.chair.call('poll:groupWise', { pollId, groupWise: true })).toMatchObject({ ok: false, error: { code: 'poll_already_open' } });
      await ok(s.chair.call('poll:close', { pollId }));
      expect(await minutes(s.created.id)).toContain('\nAbstimmungsergebnis: Mehrheitlich\n');
      await ok(s.chair.call('poll:groupWise', { pollId, groupWise: true }));
      await s.chair.waitFor((x) => x.polls.find((p) => p.id === pollId)?.groupWise === true);
      const text = await minutes(s.created.id);
      expect(text).toContain('\nAbstimmungsergebnis: Mehrheitlich gegen die Stimmen der CDU-Fraktion bei Enthaltung der FDP-Fraktion\nJa-Stimmen: 5\n');
      const json = (await (await fetch(`${t.server.url}/api/meetings/${s.created.id}/results.json`, { headers: { authorization: `Bearer ${t.server.adminToken}` } })).json()) as {
        items: { rounds: { result: string; groupWise: boolean }[] }[];
      };
      expect(json.items.flatMap((i) => i.rounds)).toContainEqual(expect.objectContaining({ groupWise: true, result: 'Mehrheitlich gegen die Stimmen der CDU-Fraktion bei Enthaltung der FDP-Fraktion' }));
    });

    it('is refused when nobody in the vote belongs to a group', async () => {
      const s = await setUp({ ...DEMO_MEETING });
      const pollId = await voteOn(s, ['yes', 'no', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes']);
      expect(await s.chair.call('poll:groupWise', { pollId, groupWise: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    });

    it('groups the roll-call names by Fraktion in the minutes', async () => {
      const s = await setUp();
      await voteOn(s, ['yes', 'yes', 'no', 'yes', 'no', 'no', 'no', 'abstain', 'abstain', 'yes'], 'rollCall');
      expect(await minutes(s.created.id)).toContain(
        [
          'Namentliche Abstimmung:',
          '  Ja: Herr Marotz, Frau Wilke, Frau Schrader (SPD-Fraktion); Frau Nolte (fraktionslos)',
          '  Nein: Herr Kirchmann (SPD-Fraktion); Herr Brandes, Frau Lüddecke, Herr Oppermann (CDU-Fraktion)',
          '  Enthaltung: Frau Bertram, Herr Kühn (FDP-Fraktion)',
        ].join('\n'),
      );
    });
  });

  describe('minute formats per meeting', () => {
    const block = (format: 'allris' | 'sessionNet' | 'bavarian', rules = 'NKomVG') => async () => {
      const s = await setUp(grouped({ minuteFormat: format, rules: rules as MeetingSpecInput['rules'] }));
      // Frau Nolte excluded (Mitwirkungsverbot) on Ö 12 for the Befangen count.
      await ok(s.chair.call('exclusion:set', { itemId: s.item.id, memberId: 'p10', excluded: true }));
      const choices: Choice[] = rules === 'GO-BY' ? ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no'] : ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'abstain', 'yes'];
      await voteOn(s, choices);
      return minutes(s.created.id);
    };

    it('allris (default): the block with one line per count', async () => {
      const text = await block('allris')();
      expect(text).toContain(
        [
          'TOP Ö 12 – Integrationskonzept des Landkreises Peine (Vorlage 2022/032)',
          'Beschlussart: ungeändert beschlossen',
          'Abstimmungsergebnis: Mehrheitlich',
          'Ja-Stimmen: 7',
          'Nein-Stimmen: 1',
          'Enthaltung/en: 1',
          'Mitwirkungsverbot (§ 41 NKomVG): Frau Nolte',
        ].join('\n'),
      );
    });

    it('sessionNet: the one-liner with Befangen', async () => {
      const text = await block('sessionNet')();
      expect(text).toContain(
        [
          'TOP Ö 12 – Integrationskonzept des Landkreises Peine (Vorlage 2022/032)',
          'Beschlussart: ungeändert beschlossen',
          'Abstimmungsergebnis: Mehrheitlich',
          'Ja: 7, Nein: 1, Enthaltungen: 1, Befangen: 1',
          'Mitwirkungsverbot (§ 41 NKomVG): Frau Nolte',
        ].join('\n'),
      );
    });

    it('bavarian: Ja, Nein, Anwesend under GO-BY', async () => {
      const text = await block('bavarian', 'GO-BY')();
      expect(text).toContain(
        [
          'TOP Ö 12 – Integrationskonzept des Landkreises Peine (Vorlage 2022/032)',
          'Beschlussart: ungeändert beschlossen',
          'Abstimmungsergebnis: Mehrheitlich',
          'Ja: 7, Nein: 2, Anwesend: 9',
          'Mitwirkungsverbot (Art. 49 GO): Frau Nolte',
        ].join('\n'),
      );
    });
  });
});
