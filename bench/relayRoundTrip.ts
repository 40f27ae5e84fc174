import { startRedis } from '../server/test/engines/redis.ts';
import { Relay } from '../server/cluster/relay.ts';
import { summarize } from './stats.ts';

/**
 * Round trip of one forwarded command through the relay (server/cluster/relay.ts) between two
 * nodes on a throwaway local Redis: what a socket on a non-owner node pays on top of the
 * command itself. Prints median, p99 and max of sequential calls; asserts nothing.
 *
 *   npx tsx bench/relayRoundTrip.ts [calls=100]
 */
const calls = Number(process.argv[2] ?? 100);
const redis = await startRedis();
const fail = (e: Error) => console.error('redis:', e.message);
type Command = { event: string; payload: unknown; principal: { role: string; meetingId: string; memberId: string } };
const a = await Relay.start<Command, { ok: true }>(redis.url, 'node-a', async () => ({ ok: true }), fail);
const b = await Relay.start<Command, { ok: true }>(redis.url, 'node-b', async () => ({ ok: true }), fail);
try {
  const command: Command = { event: 'ballot:cast', payload: { pollId: 'p1', choice: 'yes' }, principal: { role: 'member', meetingId: 'm1', memberId: 'p7' } };
  for (let i = 0; i < 20; i++) await a.call('node-b', command, 2000); // warm-up: connections, JIT
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await a.call('node-b', command, 2000);
    samples.push(performance.now() - started);
  }
  const { p50, p99, max } = summarize(samples);
  console.log(`relay round trip over ${calls} calls: median ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, max ${max.toFixed(3)} ms`);
} finally {
  await Promise.all([a.close(), b.close()]);
  await redis.stop();
}
