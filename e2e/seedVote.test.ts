import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startServer, tokenOf, type TestServer } from '../server/test/harness.ts';
import { displayContext, laptopContext, launchBrowser, screenshot, tabletContext, watchForErrors } from './support/browser.ts';

let server: TestServer;
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
// Each test opens a dozen pages; closing them keeps the next test from competing with idle tablets.
let contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function open(kind: 'tablet' | 'display' | 'laptop', url: string): Promise<Page> {
  const ctx = kind === 'tablet' ? await tabletContext(browser) : kind === 'display' ? await displayContext(browser) : await laptopContext(browser);
  contexts.push(ctx);
  const page = await ctx.newPage();
  watchForErrors(page, errors);
  await page.goto(url);
  return page;
}

/** Runs one whole vote on Ö 12 through the real UI and returns the pages. */
async function runVote(choices: ('Ja' | 'Nein' | 'Enthaltung')[], shots: string | null) {
  const created = await server.createMeeting();
  const chair = await open('laptop', created.chairUrl);
  const display = await open('display', created.displayUrl);
  const tablets = await Promise.all(created.members.slice(0, choices.length).map((m) => open('tablet', m.joinUrl)));

  // Pairing: the token left the address bar and lives in the browser.
  await expect.poll(() => tablets[0]!.url()).not.toContain('token=');
  await tablets[0]!.getByText('Herr Marotz').waitFor();

  // Nobody counts as present until checked in: one member taps "Anwesend", the clerk checks in the rest.
  await tablets[0]!.getByRole('button', { name: 'Anwesend' }).click();
  await chair.getByText('Nicht beschlussfähig: 1 von 10 anwesend (6 erforderlich)').waitFor();
  await chair.getByRole('button', { name: 'Alle anwesend' }).click();
  await chair.getByText('Beschlussfähig: 10 von 10 anwesend').waitFor();

  await chair.getByRole('button', { name: /Ö 12/ }).click();
  await display.getByText('Integrationskonzept des Landkreises Peine').waitFor();
  await tablets[0]!.getByText('Integrationskonzept des Landkreises Peine').waitFor();
  await chair.getByRole('button', { name: 'Abstimmung starten' }).click();
  await display.getByText('Abstimmung läuft').waitFor();

  for (const [i, choice] of choices.entries()) {
    const tablet = tablets[i]!;
    await tablet.getByRole('button', { name: choice, exact: false }).first().click();
    await tablet.getByText(`Ihre Stimme: ${choice} – gespeichert`).waitFor();
    if (i === 6) {
      await chair.getByText('abgegeben: 7 von 10').waitFor();
      if (shots) {
        await screenshot(chair, `${shots}-chair-during-vote`);
        await screenshot(display, `${shots}-display-during-vote`);
        await screenshot(tablet, `${shots}-tablet-voted`);
      }
      // The audience sees progress, never a running tally.
      expect(await display.locator('.result-number').count()).toBe(0);
    }
  }
  await display.getByText(`${choices.length}`, { exact: true }).waitFor();
  await chair.getByText('Alle haben abgestimmt.').waitFor();
  await chair.getByRole('button', { name: 'Abstimmung beenden' }).click();
  await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
  await chair.getByText('Veröffentlicht auf der Saalanzeige').waitFor();
  return { created, chair, display, tablets };
}

describe('the seed vote in Chromium', () => {
  it('10 × Ja: the display shows 10 / – / – and "Einstimmig angenommen"; the minutes hold the seed block', async () => {
    const { created, display, tablets, chair } = await runVote(Array(10).fill('Ja'), 'seed');
    await display.getByText('Einstimmig angenommen').waitFor();
    const numbers = await display.locator('.result-number').allTextContents();
    expect(numbers).toEqual(['10', '–', '–']);
    await screenshot(display, 'seed-display-published');
    await screenshot(chair, 'seed-chair-published');
    await tablets[0]!.getByText('Die Abstimmung ist beendet. Ihre Stimme: Ja').waitFor();
    await screenshot(tablets[0]!, 'seed-tablet-closed');

    const res = await fetch(`${server.url}/api/meetings/${created.id}/minutes.txt`, {
      headers: { authorization: `Bearer ${tokenOf(created.chairUrl)}` },
    });
    expect(await res.text()).toContain(
      'TOP Ö 12 – Integrationskonzept des Landkreises Peine (Vorlage 2022/032)\nBeschlussart: ungeändert beschlossen\nAbstimmungsergebnis: Einstimmig\nJa-Stimmen: 10\nNein-Stimmen: -\nEnthaltung/en: -',
    );
    expect(errors).toEqual([]);
  });

  it('4 Ja, 4 Nein, 2 Enthaltung: "Abgelehnt"', async () => {
    const choices = [...Array(4).fill('Ja'), ...Array(4).fill('Nein'), 'Enthaltung', 'Enthaltung'];
    const { created, display } = await runVote(choices, 'mixed');
    await display.getByText('Abgelehnt').waitFor();
    expect(await display.locator('.result-number').allTextContents()).toEqual(['4', '4', '2']);
    await screenshot(display, 'mixed-display-published');
    const res = await fetch(`${server.url}/api/meetings/${created.id}/minutes.txt`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    expect(await res.text()).toContain('Beschlussart: abgelehnt\nAbstimmungsergebnis: Abgelehnt\nJa-Stimmen: 4\nNein-Stimmen: 4\nEnthaltung/en: 2');
    expect(errors).toEqual([]);
  });

  it('shows only "Nicht öffentlicher Teil" for a non-public item on the display', async () => {
    const created = await server.createMeeting();
    const chair = await open('laptop', created.chairUrl);
    const display = await open('display', created.displayUrl);
    await chair.getByRole('button', { name: /N 1/ }).click();
    await display.getByText('Nicht öffentlicher Teil').waitFor();
    expect(await display.textContent('body')).not.toContain('Migrationsberatung');
  });
});
