import { describe, expect, it } from 'vitest';
import type { Choice } from '../../shared/meeting/model.ts';
import type { MeetingSnapshot, MemberSelf } from '../../shared/protocol/snapshot.ts';
import { DEMO_MEETING } from '../demo/demoMeeting.ts';
import { STORES, type TestClient, useTestServer } from './harness.ts';

/** The demo meeting with chair, display and members connected — nobody checked in yet. */

describe.each(STORES)('on %s', (store) => {
  const t = useTestServer(store);

  async function demo(spec = DEMO_MEETING) {
    const created = await t.server.createMeeting(spec);
    const chair = await t.join(created.chairUrl);
    const display = await t.join(created.displayUrl);
    const members = await Promise.all(created.members.map((m) => t.join(m.joinUrl)));
    const item = chair.snapshot().agenda.find((i) => i.number === 'Ö 12')!;
    return { created, chair, display, members, item };
  }

  const checkIn = async (ms: TestClient[]) => {
    const acks = await Promise.all(ms.map((m) => m.call<MemberSelf>('attendance:self', { present: true })));
    // The tablet that tapped learns its new state from the acknowledgement.
    for (const a of acks) expect(a).toMatchObject({ ok: true, data: { present: true } });
  };
  const vote = (c: TestClient, pollId: string, choice: Choice) =>
    c.call('ballot:cast', { pollId, choice, ballotId: `b-${Math.random().toString(36).slice(2, 12)}` });
  const pollOf = (s: MeetingSnapshot, pollId: string) => s.polls.find((p) => p.id === pollId)!;
  const minutes = async (meetingId: string) =>
    (await fetch(`${t.server.url}/api/meetings/${meetingId}/minutes.txt`, { headers: { authorization: `Bearer ${t.server.adminToken}` } })).text();

  async function open(chair: TestClient, payload: Record<string, unknown>): Promise<string> {
    const res = await chair.call<{ pollId: string }>('poll:open', payload);
    if (!res.ok) throw new Error(res.error.message);
    return res.data.pollId;
  }

  describe('attendance and quorum over real sockets', () => {
    it('starts with nobody present; tablets check in; chair and display see the quorum', async () => {
      const { chair, display, members } = await demo();
      expect(chair.snapshot().quorum).toEqual({ present: 0, total: 10, required: 6, quorate: false });
      expect(display.snapshot().quorum.quorate).toBe(false);
      expect(members[0]!.snapshot().self).toMatchObject({ present: false, ineligibility: 'absent' });

      await checkIn(members.slice(0, 6));
      const s = await display.waitFor((x) => x.quorum.present === 6);
      expect(s.quorum).toEqual({ present: 6, total: 10, required: 6, quorate: true });
      // The display gets the count, never the list of who is in the room.
      expect(s.attendance).toBeUndefined();

      // The advisory member checks in too; it does not count for quorum.
      await checkIn([members[10]!]);
      const chairView = await chair.waitFor((x) => !!x.attendance?.p11);
      expect(chairView.quorum.present).toBe(6);
      expect(chairView.attendance?.p1).toEqual([{ from: expect.any(String), to: null }]);
    });

    it('a device that connects after check-ins or an exclusion starts from the current quorum (the shared view is renewed on every change)', async () => {
      const { created, chair, members, item } = await demo();
      const late = async () => (await t.join(created.displayUrl)).snapshot().quorum;
      expect((await late()).present).toBe(0); // now cached for this state
      await checkIn(members.slice(0, 6));
      await chair.waitFor((s) => s.quorum.present === 6);
      expect(await late()).toMatchObject({ present: 6, quorate: true });
      expect((await chair.call('item:select', { itemId: item.id })).ok).toBe(true);
      expect((await chair.call('exclusion:set', { itemId: item.id, memberId: 'p1', excluded: true })).ok).toBe(true);
      await chair.waitFor((s) => s.exclusions?.[item.id]?.includes('p1') === true);
      const tablet = (await t.join(created.members[0]!.joinUrl)).snapshot();
      expect(tablet.self).toMatchObject({ present: true, ineligibility: 'excluded' });
    });

    it('refuses to start a vote without quorum unless the chair confirms, and records that in the minutes', async () => {
      const { created, chair, members, item } = await demo();
      await checkIn(members.slice(0, 4));
      await chair.waitFor((x) => x.quorum.present === 4);
      expect(await chair.call('poll:open', { itemId: item.id })).toMatchObject({ ok: false, error: { code: 'not_quorate' } });

      const pollId = await open(chair, { itemId: item.id, confirmNotQuorate: true });
      const s = await chair.waitFor((x) => x.polls.some((p) => p.id === pollId));
      expect(pollOf(s, pollId)).toMatchObject({ quorumOverridden: true, eligibleCount: 4, quorum: { present: 4, total: 10, quorate: false } });
      await Promise.all(members.slice(0, 4).map((m) => vote(m, pollId, 'yes')));
      expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
      expect(await minutes(created.id)).toContain(
        'Bei Beginn der Abstimmung nicht beschlussfähig (4 von 10 stimmberechtigten Mitgliedern anwesend, 6 erforderlich)',
      );
    });

    it('records a challenged quorum ("Beschlussfähigkeit angezweifelt") with the count, for all to see and in the minutes', async () => {
      const { created, chair, display, members } = await demo();
      await checkIn(members.slice(0, 5));
      await chair.waitFor((x) => x.quorum.present === 5);
      const res = await chair.call('quorum:challenge', {});
      expect(res).toMatchObject({ ok: true, data: { quorum: { present: 5, total: 10, quorate: false } } });
      expect(await members[0]!.call('quorum:challenge', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const s = await display.waitFor((x) => x.lastQuorumCheck !== null);
      expect(s.lastQuorumCheck?.quorum.quorate).toBe(false);
      expect(await minutes(created.id)).toMatch(/Beschlussfähigkeit angezweifelt \(\d\d:\d\d Uhr\): 5 von 10 stimmberechtigten Mitgliedern anwesend – nicht beschlussfähig/);
    });

    it('the chair checks members in and out by hand; the log keeps times and who did it', async () => {
      const { created, chair, members } = await demo();
      await checkIn([members[0]!]);
      expect((await chair.call('attendance:set', { memberId: 'p2', present: true })).ok).toBe(true);
      expect((await chair.call('attendance:set', { memberId: 'p2', present: true })).ok).toBe(true); // idempotent
      expect((await chair.call('attendance:set', { memberId: 'p1', present: false })).ok).toBe(true);
      expect(await chair.call('attendance:set', { memberId: 'nobody', present: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      // A member checks in only themselves.
      expect(await members[2]!.call('attendance:set', { memberId: 'p4', present: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const s = await chair.waitFor((x) => x.quorum.present === 1 && !!x.attendance?.p1?.[0]?.to);
      expect(s.attendance?.p1).toEqual([{ from: expect.any(String), to: expect.any(String) }]);
      await members[1]!.waitFor((x) => x.self?.present === true);

      const rows = await t.server.rows('SELECT member_id, present, by_role FROM attendance_events WHERE meeting_id = ? ORDER BY seq', created.id);
      expect(rows.map((r) => ({ ...r, present: Number(r.present) }))).toEqual([
        { member_id: 'p1', present: 1, by_role: 'self' },
        { member_id: 'p2', present: 1, by_role: 'chair' },
        { member_id: 'p1', present: 0, by_role: 'chair' },
      ]);
    });
  });

  describe('eligibility during an open vote', () => {
    it('absent members cannot vote; arriving makes them expected; leaving after voting keeps the ballot', async () => {
      const { chair, members, item } = await demo();
      await checkIn(members.slice(0, 7));
      const pollId = await open(chair, { itemId: item.id });
      expect(pollOf(await chair.waitFor((x) => x.polls.some((p) => p.id === pollId)), pollId).eligibleCount).toBe(7);

      expect(await vote(members[8]!, pollId, 'yes')).toMatchObject({ ok: false, error: { code: 'not_eligible' } });
      await checkIn([members[8]!]);
      await chair.waitFor((x) => pollOf(x, pollId).eligibleCount === 8);
      expect((await vote(members[8]!, pollId, 'yes')).ok).toBe(true);

      expect((await vote(members[0]!, pollId, 'no')).ok).toBe(true);
      expect((await members[0]!.call('attendance:self', { present: false })).ok).toBe(true);
      expect((await members[1]!.call('attendance:self', { present: false })).ok).toBe(true);
      // Member 1 voted and stays expected with the ballot; member 2 had not voted and is no longer expected.
      const s = await chair.waitFor((x) => x.quorum.present === 6);
      expect(pollOf(s, pollId)).toMatchObject({ eligibleCount: 7, castCount: 2 });
      expect(pollOf(s, pollId).eligibleMemberIds).toContain('p1');
      expect(pollOf(s, pollId).eligibleMemberIds).not.toContain('p2');
      // Gone is gone: no changing the ballot from outside the room.
      expect(await vote(members[0]!, pollId, 'yes')).toMatchObject({ ok: false, error: { code: 'not_eligible' } });
      const tablet = await members[0]!.waitFor((x) => x.self?.present === false);
      expect(tablet.self).toMatchObject({ ineligibility: 'absent', ballot: { pollId, choice: 'no' } });

      expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
      const closed = await chair.waitFor((x) => pollOf(x, pollId).status === 'closed');
      expect(pollOf(closed, pollId).counts).toEqual({ yes: 1, no: 1, abstain: 0 });
    });

    it('a member under Mitwirkungsverbot is not expected, cannot vote, and is named in the minutes', async () => {
      const { created, chair, members, item } = await demo();
      await checkIn(members.slice(0, 10));
      expect((await chair.call('exclusion:set', { itemId: item.id, memberId: 'p2', excluded: true })).ok).toBe(true);
      expect(await members[3]!.call('exclusion:set', { itemId: item.id, memberId: 'p4', excluded: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      await chair.waitFor((x) => x.exclusions?.[item.id]?.includes('p2') === true);
      expect((await chair.call('item:select', { itemId: item.id })).ok).toBe(true);
      const tablet = await members[1]!.waitFor((x) => x.currentItemId === item.id);
      expect(tablet.self?.ineligibility).toBe('excluded');
      // Other members never learn who is excluded.
      expect(members[2]!.snapshot().exclusions).toBeUndefined();

      const pollId = await open(chair, { itemId: item.id });
      const s = await chair.waitFor((x) => x.polls.some((p) => p.id === pollId));
      expect(pollOf(s, pollId)).toMatchObject({ eligibleCount: 9, excludedCount: 1, excludedMemberIds: ['p2'] });
      expect(await vote(members[1]!, pollId, 'yes')).toMatchObject({ ok: false, error: { code: 'not_eligible' } });
      // Settled for the running vote.
      expect(await chair.call('exclusion:set', { itemId: item.id, memberId: 'p3', excluded: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });

      await Promise.all(members.filter((_, i) => i < 10 && i !== 1).map((m) => vote(m, pollId, 'yes')));
      expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
      const text = await minutes(created.id);
      expect(text).toContain('Abstimmungsergebnis: Einstimmig\nJa-Stimmen: 9\nNein-Stimmen: -\nEnthaltung/en: -\nMitwirkungsverbot (§ 41 NKomVG): Frau Wilke');
    });

    it('a qualified majority chosen at the start decides and explains the result', async () => {
      const { created, chair, display, members, item } = await demo();
      await checkIn(members.slice(0, 10));
      const pollId = await open(chair, { itemId: item.id, majority: 'twoThirdsCast', mode: 'open' });
      await Promise.all(members.slice(0, 10).map((m, i) => vote(m, pollId, i < 6 ? 'yes' : 'no')));
      expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
      expect((await chair.call('poll:publish', { pollId })).ok).toBe(true);
      const s = await display.waitFor((x) => pollOf(x, pollId)?.status === 'published');
      expect(pollOf(s, pollId).verdict).toMatchObject({ passed: false, majority: 'twoThirdsCast', required: 7, achieved: 6 });
      expect(await minutes(created.id)).toContain(
        'Abstimmungsergebnis: Abgelehnt\nJa-Stimmen: 6\nNein-Stimmen: 4\nEnthaltung/en: -\nErforderliche Mehrheit: ⅔ der abgegebenen (7 Ja-Stimmen), erreicht: 6',
      );
    });

    it('keeps attendance, exclusions and the quorum override across a restart', async () => {
      const { created, chair, members, item } = await demo();
      await checkIn(members.slice(0, 3));
      expect((await chair.call('exclusion:set', { itemId: item.id, memberId: 'p3', excluded: true })).ok).toBe(true);
      const pollId = await open(chair, { itemId: item.id, confirmNotQuorate: true });
      await t.restart();
      const chair2 = await t.join(created.chairUrl);
      const s = chair2.snapshot();
      expect(s.quorum.present).toBe(3);
      expect(s.exclusions?.[item.id]).toEqual(['p3']);
      expect(pollOf(s, pollId)).toMatchObject({ quorumOverridden: true, eligibleCount: 2, excludedMemberIds: ['p3'] });
    });
  });

  describe('rule sets over the socket', () => {
    it('GO-BY refuses an Enthaltung sent directly; NKomVG accepts it', async () => {
      const { chair, members, item } = await demo({ ...DEMO_MEETING, rules: 'GO-BY' });
      expect(chair.snapshot().meeting.rules).toBe('GO-BY');
      await checkIn(members.slice(0, 10));
      const pollId = await open(chair, { itemId: item.id });
      expect(await vote(members[0]!, pollId, 'abstain')).toMatchObject({ ok: false, error: { code: 'choice_not_allowed' } });
      expect((await vote(members[0]!, pollId, 'no')).ok).toBe(true);
    });

    it('an unknown rule set is refused when the meeting is created', async () => {
      await expect(t.server.createMeeting({ ...DEMO_MEETING, rules: 'GO-XX' as 'NKomVG' })).rejects.toThrow(/400 .*rules/);
    });
  });

  describe('check-ins are group-committed', () => {
    const stored = async () =>
      (await t.server.rows(`SELECT member_id, present FROM attendance_events ORDER BY seq`)).map((r) => ({ member_id: r.member_id, present: Number(r.present) }));
    const voting = DEMO_MEETING.members.filter((m) => m.votingRight);

    it('acknowledges a burst of check-ins only once they are on disk, and quorum counts each exactly once', async () => {
      const { created, chair, display, members } = await demo();
      // Every tablet taps "Anwesend" at once; two tap twice.
      const acks = await Promise.all([...members, members[0]!, members[3]!].map((m) => m.call('attendance:self', { present: true })));
      expect(acks.every((a) => a.ok)).toBe(true);
      expect((await stored()).map((r) => r.member_id).sort()).toEqual(DEMO_MEETING.members.map((m) => m.id).sort());
      // A console connecting now starts from the same count as those that followed along.
      const late = await t.join(created.chairUrl);
      expect(late.snapshot().quorum.present).toBe(voting.length);
      for (const c of [chair, display]) await c.waitFor((s) => s.quorum.present === voting.length);
      // One voting member leaves.
      expect((await members[1]!.call('attendance:self', { present: false })).ok).toBe(true);
      expect((await stored()).at(-1)).toEqual({ member_id: DEMO_MEETING.members[1]!.id, present: 0 });
      expect((await t.join(created.displayUrl)).snapshot().quorum.present).toBe(voting.length - 1);
      for (const c of [chair, late]) await c.waitFor((s) => s.quorum.present === voting.length - 1);
    });

    // The disk is made to refuse with a SQLite trigger; the same path on PostgreSQL: server/meetings/groupCommit.test.ts.
    it.runIf(store === 'sqlite')('takes a check-in back when its commit fails, and tells the tablet', async () => {
      const { created, chair, members } = await demo();
      // In the file's schema, not TEMP: check-ins are written by the writer thread's own connection.
      t.server.db.exec(`CREATE TRIGGER refuse_attendance BEFORE INSERT ON attendance_events BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
      expect(await members[1]!.call('attendance:self', { present: true })).toMatchObject({ ok: false, error: { code: 'internal' } });
      t.server.db.exec('DROP TRIGGER refuse_attendance');
      expect(await stored()).toEqual([]);
      // Nobody counts as present: a console connecting now and the one already open agree.
      expect((await t.join(created.chairUrl)).snapshot().quorum.present).toBe(0);
      await chair.waitFor((s) => s.quorum.present === 0 && !s.attendance?.[DEMO_MEETING.members[1]!.id]?.at(-1));
      // The tablet tries again and is in.
      expect((await members[1]!.call('attendance:self', { present: true })).ok).toBe(true);
      expect(await stored()).toEqual([{ member_id: DEMO_MEETING.members[1]!.id, present: 1 }]);
      await chair.waitFor((s) => s.quorum.present === 1);
    });
  });
});
