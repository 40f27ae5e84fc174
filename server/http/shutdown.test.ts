import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServer } from '../test/harness.ts';

/** A raw TCP connection to the server, and a promise that settles once the server closed it. */
async function openConnection(url: string): Promise<{ socket: Socket; closed: Promise<void> }> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => {}); // a reset by the server is what these tests wait for
  return { socket, closed };
}

describe('stopping the server', () => {
  // Both used to hold the HTTP server's close, and so the whole shutdown, for as long as the
  // client kept the connection or until Node's own timeouts: longer than the test timeout.
  it('ends although a client holds a connection without ever sending a request (a browser preconnect)', async () => {
    const server = await startServer();
    const idle = await openConnection(server.url);
    await server.dispose();
    await idle.closed;
  });

  it('ends although a client never finishes its request, and still answers a request that arrived whole', async () => {
    const server = await startServer();
    const stalled = await openConnection(server.url);
    stalled.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'); // the blank line never comes
    const answered = fetch(`${server.url}/healthz`).then((r) => r.status);
    await new Promise((r) => setTimeout(r, 50)); // both requests reach the server before it stops
    await server.dispose();
    await stalled.closed;
    expect(await answered).toBe(200);
  });
});
