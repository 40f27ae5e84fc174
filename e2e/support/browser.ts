import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, devices, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every Chromium of the tests and benches starts with. */
export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Where every browser of the tests and benches is: Germany, in German. */
export const LOCALE = 'de-DE';
export const TIMEZONE = 'Europe/Berlin';
/** The member's tablet of the tests and the tablet-start bench (a Playwright device descriptor). */
export const TABLET_NAME = 'iPad (gen 7)';
export const TABLET = devices[TABLET_NAME];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
}

/**
 * A tablet with a real profile on disk, as an installed app has: Chromium refuses to judge
 * installability in an off-the-record context (`in-incognito`), which `newContext` creates.
 */
export function launchPersistentTablet(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: BROWSER_ARGS,
    ...TABLET,
    locale: LOCALE,
    timezoneId: TIMEZONE,
  });
}

/** A member tablet: iPad (gen 7) emulation, German. */
export function tabletContext(browser: Browser, opts: { landscape?: boolean } = {}): Promise<BrowserContext> {
  const device = opts.landscape ? devices[`${TABLET_NAME} landscape`] : TABLET;
  return browser.newContext({ ...device, locale: LOCALE, timezoneId: TIMEZONE });
}

/** The projected room display. */
export function displayContext(browser: Browser, viewport = { width: 1920, height: 1080 }): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: LOCALE, timezoneId: TIMEZONE });
}

/** The chair's laptop. */
export function laptopContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1440, height: 900 }, locale: LOCALE, timezoneId: TIMEZONE });
}

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Fails the test on any uncaught page error or CSP violation instead of letting it pass silently. */
export function watchForErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
}
