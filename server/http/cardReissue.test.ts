import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, startServer, tokenOf, type TestClient, type TestServer } from '../test/harness.ts';

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

describe('re-issued pairing card (admin API)', () => {
  it('disconnects the lost tablet at once: its vote is not counted', async () => {
    const created = await server.createMeeting();
    const chair = await join(created.chairUrl);
    const [p1, lost] = await Promise.all([join(created.members[0]!.joinUrl), join(created.members[1]!.joinUrl)]);
    await Promise.all([p1, lost].map((m) => m.call('attendance:self', { present: true })));
    const itemId = chair.snapshot().agenda.find((i) => i.number === 'Ö 12')!.id;
    const opened = await chair.call<{ pollId: string }>('poll:open', { itemId, confirmNotQuorate: true });
    if (!opened.ok) throw new Error(opened.error.message);
    const pollId = opened.data.pollId;

    const gone = new Promise<'disconnected'>((resolve) => lost.once('disconnect', () => resolve('disconnected')));
    const card = await fetch(`${server.url}/api/admin/meetings/${created.id}/card`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ memberId: 'p2' }),
    });
    expect(card.status).toBe(200);
    // The old tablet tries to vote right after the card was re-issued.
    const cast = lost.call('ballot:cast', { pollId, choice: 'no', ballotId: 'lost-tablet-0001' }).then(
      (r) => (r.ok ? 'counted' : 'refused'),
      () => 'no answer',
    );
    expect(await Promise.race([gone, cast])).not.toBe('counted');
    expect(await gone).toBe('disconnected');
    await expect(connectClient(server.url, tokenOf(created.members[1]!.joinUrl))).rejects.toThrow('unauthorized');

    expect((await p1.call('ballot:cast', { pollId, choice: 'yes', ballotId: 'p1-ballot-0001' })).ok).toBe(true);
    expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
    const s = await chair.waitFor((x) => x.polls.some((p) => p.id === pollId && p.counts !== null));
    expect(s.polls.find((p) => p.id === pollId)!.counts).toEqual({ yes: 1, no: 0, abstain: 0 });
  });
});
