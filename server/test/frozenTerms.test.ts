import { describe, expect, it } from 'vitest';
import type { MeetingSpecInput } from '../../shared/protocol/meetingSpec.ts';
import { STORES, useTestServer } from './harness.ts';

/** A recorded result keeps the terms it was counted under, whatever the meeting's setup says later. */

describe.each(STORES)('on %s', (store) => {
  const t = useTestServer(store);

  const spec: MeetingSpecInput = {
    body: 'Gemeinde Musterdorf',
    organization: 'Gemeinderat',
    name: '3. Sitzung des Gemeinderates',
    start: '2026-05-04T19:00:00+02:00',
    statutoryMembers: 5,
    members: ['A', 'B', 'C', 'D', 'E'].map((n, i) => ({ id: `m${i + 1}`, name: `Mitglied ${n}`, votingRight: true })),
    agenda: [{ number: 'Ö 1', name: 'Hauptsatzung' }],
  };

  describe('terms frozen into a poll', () => {
    it('an edit of the statutory member count or the rule set after a vote leaves its verdict and minutes unchanged', async () => {
      const created = await t.server.createMeeting(spec);
      const chair = await t.join(created.chairUrl);
      const itemId = chair.snapshot().agenda[0]!.id;
      for (const m of spec.members) expect((await chair.call('attendance:set', { memberId: m.id, present: true })).ok).toBe(true);
      const counted = await chair.call<{ pollId: string }>('poll:handCount', { itemId, counts: { yes: 3, no: 2, abstain: 0 }, majority: 'statutoryMajority' });
      if (!counted.ok) throw new Error(counted.error.message);
      expect((await chair.call('poll:publish', { pollId: counted.data.pollId })).ok).toBe(true);
      const minutes = async () =>
        (await fetch(`${t.server.url}/api/meetings/${created.id}/minutes.txt`, { headers: { authorization: `Bearer ${t.server.adminToken}` } })).text();
      const before = await minutes();
      expect(before).toContain('Mehrheit der 5 gesetzlichen Mitglieder');

      // The admin raises the statutory count to 9 and switches to GO-BY afterwards.
      const put = await fetch(`${t.server.url}/api/admin/meetings/${created.id}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${t.server.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...spec, statutoryMembers: 9, rules: 'GO-BY', agenda: [{ id: itemId, ...spec.agenda[0] }] }),
      });
      expect(put.status, await put.clone().text()).toBe(200);

      expect(await minutes()).toBe(before);
      const after = await chair.waitFor((s) => s.statutoryMembers === 9);
      const poll = after.polls.find((p) => p.id === counted.data.pollId)!;
      expect(poll).toMatchObject({ statutoryMembers: 5, rules: 'NKomVG', verdict: { passed: true, required: 3 } });

      // A restart reads the same terms back from the database.
      await t.restart();
      expect(await minutes()).toBe(before);
    });
  });
});
