import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentPoll } from '../shared/protocol/selectors.ts';
import { connectClient, tokenOf, type TestClient, type TestServer, startServer } from '../server/test/harness.ts';
import { launchBrowser, screenshot, tabletContext, watchForErrors } from './support/browser.ts';
import { driveMeeting, type MeetingDriver } from './support/meetingDriver.ts';
import { axeFindings } from './support/axe.ts';

/**
 * The member's tablet in the situations a UX review found it failing: pairing by a mistyped
 * code, a revoked tablet, large text, landscape, secret and roll-call votes, leaving, results.
 */

let server: TestServer;
let browser: Browser;
const errors: string[] = [];
const cleanup: (() => void)[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of cleanup) c();
  await browser?.close();
  await server?.dispose();
});

async function tablet(opts: { landscape?: boolean; reducedMotion?: 'reduce' } = {}): Promise<Page> {
  const ctx = await tabletContext(browser, opts);
  const page = await ctx.newPage();
  if (opts.reducedMotion) await page.emulateMedia({ reducedMotion: 'reduce' });
  watchForErrors(page, errors);
  return page;
}

async function chairOf(created: { chairUrl: string }): Promise<TestClient> {
  const chair = await connectClient(server.url, tokenOf(created.chairUrl));
  cleanup.push(() => chair.close());
  return chair;
}

async function driver(created: Awaited<ReturnType<TestServer['createMeeting']>>): Promise<MeetingDriver> {
  const d = await driveMeeting(server, created);
  cleanup.push(() => d.dispose());
  return d;
}

/** Fully inside the window (after any scrolling the page does by itself). */
const inView = async (page: Page, target: Locator) => {
  const box = await target.boundingBox();
  const height = page.viewportSize()!.height;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
};

