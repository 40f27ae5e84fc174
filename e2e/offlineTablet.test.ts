import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, startServer, tokenOf, type TestClient, type TestServer } from '../server/test/harness.ts';
import { launchPersistentTablet, screenshot, watchForErrors } from './support/browser.ts';

/**
 * A tablet cut off for real: `setOffline` alone leaves an open WebSocket working, so every
 * socket of the tablet runs through `routeWebSocket`, which can close it and refuse new ones.
 * One persistent profile (the installed app) is re-paired by each test's join link, as a
 * council's pool tablet would be.
 */

let server: TestServer;
let ctx: BrowserContext;
const profile = mkdtempSync(join(tmpdir(), 'handzeichen-tablet-'));
const clients: TestClient[] = [];
const sockets = new Set<WebSocketRoute>();
let refusing = false;

beforeAll(async () => {
  server = await startServer();
  ctx = await launchPersistentTablet(profile);
  await ctx.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (refusing) return void ws.close();
    sockets.add(ws);
    ws.connectToServer();
    ws.onClose(() => sockets.delete(ws));
  });
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await ctx?.close();
  await server?.dispose();
  rmSync(profile, { recursive: true, force: true });
});

interface Tablet {
  page: Page;
  errors: string[];
  cut(): Promise<void>;
  restore(): Promise<void>;
}

async function openTablet(link: string): Promise<Tablet> {
  for (const p of ctx.pages()) await p.close();
  const page = await ctx.newPage();
  const errors: string[] = [];
  watchForErrors(page, errors);
  await page.goto(link);
  return {
    page,
    errors,
    async cut() {
      refusing = true;
      await ctx.setOffline(true);
      for (const ws of sockets) await ws.close();
    },
    async restore() {
      refusing = false;
      await ctx.setOffline(false);
    },
  };
}

/** The chair's connection, after the clerk has checked every member in by hand. */
async function chairOf(created: { chairUrl: string; members: { id: string }[] }): Promise<TestClient> {
  const chair = await connectClient(server.url, tokenOf(created.chairUrl));
  clients.push(chair);
  for (const m of created.members) {
    const res = await chair.call('attendance:set', { memberId: m.id, present: true });
    if (!res.ok) throw new Error(res.error.message);
  }
  return chair;
}

async function openPoll(chair: TestClient): Promise<string> {
  const itemId = chair.snapshot().agenda.find((i) => i.number === 'Ö 12')!.id;
  const res = await chair.call<{ pollId: string }>('poll:open', { itemId });
  if (!res.ok) throw new Error(res.error.message);
  return res.data.pollId;
}

function storedBallots(pollId: string): number {
  const db = new Database(server.dbFile, { readonly: true });
  const { n } = db.prepare('SELECT count(*) AS n FROM ballots WHERE poll_id = ?').get(pollId) as { n: number };
  db.close();
  return n;
}

const countsOf = async (chair: TestClient, pollId: string) =>
  (await chair.waitFor((s) => s.polls.some((p) => p.id === pollId && p.counts !== null))).polls.find((p) => p.id === pollId)!.counts;

