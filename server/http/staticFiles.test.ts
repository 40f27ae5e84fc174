import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../app.ts';
import { createLogger } from '../logger.ts';

const STYLE = ':root{--font:system-ui}\n.ja::after{content:"✓"}\n';

/** A real server over a small client folder of its own, so the test needs no build. */
const root = mkdtempSync(join(tmpdir(), 'handzeichen-static-'));
let app: App;
let base: string;
beforeAll(async () => {
  mkdirSync(join(root, 'client', 'member'), { recursive: true });
  writeFileSync(join(root, 'client', 'member', 'index.html'), '<!doctype html><title>member</title>');
  mkdirSync(join(root, 'client', 'größe'));
  mkdirSync(join(root, 'client', 'styled'));
  writeFileSync(join(root, 'client', 'styled', 'index.html'), `<!doctype html><title>styled</title><style>${STYLE}</style><p>Ja</p><style></style>`);
  app = createApp({ dbFile: join(root, 'db.sqlite'), adminToken: 'static-admin-token-0123456789', staticDir: join(root, 'client'), log: createLogger('silent') });
  base = `http://127.0.0.1:${(await app.listen(0)).port}`;
});
afterAll(async () => {
  await app?.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string) => fetch(base + path, { redirect: 'manual' });

describe('static files', () => {
  it('redirects a folder to its slash form on this host', async () => {
    const res = await get('/member');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/member/');
    expect((await get('/member/')).status).toBe(200);
    expect((await get('/member%2Findex.html')).status).toBe(200);
    // A folder name outside Latin-1 is escaped in the Location, not a 500.
    const odd = await get('/gr%C3%B6%C3%9Fe');
    expect(odd.status).toBe(301);
    expect(odd.headers.get('location')).toBe('/gr%C3%B6%C3%9Fe/');
  });

  it('never redirects to another host and never fails on odd paths', async () => {
    for (const path of [
      '/%2Fevil.example%2F..%2Fmember',
      '/%2F%2Fevil.example%2F..%2F..%2Fmember',
      '/%5Cevil.example%2F..%2Fmember',
      '/%5C%5Cevil.example%2F..%2F..%2Fmember',
      '/member%5C',
      '/member%2F..%2Fmember',
      '/%0D%0ASet-Cookie:%20x=1%2F..%2Fmember',
      '/%E2%82%AC%2F..%2Fmember',
      '/%C3%A4',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('location'), path).toBeNull();
    }
  });

  it("allows a page's own inline styles by their hashes, and no inline style on any other response", async () => {
    const styled = await get('/styled/');
    expect(styled.status).toBe(200);
    const body = await styled.text();
    expect(body).toContain(STYLE);
    expect(Number(styled.headers.get('content-length'))).toBe(Buffer.byteLength(body));
    const styleSrc = styled.headers.get('content-security-policy')!.split('; ').find((d) => d.startsWith('style-src'));
    // The SHA-256 of the style's UTF-8 text, and of the empty second one (a well-known value).
    const digest = createHash('sha256').update(STYLE, 'utf8').digest('base64');
    expect(styleSrc).toBe(`style-src 'self' 'sha256-${digest}' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='`);
    expect((await fetch(`${base}/styled/`, { method: 'HEAD' })).headers.get('content-length')).toBe(String(Buffer.byteLength(body)));

    // A new build of the page while the server runs: its policy follows the bytes sent.
    const rebuilt = '.ja{color:green}';
    writeFileSync(join(root, 'client', 'styled', 'index.html'), `<!doctype html><style>${rebuilt}</style>`);
    const again = await get('/styled/');
    expect(await again.text()).toContain(rebuilt);
    expect(again.headers.get('content-security-policy')).toContain(`style-src 'self' 'sha256-${createHash('sha256').update(rebuilt, 'utf8').digest('base64')}';`);

    for (const path of ['/member/', '/api/meetings', '/nowhere']) {
      const res = await get(path);
      expect(res.headers.get('content-security-policy'), path).toContain("style-src 'self';");
    }
  });
});
