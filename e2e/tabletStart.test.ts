import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, startServer, tokenOf, type TestClient, type TestServer } from '../server/test/harness.ts';
import { launchBrowser, screenshot, tabletContext, watchForErrors } from './support/browser.ts';

/**
 * A paired tablet that is started again during a vote shows its last known state — the
 * buttons — at once, before its socket is connected, and says "offline" only when the
 * connection has really failed, not during the first handshake. The socket is held open
 * without a server behind it (`routeWebSocket` without `connectToServer`), so the handshake
 * hangs as on a slow Wi-Fi until the test lets it through.
 */

let server: TestServer;
let browser: Browser;
let ctx: BrowserContext;
let chair: TestClient;
let holding = false;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ctx = await tabletContext(browser);
  await ctx.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (!holding) ws.connectToServer();
  });
});
afterAll(async () => {
  chair?.disconnect();
  await ctx?.close();
  await browser?.close();
  await server?.dispose();
});

describe('a tablet started again during a vote', () => {
  it('shows the buttons from its cached state before it connects, and "offline" only once connecting failed', async () => {
    const created = await server.createMeeting();
    chair = await connectClient(server.url, tokenOf(created.chairUrl));
    for (const m of created.members) expect((await chair.call('attendance:set', { memberId: m.id, present: true })).ok).toBe(true);
    const itemId = chair.snapshot().agenda.find((i) => i.number === 'Ö 12')!.id;
    expect((await chair.call('poll:open', { itemId })).ok).toBe(true);

    const first = await ctx.newPage();
    const errors: string[] = [];
    watchForErrors(first, errors);
    await first.goto(created.members[1]!.joinUrl);
    await first.getByRole('button', { name: 'Ja' }).waitFor();
    await first.waitForFunction(() => localStorage.getItem('handzeichen:snapshot:member')?.includes('"status":"open"'));
    await first.close();

    holding = true;
    const page = await ctx.newPage();
    watchForErrors(page, errors);
    await page.goto(new URL('/member/', server.url).href);
    const ja = page.getByRole('button', { name: 'Ja' });
    await ja.waitFor();
    // One look at the page, so status and notice are read from the same moment.
    const atStart = await page.evaluate(() => ({
      status: document.querySelector('.conn')?.getAttribute('data-status'),
      notice: document.querySelector('.offline-since')?.textContent ?? null,
      enabled: !(document.querySelector('button.choice-yes') as HTMLButtonElement | null)?.disabled,
    }));
    expect(atStart).toEqual({ status: 'connecting', notice: null, enabled: true });
    await page.getByText('Frau Wilke').waitFor();
    await screenshot(page, 'tablet-start-cached-connecting');
    // The member view's type: three sizes and two weights (member.css), each a font lookup in the
    // browser before the first frame; nothing smaller than the 18 px body text.
    const type = await page.evaluate(() => {
      const withText = [...document.querySelectorAll('.member *')].filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()));
      return [...new Set(withText.map((el) => `${getComputedStyle(el).fontSize} ${getComputedStyle(el).fontWeight}`))].sort();
    });
    expect(type).toEqual(['18px 400', '18px 700', '28px 700', '35.2px 700']);

    // The handshake times out: now the tablet says how old what it shows is.
    await page.getByText(/^offline – Stand von \d\d:\d\d$/).waitFor();
    await page.getByText('Verbindung wird wiederhergestellt …').waitFor();

    holding = false;
    await page.getByText('Verbunden').waitFor();
    expect(await page.getByText(/offline – Stand von/).count()).toBe(0);
    await ja.click();
    await page.getByText('Ihre Stimme: Ja – gespeichert').waitFor();
    expect(errors.filter((e) => !/WebSocket/.test(e))).toEqual([]);
  });
});
