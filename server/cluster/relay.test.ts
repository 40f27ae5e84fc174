import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../test/engines/redis.ts';
import { NodeGoneError, Relay, RelayTimeoutError, RemoteError, type RelayHandler } from './relay.ts';

/** What the realtime layer will forward: the event, its payload and who sent it. */
interface Command {
  event: string;
  payload: unknown;
  principal: { role: string; meetingId: string; memberId?: string };
}
type Answer = { ok: true; handledBy: string; from: string; command: Command } | { ok: false };

let redis: TestRedis;
const relays: Relay<Command, Answer>[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  await Promise.all(relays.splice(0).map((r) => r.close()));
});
afterAll(async () => {
  await redis?.stop();
});

const errors: Error[] = [];
async function node(nodeId: string, handler: RelayHandler<Command, Answer>): Promise<Relay<Command, Answer>> {
  const relay = await Relay.start(redis.url, nodeId, handler, (e) => errors.push(e));
  relays.push(relay);
  return relay;
}
const echo = (nodeId: string): RelayHandler<Command, Answer> => async (command, from) => ({ ok: true, handledBy: nodeId, from, command });

const ballot = (memberId: string): Command => ({
  event: 'ballot:cast',
  payload: { pollId: 'p1', choice: 'yes' },
  principal: { role: 'member', meetingId: 'm1', memberId },
});

describe('the relay', () => {
  it('delivers a call to the other node and brings its reply back', async () => {
    const a = await node('node-a', echo('node-a'));
    await node('node-b', echo('node-b'));
    expect(await a.call('node-b', ballot('p7'), 2000)).toEqual({ ok: true, handledBy: 'node-b', from: 'node-a', command: ballot('p7') });
    // Many at once: each reply finds its own call.
    const ids = Array.from({ length: 50 }, (_, i) => `p${i}`);
    const replies = await Promise.all(ids.map((id) => a.call('node-b', ballot(id), 2000)));
    expect(replies.map((r) => (r.ok ? r.command.principal.memberId : undefined))).toEqual(ids);
    expect(errors).toEqual([]);
  });

  it('passes the other node\'s failure on as a RemoteError', async () => {
    const a = await node('node-a', echo('node-a'));
    await node('node-b', async () => {
      throw new Error('meeting not open here');
    });
    await expect(a.call('node-b', ballot('p1'), 2000)).rejects.toThrow(new RemoteError('meeting not open here'));
  });

  it('fails at once with NodeGoneError when the node\'s connection is closed', async () => {
    const a = await node('node-a', echo('node-a'));
    const b = await node('node-b', echo('node-b'));
    await b.close();
    const started = performance.now();
    await expect(a.call('node-b', ballot('p1'), 5000)).rejects.toBeInstanceOf(NodeGoneError);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('times out when the node listens but does not answer, and drops the late reply', async () => {
    const a = await node('node-a', echo('node-a'));
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    await node('node-b', async (command, from) => {
      await new Promise((r) => setTimeout(r, 300));
      answer();
      return { ok: true, handledBy: 'node-b', from, command };
    });
    const started = performance.now();
    await expect(a.call('node-b', ballot('p1'), 100)).rejects.toBeInstanceOf(RelayTimeoutError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(99);
    await answered;
    // The late reply found nobody waiting; the relay still works.
    expect(await a.call('node-b', ballot('p2'), 2000)).toMatchObject({ ok: true, handledBy: 'node-b' });
  });

  it('fails calls still waiting when it is closed', async () => {
    const a = await node('node-a', echo('node-a'));
    await node('node-b', () => new Promise(() => {}));
    const waiting = a.call('node-b', ballot('p1'), 5000);
    await new Promise((r) => setTimeout(r, 50));
    await a.close();
    await expect(waiting).rejects.toThrow('relay closed');
    await expect(a.call('node-b', ballot('p1'), 5000)).rejects.toThrow('relay closed');
  });
});
