import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingSpecInput } from '../shared/protocol/meetingSpec.ts';
import { DEMO_MEETING } from '../server/demo/demoMeeting.ts';
import { connectClient, startServer, tokenOf, type TestServer } from '../server/test/harness.ts';
import { displayContext, laptopContext, launchBrowser, screenshot, tabletContext, watchForErrors } from './support/browser.ts';
import { driveMeeting } from './support/meetingDriver.ts';
import { axeFindings } from './support/axe.ts';

const BOTH = ['light', 'dark'] as const;

/**
 * Records the law and the RIS ask for, in Chromium: § 68 from a tablet, group-wise minuting
 * from the console, each minute format word for word via minutes.txt, and the meeting's
 * language on a display whose browser speaks English.
 */

let server: TestServer;
let browser: Browser;
const errors: string[] = [];
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const GROUPS = ['SPD-Fraktion', 'SPD-Fraktion', 'SPD-Fraktion', 'SPD-Fraktion', 'CDU-Fraktion', 'CDU-Fraktion', 'CDU-Fraktion', 'FDP-Fraktion', 'FDP-Fraktion', null];
const grouped = (extra: Partial<MeetingSpecInput> = {}): MeetingSpecInput => ({
  ...DEMO_MEETING,
  members: DEMO_MEETING.members!.map((m, i) => ({ ...m, group: GROUPS[i] ?? null })),
  ...extra,
});

async function open(kind: 'tablet' | 'display' | 'laptop', url: string, ctx?: BrowserContext): Promise<Page> {
  const context = ctx ?? (kind === 'tablet' ? await tabletContext(browser) : kind === 'display' ? await displayContext(browser) : await laptopContext(browser));
  contexts.push(context);
  const page = await context.newPage();
  watchForErrors(page, errors);
  await page.goto(url);
  return page;
}

const minutes = async (meetingId: string) =>
  (await fetch(`${server.url}/api/meetings/${meetingId}/minutes.txt`, { headers: { authorization: `Bearer ${server.adminToken}` } })).text();
/** One TOP's block of minutes.txt, exactly (blocks are separated by a blank line). */
const blockOf = (text: string, number: string) => text.split('\n\n').find((b) => b.startsWith(`TOP ${number} `))?.trimEnd();

