import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../server/test/harness.ts';
import { displayContext, laptopContext, launchBrowser, screenshot, tabletContext, watchForErrors } from './support/browser.ts';
import { driveMeeting } from './support/meetingDriver.ts';
import { axeFindings } from './support/axe.ts';

/**
 * Amendments and a Sammelabstimmung in real Chromium: the chair runs them from the console, one
 * member votes on a tablet, the room display shows what is voted on; the other members vote
 * over sockets (meetingDriver). The minutes are checked word for word.
 */

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

async function open(kind: 'chair' | 'tablet' | 'display', url: string): Promise<Page> {
  const ctx = kind === 'tablet' ? await tabletContext(browser) : kind === 'display' ? await displayContext(browser) : await laptopContext(browser);
  const page = await ctx.newPage();
  watchForErrors(page, errors);
  await page.goto(url);
  return page;
}

const minutes = async (meetingId: string) =>
  (await fetch(`${server.url}/api/meetings/${meetingId}/minutes.txt`, { headers: { authorization: `Bearer ${server.adminToken}` } })).text();
const blockOf = (text: string, number: string) => text.trimEnd().split('\n\n').find((b) => b.startsWith(`TOP ${number} `));

/** Everyone but the tablet's member (index 2) votes over sockets; the tablet taps its choice. */
const OTHERS = [0, 1, 3, 4, 5, 6, 7, 8, 9];

async function closeAndPublish(chair: Page): Promise<void> {
  await chair.getByText('abgegeben: 10 von 10').waitFor();
  await chair.getByRole('button', { name: 'Abstimmung beenden' }).click();
  await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
  await chair.getByText('Veröffentlicht auf der Saalanzeige').waitFor();
}

