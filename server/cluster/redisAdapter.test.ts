import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rooms, type AppServer } from '../realtime/types.ts';
import { startRedis, type TestRedis } from '../test/engines/redis.ts';
import { connectRedisAdapter } from './redisAdapter.ts';

let redis: TestRedis;
const cleanup: (() => Promise<void>)[] = [];
const errors: Error[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});
afterAll(async () => {
  await redis?.stop();
});

/** One "node": a Socket.IO server on a random loopback port, fanned out through Redis. Sockets join the room their handshake names. */
async function node(): Promise<{ io: AppServer; url: string }> {
  const http = createServer();
  const io: AppServer = new Server(http, { serveClient: false });
  const adapter = await connectRedisAdapter(redis.url, (e) => errors.push(e));
  adapter.install(io);
  io.on('connection', async (socket) => {
    await socket.join((socket.handshake.auth as { room: string }).room);
    (socket as unknown as { emit(e: string): void }).emit('joined');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  // io.close() first: it unsubscribes the adapter over the Redis connections close() then ends.
  cleanup.push(async () => {
    await io.close();
    await adapter.close();
  });
  return { io, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
}

/** A websocket-only client (as client/sync/connection.ts) in `room`, once the server has put it there. */
async function clientIn(url: string, room: string): Promise<ClientSocket> {
  const socket = connectClient(url, { transports: ['websocket'], auth: { room }, reconnection: false });
  cleanup.push(async () => void socket.close());
  await new Promise<void>((resolve, reject) => {
    socket.once('joined', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

const next = <T>(socket: ClientSocket, event: string) => new Promise<T>((resolve) => socket.once(event, resolve));

describe('the Redis adapter', () => {
  it('carries an emit to a room from one node to a socket on another', async () => {
    const a = await node();
    const b = await node();
    const room = rooms.chair('m1');
    const client = await clientIn(a.url, room);
    const outsider = await clientIn(a.url, rooms.display('m1'));
    let outsiderHeard = false;
    outsider.on('poll:progress', () => (outsiderHeard = true));

    const heard = next<unknown>(client, 'poll:progress');
    b.io.to(room).emit('poll:progress', { pollId: 'p1', voted: 3 } as never);
    expect(await heard).toEqual({ pollId: 'p1', voted: 3 });
    expect(outsiderHeard).toBe(false);
    expect(errors).toEqual([]);
  });

  it('shows the other node\'s sockets in a room, and disconnects them from there', async () => {
    const a = await node();
    const b = await node();
    const room = rooms.member('m1', 'p7');
    const client = await clientIn(a.url, room);
    // What the broadcaster and the link re-issue (server/realtime/linkHandlers.ts) rely on.
    expect((await b.io.in(room).fetchSockets()).map((s) => s.id)).toEqual([client.id]);
    expect(await b.io.in(rooms.member('m1', 'p8')).fetchSockets()).toEqual([]);
    const gone = next<string>(client, 'disconnect');
    b.io.in(room).disconnectSockets(true);
    expect(await gone).toBe('io server disconnect');
  });
});
