import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io as ioClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import { createApp, type App } from '../app.ts';
import { readConfig } from '../config.ts';
import { DEMO_MEETING } from '../demo/demoMeeting.ts';
import { createLogger } from '../logger.ts';
import type { CreatedMeeting } from '../meetings/createMeeting.ts';
import { tokenOf } from './harness.ts';

/** HTTPS from TLS_CERT/TLS_KEY: a self-signed certificate made here with openssl. */

const dir = mkdtempSync(join(tmpdir(), 'handzeichen-tls-'));
const certFile = join(dir, 'cert.pem');
const keyFile = join(dir, 'key.pem');
let app: App;
let base: string;
let cert: Buffer;

beforeAll(async () => {
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout', keyFile, '-out', certFile,
  ], { stdio: 'ignore' });
  const config = readConfig({ TLS_CERT: certFile, TLS_KEY: keyFile, DATA_DIR: dir });
  cert = readFileSync(certFile);
  app = createApp({
    dbFile: join(dir, 'db.sqlite'),
    adminToken: 'tls-admin-token-0123456789',
    staticDir: resolve(import.meta.dirname, '../../dist/client'),
    tls: config.tls,
    log: createLogger('silent'),
  });
  const address = await app.listen(0);
  base = `https://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

function httpsJson(path: string, body: unknown): Promise<{ status: number; headers: Record<string, unknown>; json: unknown }> {
  return new Promise((res, rej) => {
    const req = request(
      base + path,
      { method: 'POST', ca: cert, headers: { authorization: 'Bearer tls-admin-token-0123456789', 'content-type': 'application/json' } },
      (r) => {
        let text = '';
        r.on('data', (d: Buffer) => (text += d.toString()));
        r.on('end', () => res({ status: r.statusCode!, headers: r.headers, json: JSON.parse(text) }));
      },
    );
    req.on('error', rej);
    req.end(JSON.stringify(body));
  });
}

describe('HTTPS with TLS_CERT and TLS_KEY', () => {
  it('serves the API and Socket.IO over TLS, with https links and security headers', async () => {
    const created = await httpsJson('/api/meetings', DEMO_MEETING);
    expect(created.status).toBe(201);
    expect(created.headers['content-security-policy']).toContain("script-src 'self'");
    expect(created.headers['strict-transport-security']).toBe('max-age=31536000');
    const meeting = created.json as CreatedMeeting;
    expect(meeting.members[0]!.joinUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/member\/#token=/);

    const socket = ioClient(base, { auth: { token: tokenOf(meeting.members[0]!.joinUrl) }, transports: ['websocket'], ca: cert.toString(), forceNew: true, reconnection: false });
    const snapshot = await new Promise<MeetingSnapshot>((res, rej) => {
      socket.once('meeting:snapshot', res);
      socket.once('connect_error', rej);
    });
    socket.disconnect();
    expect(snapshot.self?.name).toBe('Herr Marotz');
  });

  it('refuses half a TLS configuration', () => {
    expect(() => readConfig({ TLS_CERT: certFile })).toThrow('Set both TLS_CERT and TLS_KEY');
  });
});