describe('motions in the browser', () => {
  it('an item with two amendments, then the main motion in the amended form', async () => {
    const created = await server.createMeeting();
    const drive = await driveMeeting(server, created);
    const chair = await open('chair', created.chairUrl);
    const tablet = await open('tablet', created.members[2]!.joinUrl);
    const display = await open('display', created.displayUrl);
    await chair.getByRole('button', { name: /^Ö 12(?!\d)/ }).click();
    await chair.locator('.chair-current .item-number', { hasText: /^TOP Ö 12$/ }).waitFor();

    // Two amendments, entered as moved; the chair then puts the SPD's first.
    await chair.getByText('Keine Änderungsanträge.', { exact: false }).waitFor();
    for (const [mover, text] of [
      ['der CDU-Fraktion', 'In Nr. 3 wird der zweite Satz gestrichen.'],
      ['der SPD-Fraktion', 'Die Frist wird auf den 30.06.2022 verlängert.'],
    ]) {
      // The form stays unfolded after an amendment was added, for the next one.
      if (!(await chair.locator('.amendment-add').evaluate((d) => (d as HTMLDetailsElement).open))) await chair.locator('.amendment-add summary').click();
      await chair.getByLabel('Antragsteller, wie im Protokoll').fill(mover!);
      await chair.getByLabel('Wortlaut des Änderungsantrags').fill(text!);
      await chair.locator('.amendment-form').getByRole('button', { name: 'Änderungsantrag hinzufügen' }).click();
      await chair.locator('.amendment-title', { hasText: mover! }).waitFor();
    }
    await chair.getByRole('button', { name: 'Änderungsantrag 2 früher abstimmen' }).click();
    await chair.locator('.amendment-list li').first().getByText('Änderungsantrag 1 der SPD-Fraktion').waitFor();
    await chair.locator('.vote-subject-title', { hasText: 'Änderungsantrag 1 der SPD-Fraktion zu TOP Ö 12' }).waitFor();
    await screenshot(chair, 'motions-01-chair-amendments');
    expect(await axeFindings(chair)).toEqual([]);

    // Amendment 1: the tablet names it and shows its wording above the usual buttons.
    await chair.getByRole('button', { name: 'Abstimmung starten' }).click();
    await tablet.getByText('Änderungsantrag 1 der SPD-Fraktion zu TOP Ö 12').waitFor();
    await tablet.getByText('Die Frist wird auf den 30.06.2022 verlängert.').waitFor();
    await display.getByText('Änderungsantrag 1 der SPD-Fraktion zu TOP Ö 12').waitFor();
    await tablet.getByRole('button', { name: 'Ja', exact: true }).click();
    await tablet.getByText('Ihre Stimme: Ja – gespeichert').waitFor();
    await screenshot(tablet, 'motions-02-tablet-amendment');
    await screenshot(display, 'motions-03-display-amendment');
    expect(await axeFindings(tablet)).toEqual([]);
    expect(await axeFindings(display)).toEqual([]);
    for (const page of [tablet, display]) {
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await axeFindings(page)).toEqual([]);
    }
    await screenshot(tablet, 'motions-02b-tablet-amendment-dark');
    // A display set to English fetches the English wording too.
    const english = await open('display', created.displayUrl.replace('/display/#', '/display/?lang=en#'));
    await english.getByText('Amendment 1 (der SPD-Fraktion) on Item Ö 12').waitFor();
    await english.context().close();
    await drive.vote(OTHERS.slice(0, 5), 'yes');
    await drive.vote(OTHERS.slice(5), 'no');
    await closeAndPublish(chair);
    await display.getByText('Mehrheitlich angenommen').waitFor();
    await screenshot(display, 'motions-04-display-amendment-result');

    // Amendment 2 comes next, on the spot.
    await chair.locator('.vote-subject-title', { hasText: 'Änderungsantrag 2 der CDU-Fraktion zu TOP Ö 12' }).waitFor();
    await chair.getByRole('button', { name: 'Abstimmung starten' }).click();
    await tablet.getByText('Änderungsantrag 2 der CDU-Fraktion zu TOP Ö 12').waitFor();
    await tablet.getByRole('button', { name: 'Nein', exact: true }).click();
    await tablet.getByText('Ihre Stimme: Nein – gespeichert').waitFor();
    await drive.vote(OTHERS.slice(0, 2), 'yes');
    await drive.vote(OTHERS.slice(2), 'no');
    await closeAndPublish(chair);

    // The main motion in the amended form.
    await chair.locator('.vote-subject-title', { hasText: 'Hauptantrag in der geänderten Fassung zu TOP Ö 12' }).waitFor();
    await chair.getByRole('button', { name: 'Abstimmung starten' }).click();
    await tablet.getByText('Hauptantrag in der geänderten Fassung zu TOP Ö 12').waitFor();
    await tablet.getByRole('button', { name: 'Ja', exact: true }).click();
    await tablet.getByText('Ihre Stimme: Ja – gespeichert').waitFor();
    await drive.vote(OTHERS, 'yes');
    await closeAndPublish(chair);
    await expect.poll(() => chair.locator('.decision-kind option:checked').textContent()).toBe('Standard: geändert beschlossen');
    await display.getByText('Einstimmig angenommen').waitFor();
    await screenshot(chair, 'motions-05-chair-main-published');
    await screenshot(display, 'motions-06-display-main-result');
    expect(await axeFindings(chair)).toEqual([]);

    expect(blockOf(await minutes(created.id), 'Ö 12')).toBe(
      [
        'TOP Ö 12 – Integrationskonzept des Landkreises Peine (Vorlage 2022/032)',
        'Änderungsantrag 1 der SPD-Fraktion:',
        'Die Frist wird auf den 30.06.2022 verlängert.',
        'Abstimmungsergebnis: Mehrheitlich',
        'Ja-Stimmen: 6',
        'Nein-Stimmen: 4',
        'Enthaltung/en: -',
        'Der Änderungsantrag ist angenommen.',
        'Änderungsantrag 2 der CDU-Fraktion:',
        'In Nr. 3 wird der zweite Satz gestrichen.',
        'Abstimmungsergebnis: Abgelehnt',
        'Ja-Stimmen: 2',
        'Nein-Stimmen: 8',
        'Enthaltung/en: -',
        'Der Änderungsantrag ist abgelehnt.',
        'Abstimmung über den Hauptantrag in der geänderten Fassung:',
        'Beschlussart: geändert beschlossen',
        'Abstimmungsergebnis: Einstimmig',
        'Ja-Stimmen: 10',
        'Nein-Stimmen: -',
        'Enthaltung/en: -',
      ].join('\n'),
    );

    // The printed results name each round's amendment too.
    const print = await (await laptopContext(browser)).newPage();
    watchForErrors(print, errors);
    await print.goto(`${server.url}/results/?meeting=${encodeURIComponent(created.id)}#token=${new URL(created.chairUrl).hash.slice('#token='.length)}`);
    await print.getByText('Änderungsantrag 2 der CDU-Fraktion', { exact: true }).waitFor();
    await print.getByText('In Nr. 3 wird der zweite Satz gestrichen.').waitFor();
    await screenshot(print, 'motions-10-print-amendments');
    expect(await axeFindings(print)).toEqual([]);
    expect(errors).toEqual([]);
    drive.dispose();
  });

  it('a Sammelabstimmung over three items, one taken out on an objection', async () => {
    const created = await server.createMeeting();
    const drive = await driveMeeting(server, created);
    const chair = await open('chair', created.chairUrl);
    const tablet = await open('tablet', created.members[2]!.joinUrl);
    const display = await open('display', created.displayUrl);
    await chair.getByRole('button', { name: /^Ö 1(?!\d)/ }).click();
    await chair.locator('.chair-current .item-number', { hasText: /^TOP Ö 1$/ }).waitFor();

    await chair.locator('.bloc-picker summary').click();
    for (const n of ['Ö 2', 'Ö 3', 'Ö 11']) await chair.locator('.bloc-items label', { hasText: new RegExp(`TOP ${n} `) }).getByRole('checkbox').check();
    await chair.locator('.vote-subject-title', { hasText: 'Sammelabstimmung TOP Ö 1, Ö 2, Ö 3, Ö 11' }).waitFor();
    // A member objects to Ö 11: the chair takes it out again.
    await chair.locator('.bloc-items label', { hasText: /TOP Ö 11 / }).getByRole('checkbox').uncheck();
    await chair.locator('.vote-subject-title', { hasText: 'Sammelabstimmung TOP Ö 1, Ö 2, Ö 3' }).waitFor();
    await screenshot(chair, 'motions-07-chair-bloc');
    expect(await axeFindings(chair)).toEqual([]);
    await chair.getByRole('button', { name: 'Sammelabstimmung starten (3 TOPs)' }).click();

    await tablet.getByText('Sammelabstimmung TOP Ö 1, Ö 2, Ö 3').waitFor();
    await tablet.locator('.vote-subject-items li', { hasText: 'Genehmigung des Protokolls über die 1. Sitzung' }).waitFor();
    await display.getByText('Sammelabstimmung TOP Ö 1, Ö 2, Ö 3').waitFor();
    await tablet.getByRole('button', { name: 'Ja', exact: true }).click();
    await tablet.getByText('Ihre Stimme: Ja – gespeichert').waitFor();
    await screenshot(tablet, 'motions-08-tablet-bloc');
    expect(await axeFindings(tablet)).toEqual([]);
    await drive.vote(OTHERS.slice(0, 8), 'yes');
    await drive.vote(OTHERS.slice(8), 'abstain');
    await closeAndPublish(chair);
    await display.getByText('Einstimmig angenommen').waitFor();
    await screenshot(display, 'motions-09-display-bloc-result');
    expect(await axeFindings(display)).toEqual([]);

    // Each item of the bloc shows the bloc's result when called up.
    await chair.getByRole('button', { name: /^Ö 3(?!\d)/ }).click();
    await display.getByRole('heading', { level: 1, name: /^TOP Ö 3 Genehmigung/ }).waitFor();
    await display.getByText('Einstimmig angenommen').waitFor();

    const text = await minutes(created.id);
    const expected = (number: string, name: string) =>
      [
        `TOP ${number} – ${name}`,
        'Beschlussart: ungeändert beschlossen',
        'Abstimmungsergebnis: Einstimmig bei 1 Enthaltung',
        'Ja-Stimmen: 9',
        'Nein-Stimmen: -',
        'Enthaltung/en: 1',
        'Abstimmung in Sammelabstimmung (TOP Ö 1, Ö 2, Ö 3).',
      ].join('\n');
    expect(blockOf(text, 'Ö 1')).toBe(expected('Ö 1', 'Eröffnung der Sitzung, Feststellung der ordnungsgemäßen Ladung und der Beschlussfähigkeit'));
    expect(blockOf(text, 'Ö 2')).toBe(expected('Ö 2', 'Feststellung der Tagesordnung'));
    expect(blockOf(text, 'Ö 3')).toBe(expected('Ö 3', 'Genehmigung des Protokolls über die 1. Sitzung'));
    expect(blockOf(text, 'Ö 11')).toBeUndefined();
    expect(errors).toEqual([]);
    drive.dispose();
  });
});
