import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.dispose();
});

describe('security headers', () => {
  it('are on Socket.IO polling responses too: handshake, sent and received packets', async () => {
    const polling = `${server.url}/socket.io/?EIO=4&transport=polling`;
    const handshake = await fetch(polling);
    expect(handshake.status).toBe(200);
    const { sid } = JSON.parse((await handshake.text()).slice(1)) as { sid: string };
    // Connect to the default namespace without a token: the answer is an error packet, at once.
    const sent = await fetch(`${polling}&sid=${sid}`, { method: 'POST', body: '40', headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    const received = await fetch(`${polling}&sid=${sid}`);
    expect(await received.text()).toContain('unauthorized');
    for (const res of [handshake, sent, received]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    }
  });

  it('leave out Strict-Transport-Security over plain http', async () => {
    for (const path of ['/api/meetings', '/socket.io/?EIO=4&transport=polling']) {
      const res = await fetch(server.url + path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });
});
