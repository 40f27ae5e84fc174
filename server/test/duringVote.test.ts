import { describe, expect, it } from 'vitest';
import type { PollProgress } from '../../shared/protocol/snapshot.ts';
import { STORES, type TestClient, useTestServer } from './harness.ts';

/** What the room display, the chair's second device and a member's second tablet see while a vote runs. */

describe.each(STORES)('on %s', (store) => {
  const t = useTestServer(store);

  async function open(chair: TestClient, options: Record<string, unknown>): Promise<string> {
    const res = await chair.call<{ pollId: string }>('poll:open', options);
    if (!res.ok) throw new Error(res.error.message);
    return res.data.pollId;
  }

  describe('a vote on a non-public item', () => {
    it('sends the display no progress at all, not even a live roll call', async () => {
      const { chair, display, members, item } = await t.demo();
      const heard: PollProgress[] = [];
      display.on('poll:progress', (p) => heard.push(p));
      // Tablets show neither the running count nor the live roll call: they hear no progress either.
      const tabletHeard: PollProgress[] = [];
      members[5]!.on('poll:progress', (p) => tabletHeard.push(p));
      const pollId = await open(chair, { itemId: item('N 1').id, mode: 'rollCall', rollCallLive: true });
      const acks = await Promise.all(members.slice(0, 4).map((m, i) => m.call('ballot:cast', { pollId, choice: i % 2 ? 'no' : 'yes', ballotId: `n1-ballot-${i}` })));
      expect(acks.every((r) => r.ok)).toBe(true);
      await chair.waitFor((s) => s.polls.find((p) => p.id === pollId)?.castCount === 4);
      // A round trip on each connection: anything sent to it before has arrived.
      await display.call('ballot:cast', { pollId, choice: 'yes', ballotId: 'display-ballot' });
      await members[5]!.call('attendance:self', { present: true });
      expect(heard).toEqual([]);
      expect(tabletHeard).toEqual([]);
      // The council's members see the roll call of their non-public session once it is published.
      expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
      expect((await chair.call('poll:publish', { pollId })).ok).toBe(true);
      const tablet = await members[5]!.waitFor((s) => s.polls.find((p) => p.id === pollId)?.status === 'published');
      expect(tablet.polls.find((p) => p.id === pollId)?.rollCall).toContainEqual({ memberId: 'p2', choice: 'no' });
      expect(JSON.stringify(display.snapshot())).not.toContain(pollId);
    });
  });

  describe('calling up another item while a vote runs', () => {
    it('is refused, so the tablets keep their buttons; after the close it is allowed', async () => {
      const { created, chair, members, item } = await t.demo();
      const pollId = await open(chair, { itemId: item('Ö 12').id });
      // A second chair device that has not caught up yet.
      const laptop = await t.join(created.chairUrl);
      for (const itemId of [item('Ö 10').id, null]) {
        expect(await laptop.call('item:select', { itemId })).toEqual({
          ok: false,
          error: { code: 'poll_already_open', message: 'Close the running vote on Ö 12 first' },
        });
      }
      expect((await laptop.call('item:select', { itemId: item('Ö 12').id })).ok).toBe(true);
      expect(members[0]!.snapshot().currentItemId).toBe(item('Ö 12').id);
      expect((await members[0]!.call('ballot:cast', { pollId, choice: 'yes', ballotId: 'still-voting-1' })).ok).toBe(true);

      expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
      expect((await laptop.call('item:select', { itemId: item('Ö 10').id })).ok).toBe(true);
      await members[0]!.waitFor((s) => s.currentItemId === item('Ö 10').id);
    });
  });

  describe('a member with two devices', () => {
    it('shows the second tablet a secret vote cast on the first, so it does not offer the buttons again', async () => {
      const { created, chair, members, item } = await t.demo();
      const second = await t.join(created.members[0]!.joinUrl);
      const pollId = await open(chair, { itemId: item('Ö 12').id, mode: 'secret' });
      await second.waitFor((s) => s.polls.some((p) => p.id === pollId));
      expect(await members[0]!.call('ballot:cast', { pollId, choice: 'no', ballotId: 'first-device-1' })).toMatchObject({ ok: true });
      const seen = await second.waitFor((s) => s.self?.ballot?.pollId === pollId);
      expect(seen.self!.ballot).toEqual({ pollId, choice: null, ballotId: 'first-device-1' });
      // A tap on the second device that raced the update is refused for good, not retried.
      expect(await second.call('ballot:cast', { pollId, choice: 'yes', ballotId: 'second-device-1' })).toMatchObject({
        ok: false,
        error: { code: 'already_voted' },
      });
    });

    it('tells the other device of each ballot while there is one, and nobody once it is gone', async () => {
      const { created, chair, members, item } = await t.demo();
      const first = members[0]!;
      const second = await t.join(created.members[0]!.joinUrl);
      const pollId = await open(chair, { itemId: item('Ö 12').id });
      await second.waitFor((s) => s.polls.some((p) => p.id === pollId));
      expect(await first.call('ballot:cast', { pollId, choice: 'yes', ballotId: 'two-devices-1' })).toMatchObject({ ok: true });
      await second.waitFor((s) => s.self?.ballot?.ballotId === 'two-devices-1');

      second.disconnect();
      // Nothing the server does shows that it heard of the disconnect; on loopback it has long after this.
      await new Promise((r) => setTimeout(r, 200));
      let snapshots = 0;
      first.on('meeting:snapshot', () => snapshots++);
      expect(await first.call('ballot:cast', { pollId, choice: 'no', ballotId: 'one-device-1' })).toMatchObject({ ok: true });
      // A snapshot pushed for that ballot would arrive before the answer to a later command.
      await first.call('attendance:self', { present: true });
      expect(snapshots).toBe(0);

      const third = await t.join(created.members[0]!.joinUrl);
      expect(await first.call('ballot:cast', { pollId, choice: 'abstain', ballotId: 'two-devices-2' })).toMatchObject({ ok: true });
      await third.waitFor((s) => s.self?.ballot?.ballotId === 'two-devices-2');
    });
  });
});
