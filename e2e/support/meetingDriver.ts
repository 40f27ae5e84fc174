import type { Choice, VoteMode } from '../../shared/meeting/model.ts';
import { currentPoll } from '../../shared/protocol/selectors.ts';
import { connectClient, tokenOf, type TestClient, type TestServer } from '../../server/test/harness.ts';
import type { CreatedMeeting } from '../../server/meetings/createMeeting.ts';

/**
 * Moves a meeting from state to state over real sockets, so browser tests can look at each
 * state without clicking through the whole meeting first.
 */
export interface MeetingDriver {
  select(number: string): Promise<void>;
  open(options?: { mode?: VoteMode; rollCallLive?: boolean }): Promise<string>;
  vote(memberIndexes: number[], choice: Choice): Promise<void>;
  close(): Promise<void>;
  publish(): Promise<void>;
  dispose(): void;
}

export async function driveMeeting(server: TestServer, created: CreatedMeeting): Promise<MeetingDriver> {
  const chair = await connectClient(server.url, tokenOf(created.chairUrl));
  const members = new Map<number, TestClient>();
  const member = async (i: number) => {
    let client = members.get(i);
    if (!client) {
      client = await connectClient(server.url, tokenOf(created.members[i]!.joinUrl));
      members.set(i, client);
    }
    return client;
  };
  const must = async (p: Promise<{ ok: boolean }>) => {
    const r = await p;
    if (!r.ok) throw new Error(`driver: ${JSON.stringify(r)}`);
    return r;
  };
  /**
   * The current item's poll once it is in `status`: a step taken in the browser a moment ago
   * (a click on "open" or "close") may not have reached this connection yet.
   */
  const pollId = async (status: 'open' | 'closed') => currentPoll(await chair.waitFor((s) => currentPoll(s)?.status === status))!.id;
  // Everyone is checked in by the chair, so votes may open (quorum) and every member may vote.
  for (const m of chair.snapshot().members) await must(chair.call('attendance:set', { memberId: m.id, present: true }));
  return {
    async select(number) {
      const item = chair.snapshot().agenda.find((i) => i.number === number);
      if (!item) throw new Error(`driver: no item ${number}`);
      await must(chair.call('item:select', { itemId: item.id }));
      await chair.waitFor((s) => s.currentItemId === item.id);
    },
    async open(options = {}) {
      const itemId = chair.snapshot().currentItemId!;
      await must(chair.call('poll:open', { itemId, ...options }));
      const s = await chair.waitFor((s) => currentPoll(s)?.status === 'open');
      return currentPoll(s)!.id;
    },
    async vote(indexes, choice) {
      const id = await pollId('open');
      for (const i of indexes) {
        const client = await member(i);
        await must(client.call('ballot:cast', { pollId: id, choice, ballotId: `drv-${id}-${i}`.replace(/[^A-Za-z0-9_-]/g, '_') }));
      }
    },
    async close() {
      const id = await pollId('open');
      await must(chair.call('poll:close', { pollId: id }));
      await chair.waitFor((s) => currentPoll(s)?.status === 'closed');
    },
    async publish() {
      const id = await pollId('closed');
      await must(chair.call('poll:publish', { pollId: id }));
      await chair.waitFor((s) => currentPoll(s)?.status === 'published');
    },
    dispose() {
      chair.close();
      for (const c of members.values()) c.close();
    },
  };
}
