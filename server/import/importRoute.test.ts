import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORES, useTestServer } from '../test/harness.ts';
import type { ImportAnswer } from './importMeeting.ts';

const FIXTURE = resolve(import.meta.dirname, '../../e2e/fixtures/oparl-agas-2022-03-22.json');
const B = 'https://ris.landkreis-peine.example/oparl/v1';
const fixture = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;

describe.each(STORES)('on %s', (store) => {
  const t = useTestServer(store);

  const post = (body: unknown, token = t.server.adminToken) =>
    fetch(`${t.server.url}/api/import/oparl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  async function importFixture(bundle = fixture(), status = 201): Promise<ImportAnswer> {
    const res = await post(bundle);
    const body = (await res.json()) as ImportAnswer;
    expect(res.status, JSON.stringify(body)).toBe(status);
    return body;
  }

  async function join(link: string) {
    const c = await t.join(link);
    // Nobody counts as present until checked in; members check themselves in.
    if (link.includes('/member/')) await c.call('attendance:self', { present: true });
    return c;
  }

  describe('POST /api/import/oparl', () => {
    it('creates the meeting: same answer as POST /api/meetings, member id = OParl person id', async () => {
      const created = await importFixture();
      expect(created).toMatchObject({ updated: false, chairUrl: expect.stringContaining('/chair/#token='), displayUrl: expect.stringContaining('/display/#token=') });
      expect(created.members).toHaveLength(19);
      expect(created.members[0]).toMatchObject({ id: `${B}/person/1001`, name: 'Klaus Marotz', joinUrl: expect.stringContaining('/member/#token=') });
      expect(created.warnings).toContain('meeting.start: "2022-03-22T17:00:00+01::00" read as 2022-03-22T17:00:00+01:00');

      const chair = await join(created.chairUrl);
      const s = chair.snapshot();
      expect(s.meeting).toMatchObject({ body: 'Landkreis Peine', start: '2022-03-22T17:00:00+01:00' });
      expect(s.statutoryMembers).toBe(15);
      expect(s.agenda.map((i) => i.number)).toEqual(['Ö 1', 'Ö 2', 'Ö 3', 'Ö 4', 'Ö 5', 'Ö 6', 'Ö 7', 'Ö 8', 'N 1', 'N 2']);
      // Fraktion/Gruppe from the OParl memberships reach the stored meeting (roll-call, group-wise minutes).
      const groupOf = (n: number) => s.members.find((m) => m.id === `${B}/person/${n}`)?.group ?? null;
      // A working group (Arbeitskreis) is no Fraktion.
      expect([groupOf(1001), groupOf(1009), groupOf(1020), groupOf(1015)]).toEqual(['SPD-Fraktion', 'CDU-Fraktion', 'Gruppe Grüne/FDP', null]);

      // A member with a URL id pairs and votes like any other.
      const item = s.agenda.find((i) => i.number === 'Ö 6')!;
      const opened = await chair.call<{ pollId: string }>('poll:open', { itemId: item.id, confirmNotQuorate: true });
      if (!opened.ok) throw new Error(opened.error.message);
      const marotz = await join(created.members[0]!.joinUrl);
      expect(marotz.snapshot().self).toMatchObject({ memberId: `${B}/person/1001`, votingRight: true });
      expect((await marotz.call('ballot:cast', { pollId: opened.data.pollId, choice: 'yes', ballotId: 'ballot-0001' })).ok).toBe(true);
      const advisory = await join(created.members.find((m) => m.id.endsWith('/1020'))!.joinUrl);
      expect(await advisory.call('ballot:cast', { pollId: opened.data.pollId, choice: 'yes', ballotId: 'ballot-0002' })).toMatchObject({ ok: false, error: { code: 'not_eligible' } });
    });

    it('updates instead of duplicating, refuses while a vote is open, and never destroys recorded votes', async () => {
      const first = await importFixture();
      const chair = await join(first.chairUrl);
      const item = chair.snapshot().agenda.find((i) => i.number === 'Ö 4')!;
      const opened = await chair.call<{ pollId: string }>('poll:open', { itemId: item.id, confirmNotQuorate: true });
      if (!opened.ok) throw new Error(opened.error.message);
      const pollId = opened.data.pollId;
      const kirchmann = await join(first.members.find((m) => m.id.endsWith('/1003'))!.joinUrl);
      expect((await kirchmann.call('ballot:cast', { pollId, choice: 'no', ballotId: 'ballot-0003' })).ok).toBe(true);

      const busy = await post(fixture());
      expect(busy.status).toBe(409);

      expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
      const changed = fixture();
      changed.meeting.name = '2. Sitzung (geänderte Tagesordnung)';
      // The RIS dropped Ö 4 (voted on) and Ö 5 (not voted on), and Kirchmann left the committee.
      changed.meeting.agendaItem = changed.meeting.agendaItem.filter((i: any) => i.number !== 'Ö 4' && i.number !== 'Ö 5');
      changed.meeting.agendaItem.push({ id: `${B}/agendaitem/5999`, number: 'Ö 9', order: 11, name: 'Dringlichkeitsantrag', public: true });
      changed.persons = changed.persons.filter((p: any) => !p.id.endsWith('/1003'));
      const second = await importFixture(changed, 200);
      expect(second.id).toBe(first.id);
      expect(second.updated).toBe(true);
      expect(second.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/kept: has recorded votes/)]));

      expect(await t.server.app.setup.list()).toHaveLength(1);
      // The RIS ids the next import matches by, as stored.
      expect(await t.server.rows(`SELECT source_id FROM meetings`)).toEqual([{ source_id: `${B}/meeting/2022-0417` }]);
      expect(await t.server.rows(`SELECT number, source_id FROM agenda_items WHERE number IN ('Ö 6', 'Ö 9') ORDER BY position`)).toEqual([
        { number: 'Ö 6', source_id: `${B}/agendaitem/5005` },
        { number: 'Ö 9', source_id: `${B}/agendaitem/5999` },
      ]);

      const s = await chair.waitFor((x) => x.meeting.name.includes('geänderte'));
      // Ö 4 has a vote: it stays (at the end), with its id; Ö 5 had none and goes.
      expect(s.agenda.map((i) => i.number)).toEqual(['Ö 1', 'Ö 2', 'Ö 3', 'Ö 6', 'Ö 7', 'Ö 8', 'N 1', 'N 2', 'Ö 9', 'Ö 4']);
      expect(s.agenda.find((i) => i.number === 'Ö 4')!.id).toBe(item.id);
      expect(s.agenda.some((i) => i.number === 'Ö 5')).toBe(false);
      expect(s.members.some((m) => m.id.endsWith('/1003'))).toBe(true);
      expect(s.polls.find((p) => p.id === pollId)).toMatchObject({ status: 'closed', counts: { yes: 0, no: 1, abstain: 0 } });

      // The old links keep working; so do the new ones.
      expect((await join(first.members[1]!.joinUrl)).snapshot().self?.memberId).toBe(`${B}/person/1002`);
      expect((await join(second.members[1]!.joinUrl)).snapshot().self?.memberId).toBe(`${B}/person/1002`);
    });

    it('names a missing required field with 400, and requires the admin token', async () => {
      const b = fixture();
      delete b.meeting.agendaItem[3].name;
      const res = await post(b);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'meeting.agendaItem[3].name: is missing' });
      const long = fixture();
      long.persons[2].name = 'x'.repeat(300);
      expect(await (await post(long)).json()).toEqual({ error: expect.stringMatching(/^persons\[2\]\.name: /) });
      expect((await post(fixture(), 'wrong-token')).status).toBe(401);
    });
  });

  describe('POST /api/import/csv', () => {
    const postCsv = (body: unknown) =>
      fetch(`${t.server.url}/api/import/csv`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.server.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const meeting = { body: 'Gemeinde Musterstadt', organization: 'Rat', name: '5. Sitzung des Rates', start: '2026-02-10T18:00:00+01:00', rules: 'GO-NRW' };

    it('creates a meeting from two CSV files', async () => {
      const res = await postCsv({ ...meeting, members: 'Name;Rolle;Stimmrecht\nFrau A;Vorsitz;ja\nHerr B;;ja\nFrau C;beratend;nein', agenda: 'Nr;Betreff;öffentlich;Vorlage\nÖ 1;Haushalt 2026;ja;2026/001\nN 1;Grundstück;nein;' });
      expect(res.status).toBe(201);
      const created = (await res.json()) as ImportAnswer;
      expect(created.members.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
      const chair = await join(created.chairUrl);
      expect(chair.snapshot()).toMatchObject({ statutoryMembers: 2, meeting: { rules: 'GO-NRW' } });
      expect(chair.snapshot().agenda.map((i) => [i.number, i.public])).toEqual([['Ö 1', true], ['N 1', false]]);
    });

    it('takes the Fraktion column into the meeting, where group-wise minuting can use it', async () => {
      const res = await postCsv({ ...meeting, members: 'Name;Fraktion\nFrau A;SPD-Fraktion\nHerr B;CDU-Fraktion\nFrau C;', agenda: 'Nr;Betreff\nÖ 1;Haushalt 2026' });
      expect(res.status).toBe(201);
      const created = (await res.json()) as ImportAnswer;
      const chair = await join(created.chairUrl);
      expect(chair.snapshot().members.map((m) => [m.name, m.group ?? null])).toEqual([['Frau A', 'SPD-Fraktion'], ['Herr B', 'CDU-Fraktion'], ['Frau C', null]]);
      const voters = [];
      for (const m of created.members) voters.push(await join(m.joinUrl));
      const itemId = chair.snapshot().agenda[0]!.id;
      const opened = await chair.call<{ pollId: string }>('poll:open', { itemId });
      if (!opened.ok) throw new Error(opened.error.message);
      const pollId = opened.data.pollId;
      for (const [i, choice] of (['yes', 'no', 'yes'] as const).entries()) expect((await voters[i]!.call('ballot:cast', { pollId, choice, ballotId: `csv-ballot-${i}` })).ok).toBe(true);
      expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
      expect((await chair.call('poll:groupWise', { pollId, groupWise: true })).ok).toBe(true);
      const minutes = await (await fetch(`${t.server.url}/api/meetings/${created.id}/minutes.txt`, { headers: { authorization: `Bearer ${t.server.adminToken}` } })).text();
      expect(minutes).toContain('Abstimmungsergebnis: Mehrheitlich gegen die Stimme der CDU-Fraktion\n');
    });

    it('answers a bad row with 400 naming the line', async () => {
      const res = await postCsv({ ...meeting, members: 'Name;Stimmrecht\nFrau A;ja\nHerr B;kaum', agenda: 'Nr;Betreff\nÖ 1;x' });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'members.csv line 3: votingRight "kaum" is not ja/nein' });
    });
  });
});