describe('a tablet that loses the network', () => {
  it('is installable, and reopens offline from the precached shell with the last known meeting', async () => {
    const created = await server.createMeeting();
    const chair = await chairOf(created);
    const tablet = await openTablet(created.members[1]!.joinUrl);
    const { page } = tablet;
    await page.getByText('Frau Wilke').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    const cdp = await ctx.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
    expect(manifest.errors).toEqual([]);

    await openPoll(chair);
    await page.getByText('Abstimmung läuft').waitFor();
    await page.getByRole('button', { name: 'Ja' }).click();
    await page.getByText('Ihre Stimme: Ja – gespeichert').waitFor();

    await tablet.cut();
    await page.reload();
    await page.getByText('Frau Wilke').waitFor();
    await page.getByText(/^offline – Stand von \d\d:\d\d$/).waitFor();
    await screenshot(page, 'pwa-tablet-offline-reload');
    await page.getByText('Integrationskonzept des Landkreises Peine').waitFor();
    await page.getByText('Ihre Stimme: Ja – gespeichert').waitFor();

    // "Installed app": the manifest's start_url, opened fresh without network.
    const again = await ctx.newPage();
    await again.goto(new URL('/member/', server.url).href);
    await again.getByText('Frau Wilke').waitFor();
    await again.getByText(/^offline – Stand von/).waitFor();
    await tablet.restore();
    await again.getByText('Verbunden').waitFor();
    expect(await again.getByText(/offline – Stand von/).count()).toBe(0);
    expect(tablet.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|WebSocket|Failed to load resource/.test(e))).toEqual([]);
  });

  it('cut off before tapping Ja, back before the close: the tap is kept on the tablet and counted once', async () => {
    const created = await server.createMeeting();
    const chair = await chairOf(created);
    const tablet = await openTablet(created.members[0]!.joinUrl);
    const { page } = tablet;
    const pollId = await openPoll(chair);
    await page.getByText('Abstimmung läuft').waitFor();

    await tablet.cut();
    await page.getByText('Offline', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Ja' }).click();
    await page.getByText('Ihre Stimme: Ja – auf diesem Gerät gesichert').waitFor();
    await screenshot(page, 'outbox-tablet-offline-queued');
    expect(storedBallots(pollId)).toBe(0);
    expect(chair.snapshot().polls.find((p) => p.id === pollId)!.castCount).toBe(0);

    await tablet.restore();
    await page.getByText('Ihre Stimme: Ja – gespeichert').waitFor();
    await chair.waitFor((s) => s.polls.find((p) => p.id === pollId)!.castCount === 1);
    // A reload re-sends nothing twice: the outbox is empty, the server has one ballot.
    await page.reload();
    await page.getByText('Ihre Stimme: Ja – gespeichert').waitFor();
    expect(storedBallots(pollId)).toBe(1);
    expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
    expect(await countsOf(chair, pollId)).toEqual({ yes: 1, no: 0, abstain: 0 });
  });

  it('cut off until after the close: the vote is not counted, and the tablet says so plainly', async () => {
    const created = await server.createMeeting();
    const chair = await chairOf(created);
    const tablet = await openTablet(created.members[2]!.joinUrl);
    const { page } = tablet;
    const pollId = await openPoll(chair);
    await page.getByText('Abstimmung läuft').waitFor();

    await tablet.cut();
    await page.getByText('Offline', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Ja' }).click();
    await page.getByText('Ihre Stimme: Ja – auf diesem Gerät gesichert').waitFor();
    expect(storedBallots(pollId)).toBe(0);
    expect((await chair.call('poll:close', { pollId })).ok).toBe(true);

    await tablet.restore();
    await page.getByText('Ihre Stimme kam nach Abstimmungsende an und wurde nicht gezählt.').waitFor();
    await screenshot(page, 'outbox-tablet-late');
    expect(await countsOf(chair, pollId)).toEqual({ yes: 0, no: 0, abstain: 0 });
    expect(storedBallots(pollId)).toBe(0);
  });

  it('started again offline during a vote: the app comes from the service worker (its page with the styles in it, its script, the socket library), and a tap is kept and sent once back online', async () => {
    const created = await server.createMeeting();
    const chair = await chairOf(created);
    const pollId = await openPoll(chair);
    const tablet = await openTablet(created.members[3]!.joinUrl);
    const { page } = tablet;
    await page.getByRole('button', { name: 'Ja' }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(() => localStorage.getItem('handzeichen:snapshot:member')?.includes('"status":"open"'));
    // The tablet keeps its own app only, not the chair's or the display's pages.
    const precached = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname)))).flat());
    expect(precached.some((p) => /^\/assets\/(chair|display|admin)-/.test(p))).toBe(false);

    await tablet.cut();
    await page.close();
    // The installed app's start URL, opened with no network: everything from the service worker.
    const again = await ctx.newPage();
    const errors: string[] = [];
    watchForErrors(again, errors);
    const loaded: { url: string; fromWorker: boolean; type: string }[] = [];
    again.on('response', (r) => loaded.push({ url: new URL(r.url()).pathname, fromWorker: r.fromServiceWorker(), type: r.request().resourceType() }));
    await again.goto(new URL('/member/', server.url).href);
    await again.getByText('Abstimmung läuft').waitFor();
    const startPath = loaded.filter((r) => r.type === 'script' || r.type === 'stylesheet');
    // The app's one script and socket.io's chunk, loaded on demand (connection.ts); its styles are in the page.
    expect(startPath.map((r) => r.type).sort()).toEqual(['script', 'script']);
    expect(await again.evaluate(() => document.styleSheets.length)).toBe(1);
    expect(startPath.filter((r) => r.type === 'script').map((r) => r.url.replace(/-[\w-]{8}\.js$/, '')).sort()).toEqual(['/assets/member', '/assets/socket']);
    expect(loaded.every((r) => r.fromWorker)).toBe(true);
    // Straight from the precache by the worker's static route (public/sw-routes.js), without its fetch handler.
    const routed = await again.evaluate(() =>
      performance.getEntriesByType('resource').filter((r) => /\/assets\/member-/.test(r.name)).map((r) => (r as PerformanceResourceTiming & { workerFinalSourceType?: string }).workerFinalSourceType),
    );
    expect(routed).toEqual(['cache']);

    await again.getByRole('button', { name: 'Ja' }).click();
    await again.getByText('Ihre Stimme: Ja – auf diesem Gerät gesichert').waitFor();
    expect(storedBallots(pollId)).toBe(0);
    await tablet.restore();
    await again.getByText('Ihre Stimme: Ja – gespeichert').waitFor();
    await chair.waitFor((s) => s.polls.find((p) => p.id === pollId)!.castCount === 1);
    expect(storedBallots(pollId)).toBe(1);
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|WebSocket|Failed to load resource/.test(e))).toEqual([]);
  });
});
