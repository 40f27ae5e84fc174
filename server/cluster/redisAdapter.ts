import { createAdapter } from '@socket.io/redis-adapter';
import { createClient, type RedisClientType } from 'redis';
import type { Server } from 'socket.io';

/**
 * A publishing and a subscribing connection to Redis (a subscribing connection cannot publish),
 * both reporting their failures to `onError`. Shared by the adapter and the relay.
 */
export async function connectPubSub(url: string, onError: (error: Error) => void): Promise<{ pub: RedisClientType; sub: RedisClientType }> {
  const pub: RedisClientType = createClient({ url });
  const sub: RedisClientType = createClient({ url });
  pub.on('error', onError);
  sub.on('error', onError);
  await Promise.all([pub.connect(), sub.connect()]);
  return { pub, sub };
}

/**
 * Cluster-wide rooms: with this adapter, `io.to(room).emit(...)` on any node reaches the room's
 * sockets on every node, and `fetchSockets()` / `disconnectSockets()` see them all. The classic
 * pub/sub adapter (see README.md for why not Redis Streams or PostgreSQL).
 *
 * Call close() after io.close(): io.close() unsubscribes the adapter over these connections,
 * close() then waits for that and ends them. node-redis reconnects by itself; `onError` hears
 * of each failure meanwhile (and must be given: an unheard client error would end the process).
 * The connections are made before the Socket.IO server exists; install() then needs no await.
 */
export async function connectRedisAdapter(
  url: string,
  onError: (error: Error) => void,
): Promise<{ install<L extends object, E extends object, S extends object, D>(io: Server<L, E, S, D>): void; close(): Promise<void> }> {
  const { pub, sub } = await connectPubSub(url, onError);
  return {
    install(io) {
      // The key prefixes the channels: another application on the same Redis does not hear ours.
      io.adapter(createAdapter(pub, sub, { key: 'hz:io' }));
    },
    async close() {
      await Promise.all([pub.close(), sub.close()]);
    },
  };
}