describe('§ 68 and group-wise minutes in the browser', () => {
  it('the console keeps a ticked box ticked while its change is on its way, though another change re-renders it meanwhile', async () => {
    const created = await server.createMeeting(grouped());
    const drive = await driveMeeting(server, created);
    const clerk = await connectClient(server.url, tokenOf(created.chairUrl));
    try {
      await drive.select('Ö 12');
      await drive.open();
      await drive.vote([0, 1, 2, 3, 7, 8, 9], 'yes');
      await drive.vote([4, 5, 6], 'no');
      await drive.close();
      const context = await laptopContext(browser);
      contexts.push(context);
      const chair = await context.newPage();
      watchForErrors(chair, errors);
      // The console's group-wise command is held on its way to the server for a second.
      let held = 0;
      await chair.routeWebSocket(/\/socket\.io\//, (ws) => {
        const toServer = ws.connectToServer();
        ws.onMessage((m) => {
          if (typeof m === 'string' && m.includes('"poll:groupWise"')) {
            held += 1;
            setTimeout(() => toServer.send(m), 1000);
          } else toServer.send(m);
        });
        toServer.onMessage((m) => ws.send(m));
      });
      await chair.goto(created.chairUrl);
      const groupWise = chair.getByRole('checkbox', { name: /Fraktionsweise protokollieren/ });
      await groupWise.click();
      await expect.poll(() => held).toBe(1);
      // Meanwhile the clerk's other device minutes a member's vote: the console re-renders from a snapshot without the tick.
      const pollId = clerk.snapshot().polls.at(-1)!.id;
      await clerk.call('record:set', { pollId, memberId: 'p5', recorded: true });
      await chair.getByText('Abstimmverhalten namentlich vermerken (§ 68): 1').waitFor();
      expect(await groupWise.isChecked()).toBe(true);
      await expect.poll(() => minutes(created.id)).toContain('Mehrheitlich gegen die Stimmen der CDU-Fraktion');
      expect(await groupWise.isChecked()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      clerk.close();
      drive.dispose();
    }
  });

  it('a member has their vote recorded from the tablet; the chair minutes the result by Fraktion', async () => {
    const created = await server.createMeeting(grouped());
    const drive = await driveMeeting(server, created);
    try {
      await drive.select('Ö 12');
      await drive.open();
      const chair = await open('laptop', created.chairUrl);
      const tablet = await open('tablet', created.members[1]!.joinUrl);
      await tablet.getByText('Frau Wilke').waitFor();

      // The control appears only once the ballot is stored, below it, and asks before it acts.
      expect(await tablet.getByRole('button', { name: 'Mein Abstimmverhalten im Protokoll vermerken' }).count()).toBe(0);
      await tablet.getByRole('button', { name: 'Nein', exact: false }).first().click();
      await tablet.getByText('Ihre Stimme: Nein – gespeichert').waitFor();
      await tablet.getByRole('button', { name: 'Mein Abstimmverhalten im Protokoll vermerken' }).click();
      await tablet.getByText('Das Protokoll hält dann mit Ihrem Namen fest, wie Sie gestimmt haben. Vermerken lassen?').waitFor();
      await screenshot(tablet, 'records-tablet-68-confirm');
      expect(await axeFindings(tablet, BOTH)).toEqual([]);
      await tablet.getByRole('button', { name: 'Ja, vermerken' }).click();
      await tablet.getByText('Ihr Abstimmverhalten wird im Protokoll vermerkt.').waitFor();
      await screenshot(tablet, 'records-tablet-68-done');
      expect(await axeFindings(tablet, BOTH)).toEqual([]);
      await chair.getByText('Abstimmverhalten namentlich vermerken (§ 68): 1').waitFor();

      // SPD p1, p3, p4, FDP p8 and p10 (no group) Ja; p2 Nein (SPD split), CDU Nein; FDP p9 Enthaltung.
      await drive.vote([0, 2, 3, 7, 9], 'yes');
      await drive.vote([4, 5, 6], 'no');
      await drive.vote([8], 'abstain');
      await drive.close();
      const groupWise = chair.getByRole('checkbox', { name: /Fraktionsweise protokollieren/ });
      await groupWise.check();
      await expect.poll(() => minutes(created.id)).toContain('Abstimmungsergebnis: Mehrheitlich gegen die Stimmen der CDU-Fraktion und eine Stimme aus der SPD-Fraktion bei einer Enthaltung aus der FDP-Fraktion\n');
      await chair.locator('.records-68').getByRole('checkbox', { name: /Herr Oppermann/ }).check();
      await expect.poll(() => minutes(created.id)).toContain('Auf Verlangen von Herrn Oppermann wird vermerkt: Herr Oppermann hat mit Nein gestimmt.');
      expect(await groupWise.isChecked()).toBe(true);
      await chair.getByText('Abstimmverhalten namentlich vermerken (§ 68): 2').waitFor();
      await screenshot(chair, 'records-chair-group-wise');
      expect(await axeFindings(chair, BOTH)).toEqual([]);
      const text = await minutes(created.id);
      expect(text).toContain(
        [
          'TOP Ö 12 – Integrationskonzept des Landkreises Peine (Vorlage 2022/032)',
          'Beschlussart: ungeändert beschlossen',
          'Abstimmungsergebnis: Mehrheitlich gegen die Stimmen der CDU-Fraktion und eine Stimme aus der SPD-Fraktion bei einer Enthaltung aus der FDP-Fraktion',
          'Ja-Stimmen: 5',
          'Nein-Stimmen: 4',
          'Enthaltung/en: 1',
        ].join('\n'),
      );
      expect(text).toContain('Auf Verlangen von Frau Wilke wird vermerkt: Frau Wilke hat mit Nein gestimmt.\nAuf Verlangen von Herrn Oppermann wird vermerkt: Herr Oppermann hat mit Nein gestimmt.');
      expect(errors).toEqual([]);
    } finally {
      drive.dispose();
    }
  });
});

