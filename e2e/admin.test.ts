import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportAnswer } from '../server/import/importMeeting.ts';
import { connectClient, startServer, type TestServer } from '../server/test/harness.ts';
import { laptopContext, launchBrowser, screenshot, tabletContext, watchForErrors } from './support/browser.ts';

const FIXTURE = resolve(import.meta.dirname, 'fixtures/oparl-agas-2022-03-22.json');

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

async function adminPage(): Promise<Page> {
  // A browser in UTC: the form must still speak the meeting's time (Berlin).
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'de-DE', timezoneId: 'UTC' })).newPage();
  watchForErrors(page, errors);
  await page.goto(`${server.url}/admin/`);
  // A mistyped token gets an answer in place and is not kept.
  await page.getByLabel('Admin-Token').fill('falsch-getippt');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('alert').getByText('Dieser Admin-Token ist nicht gültig.').waitFor();
  expect(await page.getByLabel('Admin-Token').getAttribute('aria-invalid')).toBe('true');
  // The browser logs the refused probe; that one 401 is the expected answer.
  expect(errors.splice(0)).toEqual([expect.stringContaining('status of 401')]);
  await screenshot(page, 'admin-wrong-token');
  await page.getByLabel('Admin-Token').fill(server.adminToken);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  return page;
}

describe('admin view', () => {
  it('lists, edits and archives meetings; prints pairing cards; a typed code pairs a tablet; a re-issued card locks out the old one', async () => {
    const res = await fetch(`${server.url}/api/import/oparl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: readFileSync(FIXTURE, 'utf8'),
    });
    const imported = (await res.json()) as ImportAnswer;
    const admin = await adminPage();
    const row = admin.getByRole('row', { name: /2\. Sitzung des Ausschusses/ });
    await row.getByText('19 Mitglieder · 10 TOPs · 0 Abstimmungen').waitFor();
    await screenshot(admin, 'admin-list');

    // Pairing sheet: looking issues nothing; the explicit action issues one card per member,
    // each with the meeting, a QR code and a code to type.
    const issued: string[] = [];
    admin.on('request', (r) => r.method() === 'POST' && /\/cards?$/.test(r.url()) && issued.push(r.url()));
    await row.getByRole('link', { name: 'Kopplungskarten' }).click();
    await admin.getByRole('button', { name: 'Karten ausstellen' }).waitFor();
    await admin.reload();
    await admin.getByRole('button', { name: 'Karten ausstellen' }).waitFor();
    expect(await admin.locator('.card').count()).toBe(0);
    expect(issued).toEqual([]);
    await screenshot(admin, 'admin-pairing-before-issue');
    await admin.getByRole('button', { name: 'Karten ausstellen' }).click();
    await admin.locator('.card').nth(18).waitFor();
    await admin.locator('.card').first().getByText('2. Sitzung des Ausschusses für Gesundheit, Arbeit und Soziales · Di., 22.03.2022, 17:00').waitFor();
    // The code sits on one line, never wrapped inside.
    const codeBox = (await admin.locator('.card-code').first().boundingBox())!;
    const lineHeight = await admin.locator('.card-code').first().evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect(codeBox.height).toBeLessThan(lineHeight * 1.5);
    const cardBox = (await admin.locator('.card').first().boundingBox())!;
    expect(codeBox.x + codeBox.width).toBeLessThanOrEqual(cardBox.x + cardBox.width);
    expect(await admin.locator('.card svg.qr').count()).toBe(19);
    await screenshot(admin, 'admin-pairing-sheet');
    const firstCard = admin.locator('.card').first();
    const oldCode = (await firstCard.locator('.card-code').textContent())!;
    expect(oldCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const pdf = await admin.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);

    // A tablet without camera pairs by typing the code.
    const tablet = await (await tabletContext(browser)).newPage();
    watchForErrors(tablet, errors);
    await tablet.goto(`${server.url}/member/`);
    await tablet.getByLabel('Code von Ihrer Karte').fill(oldCode.toLowerCase());
    await tablet.getByRole('button', { name: 'Koppeln' }).click();
    await tablet.getByText('Klaus Marotz').waitFor();

    // Re-issuing the card: a new code, and the old one no longer opens anything.
    await firstCard.getByRole('button', { name: 'Karte neu ausstellen' }).click();
    await expect.poll(() => firstCard.locator('.card-code').textContent()).not.toBe(oldCode);
    await expect(connectClient(server.url, oldCode.replace(/-/g, ''))).rejects.toThrow('unauthorized');
    const newCode = (await firstCard.locator('.card-code').textContent())!.replace(/-/g, '');
    (await connectClient(server.url, newCode)).disconnect();

    // Edit by hand: rule set, statutory members, a member's voting right, a new item.
    await admin.goto(`${server.url}/admin/#/meeting/${imported.id}`);
    await admin.getByLabel('Regelwerk').selectOption('GO-NRW');
    await admin.getByLabel('Gesetzliche Mitgliederzahl').fill('16');
    await admin.getByRole('button', { name: 'TOP hinzufügen' }).click();
    await admin.getByLabel('Nummer').last().fill('Ö 9');
    await admin.getByLabel('Bezeichnung', { exact: true }).last().fill('Dringlichkeitsantrag');
    await admin.getByRole('button', { name: 'Speichern' }).click();
    await admin.getByText('Gespeichert').waitFor();
    await screenshot(admin, 'admin-editor');
    const detail = (await (await fetch(`${server.url}/api/admin/meetings/${imported.id}`, { headers: { authorization: `Bearer ${server.adminToken}` } })).json()) as {
      rules: string;
      statutoryMembers: number;
      agenda: { number: string }[];
      members: { id: string }[];
    };
    expect(detail).toMatchObject({ rules: 'GO-NRW', statutoryMembers: 16 });
    expect(detail.agenda.map((i) => i.number).at(-1)).toBe('Ö 9');
    expect(detail.members[0]!.id).toBe(imported.members[0]!.id);

    // Create a meeting by hand, then archive the imported one.
    await admin.goto(`${server.url}/admin/#/new`);
    await admin.getByLabel('Gebietskörperschaft').fill('Gemeinde Musterstadt');
    await admin.getByLabel('Gremium').fill('Rat');
    await admin.getByLabel('Bezeichnung der Sitzung').fill('5. Sitzung des Rates');
    await admin.getByLabel('Beginn').fill('2026-02-10T18:00');
    await admin.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
    await admin.getByLabel('Name', { exact: true }).fill('Frau Albers');
    await admin.getByRole('button', { name: 'TOP hinzufügen' }).click();
    await admin.getByLabel('Nummer').fill('Ö 1');
    await admin.getByLabel('Bezeichnung', { exact: true }).fill('Haushalt 2026');
    await admin.getByRole('button', { name: 'Speichern' }).click();
    await admin.getByRole('heading', { name: 'Sitzung bearbeiten' }).waitFor();
    // 18:00 in Berlin, typed in a UTC browser, is 17:00 UTC and reads 18:00 again.
    const created = (await server.app.setup.list()).find((m) => m.name === '5. Sitzung des Rates')!;
    expect(created.start).toBe('2026-02-10T17:00:00.000Z');
    expect(await admin.getByLabel('Beginn').inputValue()).toBe('2026-02-10T18:00');

    await admin.goto(`${server.url}/admin/#/`);
    await admin.getByRole('row', { name: /2\. Sitzung des Ausschusses/ }).getByRole('button', { name: 'Archivieren' }).click();
    await admin.getByRole('heading', { name: 'Archiviert' }).waitFor();
    await admin.getByRole('row', { name: /5\. Sitzung des Rates/ }).waitFor();
    expect((await server.app.setup.list()).map((m) => [m.name, m.archivedAt !== null])).toEqual(
      expect.arrayContaining([
        ['5. Sitzung des Rates', false],
        ['2. Sitzung des Ausschusses für Gesundheit, Arbeit und Soziales', true],
      ]),
    );
    expect(errors).toEqual([]);
  });
});
