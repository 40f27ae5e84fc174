import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEETING } from '../server/demo/demoMeeting.ts';
import { connectClient, startServer, tokenOf, type TestServer } from '../server/test/harness.ts';
import { laptopContext, launchBrowser, screenshot, tabletContext, watchForErrors } from './support/browser.ts';

let server: TestServer;
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function open(kind: 'tablet' | 'laptop', url: string): Promise<Page> {
  const page = await (kind === 'tablet' ? tabletContext(browser) : laptopContext(browser)).then((ctx) => ctx.newPage());
  watchForErrors(page, errors);
  await page.goto(url);
  return page;
}

describe('voting law in Chromium', () => {
  it('GO-BY: the tablet offers only Ja and Nein, and the server refuses an Enthaltung sent over the socket', async () => {
    const created = await server.createMeeting({ ...DEMO_MEETING, rules: 'GO-BY' });
    const chair = await open('laptop', created.chairUrl);
    const tablet = await open('tablet', created.members[0]!.joinUrl);
    await chair.getByText('GO-BY (Bayern)').waitFor();
    await chair.getByText('Keine Stimmenthaltung zulässig (Art. 48 Abs. 1 Satz 2 GO)').waitFor();

    await tablet.getByRole('button', { name: 'Anwesend' }).click();
    await chair.getByRole('button', { name: 'Alle anwesend' }).click();
    await chair.getByText('Beschlussfähig: 10 von 10 anwesend').waitFor();
    await chair.getByRole('button', { name: /Ö 12/ }).click();
    await chair.getByLabel('Erforderliche Mehrheit').selectOption('twoThirdsCast');
    await chair.getByRole('radio', { name: 'namentlich' }).waitFor();
    await chair.getByRole('button', { name: 'Abstimmung starten' }).click();

    await tablet.getByRole('button', { name: 'Nein' }).waitFor();
    expect(await tablet.getByRole('button', { name: 'Ja' }).count()).toBe(1);
    expect(await tablet.getByRole('button', { name: 'Enthaltung' }).count()).toBe(0);
    expect(await tablet.getByText('Enthaltung').count()).toBe(0);
    await screenshot(tablet, 'rules-goby-tablet');
    await screenshot(chair, 'rules-goby-chair');

    const snooper = await connectClient(server.url, tokenOf(created.members[1]!.joinUrl));
    const pollId = snooper.snapshot().polls.find((p) => p.status === 'open')!.id;
    expect(await snooper.call('ballot:cast', { pollId, choice: 'abstain', ballotId: 'direct-abstain-1' })).toMatchObject({
      ok: false,
      error: { code: 'choice_not_allowed' },
    });
    snooper.disconnect();
    await chair.getByText('abgegeben: 0 von 10').waitFor();
    expect(errors).toEqual([]);
  });

  it('NKomVG: Mitwirkungsverbot marked by the chair reaches the tablet; a vote without quorum needs confirmation', async () => {
    const created = await server.createMeeting();
    const chair = await open('laptop', created.chairUrl);
    const tablet = await open('tablet', created.members[0]!.joinUrl);
    await chair.getByText('Nicht beschlussfähig: 0 von 10 anwesend (6 erforderlich)').first().waitFor();
    await screenshot(tablet, 'rules-tablet-check-in');
    await tablet.getByRole('button', { name: 'Anwesend' }).click();
    await chair.getByText('Nicht beschlussfähig: 1 von 10 anwesend (6 erforderlich)').first().waitFor();
    await chair.getByLabel('Frau Wilke anwesend').check();
    await chair.getByText('Nicht beschlussfähig: 2 von 10 anwesend (6 erforderlich)').first().waitFor();

    await chair.getByRole('button', { name: /Ö 12/ }).click();
    await chair.getByLabel('Herr Marotz: Mitwirkungsverbot zu TOP Ö 12').check();
    await tablet.getByText('Mitwirkungsverbot (§ 41 NKomVG)', { exact: false }).waitFor();

    const start = chair.getByRole('button', { name: 'Abstimmung starten' });
    expect(await start.isDisabled()).toBe(true);
    await chair.getByLabel('Trotz fehlender Beschlussfähigkeit abstimmen', { exact: false }).check();
    await screenshot(chair, 'rules-chair-quorum-confirm');
    await start.click();
    await chair.getByText('Ohne Beschlussfähigkeit gestartet – im Protokoll vermerkt').waitFor();
    await chair.getByText('abgegeben: 0 von 1').waitFor();
    expect(await tablet.getByRole('button', { name: 'Ja' }).count()).toBe(0);
    await screenshot(tablet, 'rules-tablet-excluded');
    expect(errors).toEqual([]);
  });
});
