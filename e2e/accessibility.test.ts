import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../server/test/harness.ts';
import { driveMeeting, type MeetingDriver } from './support/meetingDriver.ts';
import { displayContext, laptopContext, launchBrowser, SCREENSHOT_DIR, tabletContext, watchForErrors } from './support/browser.ts';

/**
 * axe-core on every view in every state, in light and in dark: any serious or critical
 * violation (contrast, missing names, broken ARIA …) fails. States are reached over sockets
 * so the pages only have to be looked at.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** Injected once per page (the views never navigate), not before every run: halves the time on two cores. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: TestServer;
let browser: Browser;
let drive: MeetingDriver;
const contexts: BrowserContext[] = [];
const errors: string[] = [];
const findings: string[] = [];
const checked: string[] = [];

async function open(ctx: Promise<BrowserContext>, url: string, waitFor: string): Promise<Page> {
  const c = await ctx;
  contexts.push(c);
  const page = await c.newPage();
  watchForErrors(page, errors);
  // Colours are checked at rest, not halfway through a transition.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url);
  await page.locator(waitFor).first().waitFor();
  await page.evaluate(AXE_SOURCE);
  return page;
}

/** Runs axe in both colour schemes and records serious/critical violations. */
async function check(page: Page, view: string, state: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    const { violations } = await page.evaluate(
      (tags) => (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
      TAGS,
    );
    for (const v of violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      for (const node of v.nodes) findings.push(`${view}/${state}/${colorScheme}: ${v.id} at ${node.target.join(' ')} – ${node.failureSummary?.split('\n').slice(1).join(' ').trim()}`);
    }
    checked.push(`${view}/${state}/${colorScheme}`);
    // A11Y_SHOTS=1 keeps a picture of every checked state, to look at by eye as well.
    if (process.env.A11Y_SHOTS) await page.screenshot({ path: join(SCREENSHOT_DIR, 'a11y', `${view}-${state}-${colorScheme}.png`.replace(/ /g, '-')), scale: 'css' });
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
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

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it('no serious or critical violation on any view, in any state, light or dark', { timeout: 600_000 }, async () => {
    const created = await server.createMeeting();
    drive = await driveMeeting(server, created);
    const landing = await open(laptopContext(browser), `${server.url}/`, '.landing-hero');
    const unpaired = await open(tabletContext(browser), `${server.url}/member/`, '.unpaired');
    const chair = await open(laptopContext(browser), created.chairUrl, '.chair');
    const display = await open(displayContext(browser), created.displayUrl, '.display');
    const member = await open(tabletContext(browser), created.members[0]!.joinUrl, '.member');
    const advisory = await open(tabletContext(browser), created.members[10]!.joinUrl, '.member-advisory');

    await check(landing, 'landing', 'start');
    await check(unpaired, 'member', 'unpaired');
    await check(chair, 'chair', 'idle');
    await check(display, 'display', 'idle');
    await check(member, 'member', 'waiting');
    await check(advisory, 'member', 'advisory');

    await drive.select('N 1');
    await display.locator('.item-redacted').waitFor();
    await check(display, 'display', 'non-public');
    await check(chair, 'chair', 'non-public item');

    await drive.select('Ö 12');
    await drive.open();
    await member.locator('.vote-btn').first().waitFor();
    await display.locator('.progress').waitFor();
    await chair.locator('.poll-progress').waitFor();
    await check(member, 'member', 'vote open');
    await check(chair, 'chair', 'vote running');
    await check(display, 'display', 'vote running');

    // Focus is visible on every control reached by keyboard.
    for (const page of [member, chair]) {
      await page.locator('body').focus();
      let rings = 0;
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          return { what: el.textContent?.trim().slice(0, 30), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
        });
        if (!focus) continue;
        expect(focus.outline, `focus ring on ${focus.what}`).not.toBe('none');
        expect(focus.width, `focus ring on ${focus.what}`).toBeGreaterThanOrEqual(2);
        rings++;
      }
      expect(rings).toBeGreaterThanOrEqual(4);
    }

    await member.getByRole('button', { name: 'Ja' }).click();
    await member.getByText('Ihre Stimme: Ja – gespeichert').waitFor();
    await check(member, 'member', 'voted');

    await drive.vote([1, 2, 3, 4, 5, 6], 'yes');
    await drive.vote([7, 8], 'no');
    await drive.close();
    await member.locator('.vote-closed').waitFor();
    await chair.locator('.result-summary').waitFor();
    await check(member, 'member', 'closed');
    await check(chair, 'chair', 'closed');
    await check(display, 'display', 'closed');

    await drive.publish();
    await display.locator('.result').waitFor();
    await chair.locator('.published-note').waitFor();
    await check(chair, 'chair', 'published');
    await check(display, 'display', 'published');

    // The check can fail: a grey-on-grey line and a nameless button are found.
    await landing.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'low contrast';
      p.style.color = '#aaa';
      p.style.background = '#bbb';
      document.body.append(p, document.createElement('button'));
    });
    const before = findings.length;
    await check(landing, 'landing', 'broken on purpose');
    const planted = findings.splice(before).join('\n');
    expect(planted).toContain('color-contrast');
    expect(planted).toContain('button-name');

    expect(checked.length).toBeGreaterThanOrEqual(30);
    expect(findings).toEqual([]);
    expect(errors).toEqual([]);
  });
});
