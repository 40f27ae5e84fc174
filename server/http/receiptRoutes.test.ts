import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BallotList } from '../../shared/receipts/ballotList.ts';
import { receiptCode } from '../../shared/receipts/receipt.ts';
import { connectClient, startServer, tokenOf, type TestClient, type TestServer } from '../test/harness.ts';

let server: TestServer;
let clients: TestClient[] = [];
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const c of clients) c.disconnect();
  clients = [];
  await server.dispose();
});

describe('published ballot list', () => {
  it('lets a member find its receipt: with its choice in an open vote, as a bare code in a secret one', async () => {
    const created = await server.createMeeting();
    const chair = await connectClient(server.url, tokenOf(created.chairUrl));
    const members = await Promise.all(created.members.slice(0, 3).map((m) => connectClient(server.url, tokenOf(m.joinUrl))));
    await Promise.all(members.map((m) => m.call('attendance:self', { present: true })));
    clients.push(chair, ...members);
    const itemOf = { open: chair.snapshot().agenda.find((i) => i.number === 'Ö 12')!.id, secret: chair.snapshot().agenda.find((i) => i.number === 'Ö 10')!.id };
    const list = (pollId: string, token: string) =>
      fetch(`${server.url}/api/meetings/${created.id}/polls/${pollId}/ballots.json`, { headers: { authorization: `Bearer ${token}` } });

    for (const mode of ['open', 'secret'] as const) {
      const opened = await chair.call<{ pollId: string }>('poll:open', { itemId: itemOf[mode], mode, confirmNotQuorate: true });
      if (!opened.ok) throw new Error(opened.error.message);
      const pollId = opened.data.pollId;
      await Promise.all(members.map((m, i) => m.call('ballot:cast', { pollId, choice: i === 0 ? 'no' : 'yes', ballotId: `receipt-${mode}-${i}` })));
      await chair.call('poll:close', { pollId });
      const memberToken = tokenOf(created.members[0]!.joinUrl);
      expect((await list(pollId, memberToken)).status).toBe(404); // not yet published
      await chair.call('poll:publish', { pollId });
      expect((await list(pollId, tokenOf(created.displayUrl))).status).toBe(401);
      const body = (await (await list(pollId, memberToken)).json()) as BallotList;
      const mine = receiptCode(pollId, `receipt-${mode}-0`);
      if (body.mode === 'secret') {
        expect(body.receipts).toHaveLength(3);
        expect(body.receipts).toContain(mine);
        // Nothing but the poll, its mode and bare codes: no member id, name or choice can hide
        // in it. (A text search for "p1" was flaky: random poll ids sometimes contain it.)
        expect(Object.keys(body).sort()).toEqual(['mode', 'pollId', 'receipts']);
        for (const code of body.receipts) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      } else {
        expect(body.ballots.find((b) => b.receipt === mine)).toEqual({ receipt: mine, memberId: 'p1', name: 'Herr Marotz', choice: 'no' });
      }
    }
  });
});