describe('roll-call on the display, by Fraktion', () => {
  it('lists the members group by group with the group\'s name above them', async () => {
    const created = await server.createMeeting(grouped());
    const drive = await driveMeeting(server, created);
    try {
      const display = await open('display', created.displayUrl);
      await drive.select('Ö 12');
      await drive.open({ mode: 'rollCall' });
      await drive.vote([0, 1, 2, 3, 9], 'yes');
      await drive.vote([4, 5, 6], 'no');
      await drive.vote([7, 8], 'abstain');
      await drive.close();
      await drive.publish();
      await display.locator('.roll-group').first().waitFor();
      expect(await display.locator('.roll-group').allTextContents()).toEqual(['SPD-Fraktion', 'CDU-Fraktion', 'FDP-Fraktion', 'fraktionslos']);
      const order = await display.locator('.roll-cell').evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.group ?? ''));
      expect(order).toEqual(['SPD-Fraktion', 'SPD-Fraktion', 'SPD-Fraktion', 'SPD-Fraktion', 'CDU-Fraktion', 'CDU-Fraktion', 'CDU-Fraktion', 'FDP-Fraktion', 'FDP-Fraktion', '']);
      // Everything fits the screen without scrolling.
      expect(await display.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
      await screenshot(display, 'records-display-roll-call-by-group');
      expect(await axeFindings(display, BOTH)).toEqual([]);
      expect(await minutes(created.id)).toContain('  Ja: Herr Marotz, Frau Wilke, Herr Kirchmann, Frau Schrader (SPD-Fraktion); Frau Nolte (fraktionslos)');
    } finally {
      drive.dispose();
    }
  });
});

