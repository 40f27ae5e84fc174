import { devices, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentPoll } from '../shared/protocol/selectors.ts';
import { connectClient, startServer, tokenOf, type TestClient, type TestServer } from '../server/test/harness.ts';
import { launchBrowser, watchForErrors } from './support/browser.ts';

/**
 * The tablet loads socket.io's client after its first frame (client/sync/connection.ts). On a
 * first start the service worker has not precached it yet: if the Wi-Fi drops in between, the
 * import fails. The tablet must say it cannot connect and load the library once it can, not
 * stay without a connection until someone reloads the page.
 */

let server: TestServer;
let browser: Browser;
let ctx: BrowserContext;
let chair: TestClient;
let blocked = true;
let attempts = 0;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // No service worker: every request of the page goes through the route below.
  ctx = await browser.newContext({ ...devices['iPad (gen 7)'], locale: 'de-DE', timezoneId: 'Europe/Berlin', serviceWorkers: 'block' });
  await ctx.route(/\/assets\/socket-[\w-]+\.js$/, (route) => {
    attempts++;
    return blocked ? route.abort('internetdisconnected') : route.continue();
  });
});
afterAll(async () => {
  chair?.disconnect();
  await ctx?.close();
  await browser?.close();
  await server?.dispose();
});

describe('a first start whose socket library cannot be loaded', () => {
  it('says it cannot connect, keeps trying, and connects and votes once the library arrives', async () => {
    const created = await server.createMeeting();
    chair = await connectClient(server.url, tokenOf(created.chairUrl));
    for (const m of created.members) expect((await chair.call('attendance:set', { memberId: m.id, present: true })).ok).toBe(true);
    const itemId = chair.snapshot().agenda.find((i) => i.number === 'Ö 12')!.id;
    expect((await chair.call('poll:open', { itemId })).ok).toBe(true);

    const page = await ctx.newPage();
    const errors: string[] = [];
    watchForErrors(page, errors);
    await page.goto(created.members[2]!.joinUrl);
    await page.getByText('Verbindung wird wiederhergestellt …').waitFor();
    // Tried again, not once and given up.
    await expect.poll(() => attempts, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);

    blocked = false;
    await page.getByText('Verbunden').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Ja' }).click();
    await page.getByText('Ihre Stimme: Ja – gespeichert').waitFor();
    await expect.poll(() => currentPoll(chair.snapshot())?.castCount).toBe(1);
    // The failed loads are the only errors the page logged.
    expect(errors.filter((e) => !/socket-[\w-]+\.js|Failed to fetch dynamically imported module|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});
