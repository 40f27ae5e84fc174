import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEETING } from '../server/demo/demoMeeting.ts';
import { connectClient, startServer, tokenOf, type TestServer } from '../server/test/harness.ts';
import { driveMeeting } from './support/meetingDriver.ts';
import { laptopContext, launchBrowser, screenshot, watchForErrors } from './support/browser.ts';
import { axeFindings } from './support/axe.ts';

/**
 * The chair console's guidance in real Chromium: every disabled or risky action says why or asks
 * in place, the next step after a result is obvious, and the record is never contradicted.
 * The members vote over sockets (meetingDriver); only the console is a browser page.
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

async function console_(url: string): Promise<Page> {
  const page = await (await laptopContext(browser)).newPage();
  watchForErrors(page, errors);
  await page.goto(url);
  return page;
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim());

describe('chair console', () => {
  it('explains what is blocked, confirms what is risky and leads to the next step', async () => {
    const created = await server.createMeeting();
    const chair = await console_(created.chairUrl);
    const current = (number: string) => chair.locator('.chair-current .item-number', { hasText: new RegExp(`^TOP ${number}$`) }).waitFor();
    await chair.getByRole('button', { name: /^Ö 2(?!\d)/ }).click();
    await current('Ö 2');

    // Not quorate: the greyed-out start button says why, right beneath it.
    const start = chair.getByRole('button', { name: 'Abstimmung starten' });
    expect(await start.isDisabled()).toBe(true);
    await chair.getByText('Nicht beschlussfähig: erst oben bestätigen, dass trotzdem abgestimmt wird.').waitFor();
    expect(await start.getAttribute('aria-describedby')).toBe('start-vote-reason');
    const drive = await driveMeeting(server, created);
    await chair.getByText('Beschlussfähig: 10 von 10 anwesend').waitFor();
    expect(await start.isDisabled()).toBe(false);
    expect(await chair.locator('#start-vote-reason').count()).toBe(0);

    // Advisory members cannot be excluded from a vote they do not have.
    expect(await chair.getByLabel('Herr Ahrens: Mitwirkungsverbot zu TOP Ö 2').count()).toBe(0);
    expect(await chair.getByLabel('Frau Nolte: Mitwirkungsverbot zu TOP Ö 2').count()).toBe(1);

    // A quorum challenge is recorded only after a confirming step; the harmless choice has focus.
    await chair.getByRole('button', { name: 'Beschlussfähigkeit anzweifeln' }).click();
    await chair.getByText('Beschlussfähigkeit angezweifelt? Die Anwesenheit in diesem Moment').waitFor();
    await expect.poll(() => focused(chair)).toBe('Abbrechen');
    await chair.getByRole('button', { name: 'Feststellen und protokollieren' }).click();
    await chair.getByText(/^Festgestellt \d\d:\d\d: 10 von 10 anwesend – beschlussfähig$/).waitFor();

    // --- Ö 2: ending with members missing asks first; "Weiter warten" keeps the vote open.
    await start.click();
    await chair.getByText('abgegeben: 0 von 10').waitFor();
    await drive.vote([0, 1, 2, 3, 4, 5], 'yes');
    await drive.vote([6, 7], 'no');
    await chair.getByText('abgegeben: 8 von 10').waitFor();

    // While the vote runs, no other item can be called up, and the console says why.
    expect(await chair.getByRole('button', { name: /^Ö 3(?!\d)/ }).isDisabled()).toBe(true);
    await chair.getByText('Erst die laufende Abstimmung zu TOP Ö 2 beenden.').waitFor();
    await screenshot(chair, 'chair-console-01-other-item-during-vote');
    // A console whose agenda is a moment behind (another console just started the vote) is
    // refused by the server, and the refusal reads in the console's words.
    await chair.getByRole('button', { name: /^Ö 3(?!\d)/ }).evaluate((b) => {
      b.removeAttribute('disabled');
      (b as HTMLButtonElement).click();
    });
    await chair.getByRole('alert').getByText('Erst die laufende Abstimmung zu TOP Ö 2 beenden.').waitFor();

    await chair.getByRole('button', { name: 'Abstimmung beenden' }).click();
    await chair.getByText('2 Mitglieder haben noch nicht abgestimmt – trotzdem beenden?').waitFor();
    await expect.poll(() => focused(chair)).toBe('Weiter warten');
    await screenshot(chair, 'chair-console-02-confirm-close');
    expect(await axeFindings(chair)).toEqual([]);
    await chair.getByRole('button', { name: 'Weiter warten' }).click();
    await expect.poll(() => focused(chair)).toBe('Abstimmung beenden');
    await drive.vote([8], 'yes');
    await chair.getByText('abgegeben: 9 von 10').waitFor();
    await chair.getByRole('button', { name: 'Abstimmung beenden' }).click();
    await chair.getByText('1 Mitglied hat noch nicht abgestimmt – trotzdem beenden?').waitFor();
    await chair.getByRole('button', { name: 'Trotzdem beenden' }).click();

    // The full verdict, as the room display says it; after publishing, moving on is the primary action.
    await chair.locator('.verdict', { hasText: 'Mehrheitlich angenommen' }).waitFor();
    await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await chair.getByText('Veröffentlicht auf der Saalanzeige').waitFor();
    const next = chair.getByRole('button', { name: 'Weiter zu TOP Ö 3 →' });
    expect(await next.getAttribute('class')).toContain('btn-primary');
    await screenshot(chair, 'chair-console-03-published-next');
    await next.click();
    await current('Ö 3');

    // --- Ö 3: everyone voted, so ending needs no confirmation. Then "invalid, then by show of
    // hands" leads straight to the count form, and the round history is there at once.
    await start.click();
    await drive.vote([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'yes');
    await chair.getByText('Alle haben abgestimmt.').waitFor();
    await chair.getByRole('button', { name: 'Abstimmung beenden' }).click();
    await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await chair.getByRole('button', { name: 'Für ungültig erklären …' }).click();
    await chair.getByRole('button', { name: 'Ungültig – danach per Handzeichen' }).click();
    await chair.getByText('Ergebnis per Handzeichen').waitFor();
    await expect.poll(() => chair.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('number');
    await chair.getByText(/1\. Abstimmung, \d\d:\d\d–\d\d:\d\d Uhr: für ungültig erklärt um \d\d:\d\d Uhr/).waitFor();
    // The count form is the primary action now; starting a tablet vote steps back.
    expect(await start.getAttribute('class')).not.toContain('btn-primary');
    await screenshot(chair, 'chair-console-04-hand-count-after-invalid');
    expect(await axeFindings(chair)).toEqual([]);
    await chair.getByLabel('Ja', { exact: true }).fill('7');
    await chair.getByLabel('Nein', { exact: true }).fill('3');
    await chair.getByRole('button', { name: 'Ergebnis übernehmen' }).click();
    await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await chair.getByText(/2\. Abstimmung, .*veröffentlicht \(per Handzeichen\)/).waitFor();

    // --- Ö 10: a Beschlussart chosen before the vote that the result contradicts is pointed out,
    // and the select keeps showing what is stored.
    await chair.getByRole('button', { name: 'Weiter zu TOP Ö 10 →' }).click();
    await current('Ö 10');
    const kind = chair.getByLabel('Beschlussart (Protokoll)');
    await kind.selectOption({ label: 'zur Kenntnis genommen' });
    await drive.open();
    await drive.vote([0, 1, 2, 3, 4, 5], 'no');
    await drive.vote([6, 7], 'yes');
    await drive.close();
    await chair.locator('.verdict', { hasText: 'Abgelehnt' }).waitFor();
    await chair.getByText('„zur Kenntnis genommen“ widerspricht dem Ergebnis „Abgelehnt“').waitFor();
    expect(await kind.inputValue()).toBe('noted');
    await screenshot(chair, 'chair-console-05-decision-conflict');
    expect(await axeFindings(chair)).toEqual([]);
    await chair.getByRole('button', { name: 'Stattdessen „abgelehnt“' }).click();
    await expect.poll(() => kind.inputValue()).toBe('');
    expect(await chair.locator('.decision-conflict').count()).toBe(0);

    // --- N 1, non-public: the result is declared, not claimed to be on the room display.
    await drive.publish();
    await drive.select('N 1');
    await current('N 1');
    await drive.open();
    await drive.vote([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'yes');
    await drive.close();
    await chair.getByRole('button', { name: 'Ergebnis feststellen' }).click();
    await chair.getByText('Ergebnis festgestellt – nicht öffentlich, nicht auf der Saalanzeige').waitFor();
    expect(await chair.getByText('Veröffentlicht auf der Saalanzeige').count()).toBe(0);
    await screenshot(chair, 'chair-console-06-non-public');

    // --- A lost tablet: no member preselected, an in-place confirmation, then QR, code and link.
    await chair.getByText('Tablet verloren? Neuen Zugangslink ausstellen').click();
    const issue = chair.getByRole('button', { name: 'Neuen Zugang ausstellen …' });
    expect(await issue.isDisabled()).toBe(true);
    await chair.getByLabel('Mitglied', { exact: true }).selectOption({ label: 'Herr Kirchmann' });
    await issue.click();
    await chair.getByText('Zugang von Herr Kirchmann sperren und neu ausstellen?').waitFor();
    await expect.poll(() => focused(chair)).toBe('Abbrechen');
    const old = await connectClient(server.url, tokenOf(created.members[2]!.joinUrl));
    old.close();
    await chair.getByRole('button', { name: 'Sperren und neu ausstellen' }).click();
    await chair.getByText('Der alte Zugang von Herr Kirchmann ist gesperrt.').waitFor();
    expect(await chair.locator('.reissue-issued svg.qr').count()).toBe(1);
    const code = (await chair.locator('.reissue-code').textContent())!;
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(await chair.getByLabel('Oder diesen Link öffnen').inputValue()).toContain(`#token=${code.replace(/-/g, '')}`);
    await chair.locator('.reissue-link').scrollIntoViewIfNeeded();
    await screenshot(chair, 'chair-console-07-reissued');
    expect(await axeFindings(chair)).toEqual([]);
    await expect(connectClient(server.url, tokenOf(created.members[2]!.joinUrl))).rejects.toThrow('unauthorized');
    const fresh = await connectClient(server.url, code.replace(/-/g, ''));
    expect(fresh.snapshot().self?.memberId).toBe('p3');
    fresh.close();
    drive.dispose();
    expect(errors).toEqual([]);
  });

  it('keeps "Abstimmung beenden" in view for a Kreistag: the missing names fold into a count', async () => {
    const members = Array.from({ length: 52 }, (_, i) => ({ id: `k${i + 1}`, name: `Mitglied ${String(i + 1).padStart(2, '0')}`, votingRight: true }));
    const created = await server.createMeeting({ ...DEMO_MEETING, members });
    const drive = await driveMeeting(server, created);
    await drive.select('Ö 2');
    await drive.open();
    const chair = await console_(created.chairUrl);
    await chair.getByText('abgegeben: 0 von 52').waitFor();
    await chair.getByText('52 fehlen – anzeigen').waitFor();
    expect(await chair.locator('.missing-list li').first().isVisible()).toBe(false);
    const close = (await chair.getByRole('button', { name: 'Abstimmung beenden' }).boundingBox())!;
    expect(close.y + close.height).toBeLessThan(900);
    await screenshot(chair, 'chair-console-08-kreistag');
    await chair.getByText('52 fehlen – anzeigen').click();
    await chair.locator('.missing-list li', { hasText: 'Mitglied 52' }).waitFor();
    drive.dispose();
    expect(errors).toEqual([]);
  });
});