/** The new states get the same axe check as e2e/accessibility.test.ts: nothing serious, light and dark. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  expect(await axeFindings(page, ['light', 'dark']), state).toEqual([]);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('the member tablet', () => {
  it('keeps a typed pairing code only once the server accepts it, and a revoked tablet says so and may pair again', async () => {
    const created = await server.createMeeting();
    const page = await tablet();
    await page.goto(`${server.url}/member/`);
    const field = page.getByLabel('Code von Ihrer Karte');

    await field.fill('ABCD-EFGH');
    await page.getByRole('button', { name: 'Koppeln' }).click();
    await page.getByRole('alert').getByText('Bitte prüfen Sie den Code').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    await field.fill('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    await page.getByRole('button', { name: 'Koppeln' }).click();
    await page.getByRole('alert').getByText('Dieser Code ist nicht gültig.').waitFor();
    await screenshot(page, 'member-pair-wrong-code');
    await expectAccessible(page, 'wrong code');
    expect(await page.evaluate(() => localStorage.getItem('handzeichen:token:member'))).toBeNull();
    await page.reload();
    await field.waitFor();

    const res = await fetch(`${server.url}/api/admin/meetings/${created.id}/card`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ memberId: created.members[0]!.id }),
    });
    const { code } = (await res.json()) as { code: string };
    await field.fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Koppeln' }).click();
    await page.getByText(created.members[0]!.name).waitFor();

    // The chair re-issues the link ("Tablet verloren"): the old tablet is told, not left "reconnecting".
    const chair = await chairOf(created);
    expect((await chair.call('member:reissueLink', { memberId: created.members[0]!.id })).ok).toBe(true);
    await page.getByText('Dieses Gerät ist abgemeldet').waitFor();
    await screenshot(page, 'member-revoked');
    await expectAccessible(page, 'revoked');
    await page.getByRole('button', { name: 'Mit einem neuen Code koppeln' }).click();
    await field.waitFor();
  });

  it('at 200 % text: a roll-call vote comes into view and warns that it is public; leaving asks first; the result is shown', async () => {
    const created = await server.createMeeting();
    const drive = await driver(created);
    const chair = await chairOf(created);
    const page = await tablet({ reducedMotion: 'reduce' });
    await page.goto(created.members[0]!.joinUrl);
    await page.getByText('Sie sind als anwesend gemeldet.').waitFor();
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));

    await drive.select('Ö 12');
    await drive.open({ mode: 'rollCall' });
    await page.getByText('Namentliche Abstimmung zu TOP Ö 12').waitFor();
    await page.getByText('Ihre Stimme wird mit Ihrem Namen angezeigt und protokolliert.').waitFor();
    const yes = page.getByRole('button', { name: 'Ja', exact: true });
    await expect.poll(() => inView(page, yes)).toBe(true);
    await screenshot(page, 'member-200pct-rollcall-open');
    await expectAccessible(page, 'roll-call open');

    await yes.click();
    await page.getByText('Ihre Stimme: Ja – gespeichert').waitFor();
    // The other buttons stay solid buttons: the choice can still be changed.
    expect(await page.getByRole('button', { name: 'Nein', exact: true }).evaluate((b) => getComputedStyle(b).borderStyle)).toBe('solid');
    await screenshot(page, 'member-200pct-rollcall-voted');

    // "Sitzung verlassen" asks in place; "Zurück" keeps the member present.
    await page.getByRole('button', { name: 'Sitzung verlassen …' }).click();
    await page.getByText('Sitzung wirklich verlassen?').waitFor();
    await expect.poll(() => focusedText(page)).toBe('Zurück');
    await screenshot(page, 'member-200pct-leave-confirm');
    await expectAccessible(page, 'leave confirm');
    await page.getByRole('button', { name: 'Zurück' }).click();
    await expect.poll(() => focusedText(page)).toBe('Sitzung verlassen …');
    expect(chair.snapshot().members.find((m) => m.id === created.members[0]!.id)).toBeDefined();

    await drive.vote([1, 2], 'yes');
    await drive.vote([3], 'no');
    await drive.close();
    await drive.publish();
    await page.getByText('Die Abstimmung ist beendet. Ihre Stimme: Ja').waitFor();
    await page.getByText('Mehrheitlich angenommen').waitFor();
    await expect.poll(() => page.locator('.member-counts').textContent()).toBe('Ja 3Nein 1Enthaltung 0');
    await screenshot(page, 'member-200pct-published');
    await expectAccessible(page, 'published');

    await page.getByRole('button', { name: 'Sitzung verlassen …' }).click();
    await page.getByRole('button', { name: 'Ja, verlassen' }).click();
    await page.getByText('Bitte melden Sie sich an, sobald Sie im Sitzungssaal sind.').waitFor();
    await page.getByRole('button', { name: 'Anwesend', exact: true }).click();
    await page.getByText('Sie sind als anwesend gemeldet.').waitFor();
    // Checked out by the clerk: the tablet says who did it.
    expect((await chair.call('attendance:set', { memberId: created.members[0]!.id, present: false })).ok).toBe(true);
    await page.getByText('Die Protokollführung hat Sie abgemeldet.').waitFor();
    expect(errors).toEqual([]);
  });

  it('in landscape: a secret vote asks before it is cast and shows its receipt; status, non-voter and hand count read plainly', async () => {
    const created = await server.createMeeting();
    const drive = await driver(created);
    const chair = await chairOf(created);
    const page = await tablet({ landscape: true });
    await page.goto(created.members[1]!.joinUrl);
    await page.getByText('Sie sind als anwesend gemeldet.').waitFor();

    await drive.select('Ö 12');
    await drive.open({ mode: 'secret' });
    await page.getByText('Geheime Abstimmung zu TOP Ö 12').waitFor();
    await page.getByRole('button', { name: 'Nein', exact: true }).click();
    await page.getByText('Nein abgeben?').waitFor();
    await expect.poll(() => focusedText(page)).toBe('Nein abgeben?');
    await screenshot(page, 'member-landscape-secret-confirm');
    await expectAccessible(page, 'secret confirm');
    await page.getByRole('button', { name: 'Zurück' }).click();
    await expect.poll(() => focusedText(page)).toBe('Nein');
    expect(currentPoll(chair.snapshot())!.castCount).toBe(0);

    await page.getByRole('button', { name: 'Ja', exact: true }).click();
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    const cast = page.getByText('✓ Stimme abgegeben');
    await cast.waitFor();
    expect(await page.getByRole('button', { name: /^(Ja|Nein|Enthaltung)$/ }).count()).toBe(0);
    expect(await page.locator('.receipt-code').textContent()).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(await inView(page, cast)).toBe(true);
    await chair.waitFor((s) => currentPoll(s)?.castCount === 1);
    await screenshot(page, 'member-landscape-secret-cast');
    await drive.close();
    await drive.publish();
    await page.getByText('Die Abstimmung ist beendet. Ihre Stimme wurde gezählt.').waitFor();
    await page.getByText('in der veröffentlichten Liste enthalten').waitFor();

    // An open vote: the status line sits between heading and buttons, on screen in landscape.
    await drive.select('Ö 10');
    await drive.open();
    await page.getByText('Offene Abstimmung zu TOP Ö 10').waitFor();
    await page.getByRole('button', { name: 'Enthaltung', exact: true }).click();
    const status = page.getByText('Ihre Stimme: Enthaltung – gespeichert');
    await status.waitFor();
    expect(await inView(page, status)).toBe(true);
    await screenshot(page, 'member-landscape-open-voted');
    await drive.close();

    // Not voted when it closed: the tablet says so.
    await drive.select('Ö 11');
    await drive.open();
    await page.getByText('Offene Abstimmung zu TOP Ö 11').waitFor();
    await drive.close();
    await page.getByText('Die Abstimmung ist beendet. Sie haben nicht abgestimmt.').waitFor();

    // A show of hands: the tablet did not take part and says how it was decided.
    await drive.select('Ö 3');
    const itemId = chair.snapshot().agenda.find((i) => i.number === 'Ö 3')!.id;
    expect((await chair.call('poll:handCount', { itemId, counts: { yes: 8, no: 0, abstain: 2 } })).ok).toBe(true);
    await page.getByText('Abstimmung per Handzeichen.').waitFor();
    expect(await page.getByText('Sie haben nicht abgestimmt').count()).toBe(0);
    await drive.publish();
    await page.getByText('Einstimmig angenommen').waitFor();
    await screenshot(page, 'member-landscape-hand-count-published');
    await expectAccessible(page, 'hand count published');
    expect(errors).toEqual([]);
  });
});