describe('minute formats, word for word via minutes.txt', () => {
  /** 7 Ja, 1 Nein, 1 Enthaltung, Frau Nolte excluded (Befangen). */
  async function decided(spec: MeetingSpecInput) {
    const created = await server.createMeeting(spec);
    const drive = await driveMeeting(server, created);
    try {
      await drive.select('Ö 12');
      const chair = await open('laptop', created.chairUrl);
      await chair.getByText('Integrationskonzept des Landkreises Peine').first().waitFor();
      const c = await connectClient(server.url, tokenOf(created.chairUrl));
      const item = c.snapshot().agenda.find((i) => i.number === 'Ö 12')!;
      await c.call('exclusion:set', { itemId: item.id, memberId: 'p10', excluded: true });
      c.close();
      await drive.open();
      if (spec.rules === 'GO-BY') {
        await drive.vote([0, 1, 2, 3, 4, 5, 6], 'yes');
        await drive.vote([7, 8], 'no');
      } else {
        await drive.vote([0, 1, 2, 3, 4, 5, 8], 'yes');
        await drive.vote([6], 'no');
        await drive.vote([7], 'abstain');
      }
      await drive.close();
      await drive.publish();
      return { created, chair };
    } finally {
      drive.dispose();
    }
  }
  const head = ['TOP Ö 12 – Integrationskonzept des Landkreises Peine (Vorlage 2022/032)', 'Beschlussart: ungeändert beschlossen', 'Abstimmungsergebnis: Mehrheitlich'];

  it('ALLRIS (default)', async () => {
    const { created } = await decided(grouped());
    expect(blockOf(await minutes(created.id), 'Ö 12')).toBe([...head, 'Ja-Stimmen: 7', 'Nein-Stimmen: 1', 'Enthaltung/en: 1', 'Mitwirkungsverbot (§ 41 NKomVG): Frau Nolte'].join('\n'));
  });

  it('SessionNet, chosen in the admin editor; the print view writes it too', async () => {
    const created = await server.createMeeting(grouped());
    const admin = await open('laptop', `${server.url}/admin/`);
    await admin.getByLabel('Admin-Token').fill(server.adminToken);
    await admin.getByRole('button', { name: 'Anmelden' }).click();
    await admin.goto(`${server.url}/admin/#/meeting/${created.id}`);
    await admin.getByLabel('Protokollformat').selectOption('sessionNet');
    expect(await admin.getByLabel('Fraktion/Gruppe').first().inputValue()).toBe('SPD-Fraktion');
    await screenshot(admin, 'records-admin-editor');
    await admin.getByRole('button', { name: 'Speichern' }).click();
    await admin.getByText('Gespeichert').waitFor();
    const drive = await driveMeeting(server, created);
    try {
      await drive.select('Ö 12');
      await drive.open();
      await drive.vote([0, 1, 2, 3, 4, 5, 8], 'yes');
      await drive.vote([6], 'no');
      await drive.vote([7, 9], 'abstain');
      await drive.close();
    } finally {
      drive.dispose();
    }
    expect(blockOf(await minutes(created.id), 'Ö 12')).toBe([...head, 'Ja: 7, Nein: 1, Enthaltungen: 2, Befangen: 0'].join('\n'));
    const print = await open('laptop', `${server.url}/results/?meeting=${created.id}#token=${tokenOf(created.chairUrl)}`);
    await print.getByText('Ja: 7, Nein: 1, Enthaltungen: 2, Befangen: 0').waitFor();
    await screenshot(print, 'records-print-sessionnet');
    expect(errors).toEqual([]);
  });

  it('Bavarian line under GO-BY', async () => {
    const { created } = await decided(grouped({ rules: 'GO-BY', minuteFormat: 'bavarian' }));
    expect(blockOf(await minutes(created.id), 'Ö 12')).toBe([...head, 'Ja: 7, Nein: 2, Anwesend: 9', 'Mitwirkungsverbot (Art. 49 GO): Frau Nolte'].join('\n'));
  });
});

describe('the meeting language', () => {
  const english = () => browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US', timezoneId: 'Europe/Berlin' });

  it('a display PC with an English browser shows German to a German council', async () => {
    const created = await server.createMeeting(grouped());
    const display = await open('display', created.displayUrl, await english());
    await display.getByText('Anwesend: 0 von 10 · nicht beschlussfähig').waitFor();
    expect(await display.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await display.textContent('body')).not.toMatch(/quorate|Present/);
    await screenshot(display, 'records-display-en-browser-german-meeting');
  });

  it('an English meeting starts English on German devices; the device\'s own choice wins', async () => {
    const created = await server.createMeeting(grouped({ language: 'en' }));
    const display = await open('display', created.displayUrl);
    await display.getByText('Present: 0 of 10 · not quorate').waitFor();
    expect(await display.evaluate(() => document.documentElement.lang)).toBe('en');
    const tablet = await open('tablet', created.members[0]!.joinUrl.replace('/member/#', '/member/?lang=de#'));
    await tablet.getByRole('button', { name: 'Anwesend' }).waitFor();
    // Another tablet starts English; its member taps "Deutsch", and that choice outlives a reload.
    const other = await open('tablet', created.members[1]!.joinUrl);
    await other.getByRole('button', { name: 'Present', exact: true }).waitFor();
    await other.getByRole('button', { name: 'Deutsch' }).click();
    await other.getByRole('button', { name: 'Anwesend', exact: true }).waitFor();
    await other.reload();
    await other.getByRole('button', { name: 'Anwesend', exact: true }).waitFor();
    expect(await other.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(errors).toEqual([]);
  });
});
