import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../server/test/harness.ts';
import { driveMeeting, type MeetingDriver } from './support/meetingDriver.ts';
import { displayContext, laptopContext, launchBrowser, SCREENSHOT_DIR, tabletContext, watchForErrors } from './support/browser.ts';

/**
 * The README's pictures, and the layout promises measured on the same pages: the display never
 * scrolls, its published numbers are at least 12 % of the screen height, the tablet survives
 * 200 % text. `npm run screenshots` sets README_SCREENSHOTS=1 to write into docs/screenshots/.
 */
const OUT = process.env.README_SCREENSHOTS ? resolve(import.meta.dirname, '../docs/screenshots') : join(SCREENSHOT_DIR, 'readme');

let server: TestServer;
let browser: Browser;
let drive: MeetingDriver;
const errors: string[] = [];
const contexts: BrowserContext[] = [];

async function open(ctx: Promise<BrowserContext>, url: string): Promise<Page> {
  const c = await ctx;
  contexts.push(c);
  const page = await c.newPage();
  watchForErrors(page, errors);
  await page.goto(url);
  return page;
}

/** CSS pixels, not device pixels: keeps the committed PNGs small. `review` pictures stay out of the README. */
async function shot(page: Page, name: string, review = false): Promise<void> {
  const dir = review ? join(SCREENSHOT_DIR, 'review') : OUT;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), scale: 'css', animations: 'disabled' });
}

/** Nothing sticks out sideways or below (the display has no scrollbar to rescue it). */
async function overflow(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const el = document.scrollingElement!;
    return { x: el.scrollWidth - el.clientWidth, y: el.scrollHeight - el.clientHeight };
  });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  drive?.dispose();
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.dispose();
});

describe('README pictures and layout', () => {
  it('tablet, chair console and display through one vote', async () => {
    const created = await server.createMeeting();
    drive = await driveMeeting(server, created);
    const chair = await open(laptopContext(browser), created.chairUrl);
    const display = await open(displayContext(browser), created.displayUrl);
    const small = await open(displayContext(browser, { width: 1280, height: 720 }), created.displayUrl.replace('#', '?theme=dark&lang=en#'));
    const tablet = await open(tabletContext(browser), created.members[1]!.joinUrl);
    const landscape = await open(tabletContext(browser, { landscape: true }), created.members[2]!.joinUrl);
    const chairTablet = await open(tabletContext(browser), created.chairUrl);
    const landing = await open(laptopContext(browser), `${server.url}/`);
    await landing.locator('.landing-hero').waitFor();
    await shot(landing, 'landing', true);

    await drive.select('Ö 12');
    await drive.open();
    await tablet.getByRole('button', { name: 'Ja' }).click();
    await tablet.getByText('Ihre Stimme: Ja – gespeichert').waitFor();
    await drive.vote([0, 3, 4, 5], 'yes');
    await drive.vote([6], 'no');
    await chair.getByText('abgegeben: 6 von 10').waitFor();
    await display.getByText('6', { exact: true }).waitFor();
    await landscape.getByRole('button', { name: 'Enthaltung' }).waitFor();

    await shot(tablet, 'tablet-portrait');
    await shot(landscape, 'tablet-landscape');
    await shot(chair, 'chair-console');
    await shot(display, 'display-vote');
    await shot(chairTablet, 'chair-tablet-portrait', true);
    expect((await overflow(chairTablet)).x).toBe(0);

    // Both orientations: the three buttons are at least 64 px high; stacked in portrait, side by side in landscape.
    for (const [page, sideBySide] of [[tablet, false], [landscape, true]] as const) {
      const boxes = await page.locator('.vote-btn').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      expect(boxes).toHaveLength(3);
      for (const b of boxes) expect(b.height).toBeGreaterThanOrEqual(64);
      const sameRow = boxes.every((b) => Math.abs(b.top - boxes[0]!.top) < 1);
      expect(sameRow).toBe(sideBySide);
      expect(await overflow(page)).toMatchObject({ x: 0 });
    }

    // 200 % text: nothing cut off, no sideways scrolling, the title still complete.
    for (const page of [tablet, landscape]) {
      // As the browser's text-size setting does: the root size doubles, everything in rem follows.
      await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
      expect((await overflow(page)).x).toBe(0);
      const clipped = await page.locator('.vote-btn, .item-title, .member-name').evaluateAll((els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > window.innerWidth).map((e) => e.textContent),
      );
      expect(clipped).toEqual([]);
      await page.getByText('Integrationskonzept des Landkreises Peine').waitFor();
    }
    await shot(tablet, 'tablet-portrait-200-percent');
    await shot(landscape, 'tablet-landscape-200-percent', true);

    await drive.vote([7, 8], 'no');
    await drive.vote([9], 'abstain');
    await drive.close();
    await drive.publish();
    await display.getByText('Mehrheitlich angenommen').waitFor();
    await small.getByText('Carried by majority').waitFor();
    await chair.getByText('Veröffentlicht auf der Saalanzeige').waitFor();
    await shot(display, 'display-result');
    await shot(small, 'display-result-dark-720p-en');
    await shot(chair, 'chair-published', true);

    // No scrolling at 1920×1080 or 1280×720, and numbers at least 12 % of the screen height.
    for (const page of [display, small]) {
      expect(await overflow(page)).toEqual({ x: 0, y: 0 });
      const ratios = await page.locator('.result-number').evaluateAll((els) =>
        els.map((e) => parseFloat(getComputedStyle(e).fontSize) / window.innerHeight),
      );
      expect(ratios).toHaveLength(3);
      for (const r of ratios) expect(r).toBeGreaterThanOrEqual(0.12);
      const verdict = await page.locator('.result-verdict').evaluate((e) => parseFloat(getComputedStyle(e).fontSize) / window.innerHeight);
      expect(verdict).toBeGreaterThanOrEqual(0.06);
    }
    expect(errors).toEqual([]);
  });

  it('the roll-call grid on the display and the pairing sheet', async () => {
    const created = await server.createMeeting();
    const rollCall = await driveMeeting(server, created);
    try {
      const display = await open(displayContext(browser), created.displayUrl);
      await rollCall.select('Ö 10');
      await rollCall.open({ mode: 'rollCall', rollCallLive: true });
      await rollCall.vote([0, 1, 2, 3, 4, 5], 'yes');
      await rollCall.vote([6, 7], 'no');
      await rollCall.vote([8], 'abstain');
      await display.getByText('Herr Kühn').waitFor();
      await display.locator('.roll-call-grid').waitFor();
      expect(await overflow(display)).toEqual({ x: 0, y: 0 });
      await shot(display, 'display-roll-call');
    } finally {
      rollCall.dispose();
    }

    const admin = await open(laptopContext(browser), `${server.url}/admin/#/cards/${created.id}`);
    await admin.getByLabel('Admin-Token').fill(server.adminToken);
    await admin.getByRole('button', { name: 'Anmelden' }).click();
    await admin.getByRole('button', { name: 'Karten ausstellen' }).click();
    await admin.locator('.card svg.qr').nth(created.members.length - 1).waitFor();
    await shot(admin, 'pairing-sheet');
    expect(errors).toEqual([]);
  });
});
