import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.dispose();
});

/** One request through node:http, which sends Latin-1 header values that fetch refuses. */
function status(method: string, path: string, headers: Record<string, string>, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(server.url + path, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('bad input is a 4xx, never a 500', () => {
  it('a bearer token as long as the admin token but with non-ASCII characters is a 401', async () => {
    const created = await server.createMeeting();
    const headers = { authorization: `Bearer ${'ä'.repeat(server.adminToken.length)}`, 'content-type': 'application/json' };
    expect(await status('POST', '/api/meetings', headers, '{}')).toBe(401);
    expect(await status('GET', `/api/meetings/${created.id}/minutes.txt`, headers)).toBe(401);
    expect(await status('POST', `/api/meetings/${created.id}/members/p1/link`, headers)).toBe(401);
    expect(await status('GET', `/api/meetings/${created.id}/results.json`, headers)).toBe(401);
  });

  it('a malformed escape in a member id is a 400', async () => {
    const created = await server.createMeeting();
    const admin = { authorization: `Bearer ${server.adminToken}` };
    const res = await fetch(`${server.url}/api/meetings/${created.id}/members/%E0%A4%A/link`, { method: 'POST', headers: admin });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/escape/i);
    // A well-formed escape still works: member ids may be OParl URLs.
    expect((await fetch(`${server.url}/api/meetings/${created.id}/members/p%31/link`, { method: 'POST', headers: admin })).status).toBe(200);
  });
});
