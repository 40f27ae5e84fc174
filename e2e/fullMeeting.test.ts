import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Choice } from '../shared/meeting/model.ts';
import { currentPoll } from '../shared/protocol/selectors.ts';
import { connectClient, startServer, tokenOf, type TestClient, type TestServer } from '../server/test/harness.ts';
import { displayContext, laptopContext, launchBrowser, screenshot, tabletContext, watchForErrors } from './support/browser.ts';

/**
 * A whole simulated meeting through the real UI: chair and deputy consoles, the room display,
 * three tablets in Chromium and the other seven members as socket clients. Attendance (check-in
 * on the tablet and by hand), every mode, one repetition, one hand count, a Mitwirkungsverbot,
 * a Beschlussart without a vote, a reload, and the display reconnecting on its own after a
 * server restart.
 */

let server: TestServer;
let browser: Browser;
const errors: string[] = [];
const sockets: TestClient[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await browser?.close();
  await server?.dispose();
});

async function open(kind: 'tablet' | 'display' | 'laptop', url: string): Promise<Page> {
  const ctx = kind === 'tablet' ? await tabletContext(browser) : kind === 'display' ? await displayContext(browser) : await laptopContext(browser);
  const page = await ctx.newPage();
  watchForErrors(page, errors);
  await page.goto(url);
  return page;
}

const LABEL: Record<Choice, string> = { yes: 'Ja', no: 'Nein', abstain: 'Enthaltung' };

describe('a full meeting in Chromium', () => {
  it('runs five votes in every mode, a repeat and a hand count, and writes minutes that read like a real minute', async () => {
    const created = await server.createMeeting();
    const chair = await open('laptop', created.chairUrl);
    const display = await open('display', created.displayUrl);
    // Tablets for Kirchmann, Schrader, Brandes (p3–p5); the other seven vote over sockets.
    const tablets = await Promise.all(created.members.slice(2, 5).map((m) => open('tablet', m.joinUrl)));
    const others = await Promise.all(
      [0, 1, 5, 6, 7, 8, 9].map(async (i) => {
        const c = await connectClient(server.url, tokenOf(created.members[i]!.joinUrl));
        sockets.push(c);
        return c;
      }),
    );
    const deputy = await open('laptop', created.chairUrl);
    await display.getByText('Noch kein Tagesordnungspunkt aufgerufen').waitFor();

    // --- Attendance: three check in on their tablets, six over their sockets; Frau Nolte arrives
    // late and the clerk checks her in by hand.
    for (const tablet of tablets) {
      await tablet.getByRole('button', { name: 'Anwesend', exact: true }).click();
      await tablet.getByText('Sie sind als anwesend gemeldet.').waitFor();
    }
    const checkIns = await Promise.all(others.slice(0, 6).map((c) => c.call('attendance:self', { present: true })));
    expect(checkIns.every((r) => r.ok)).toBe(true);
    await display.getByText('Anwesend: 9 von 10 · beschlussfähig').waitFor();
    await chair.getByLabel('Frau Nolte anwesend').check();
    await display.getByText('Anwesend: 10 von 10 · beschlussfähig').waitFor();

    /** Calls up an item and waits until the console shows it, so no control of the previous item is hit. */
    const callUp = async (number: string) => {
      await chair.getByRole('button', { name: new RegExp(`^${number}(?!\\d)`) }).click();
      await chair.locator('.chair-current .item-number', { hasText: new RegExp(`^TOP ${number}$`) }).waitFor();
    };
    const state = (s: string) => display.locator(`.display-main[data-state="${s}"]`).waitFor();

    /** Tablets vote by tapping, the others over their sockets; resolves once every vote is acknowledged. */
    async function vote(choices: Choice[], opts: { secret?: boolean; skip?: number } = {}) {
      const pollId = currentPoll(await others[0]!.waitFor((s) => currentPoll(s)?.status === 'open'))!.id;
      for (const [i, tablet] of tablets.entries()) {
        await tablet.getByRole('button', { name: LABEL[choices[i]!] }).click();
        if (opts.secret) await tablet.getByText('✓ Stimme abgegeben').waitFor();
        else await tablet.getByText(`Ihre Stimme: ${LABEL[choices[i]!]} – gespeichert`).waitFor();
      }
      const acks = await Promise.all(
        others
          .filter((_, k) => k !== opts.skip)
          .map((c, k) => c.call('ballot:cast', { pollId, choice: choices[tablets.length + k]!, ballotId: `full-${pollId}-${k}` })),
      );
      expect(acks.every((a) => a.ok)).toBe(true);
    }

    async function closeAndPublish() {
      // The console asks before ending a vote it still sees members missing from: wait until it sees them all.
      await chair.getByText('Alle haben abgestimmt.').waitFor();
      await chair.getByRole('button', { name: 'Abstimmung beenden' }).click();
      await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
      await chair.getByText('Veröffentlicht auf der Saalanzeige').waitFor();
      await state('published');
    }

    // --- Ö 2, open vote: the first round is declared invalid and repeated.
    await callUp('Ö 2');
    await display.getByText('Feststellung der Tagesordnung').waitFor();
    await state('idle');
    await screenshot(display, 'full-01-display-idle');
    await screenshot(chair, 'full-01-chair-start');
    await chair.getByRole('button', { name: 'Abstimmung starten' }).click();
    await state('open');
    await display.getByText('Offene Abstimmung').waitFor();
    await vote(['yes', 'yes', 'no', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'abstain']);
    await display.locator('.progress-cast', { hasText: '10' }).waitFor();
    await screenshot(display, 'full-02-display-open-running');
    // The audience never sees a running tally or names in an open vote.
    expect(await display.locator('.result-number, .roll-cell').count()).toBe(0);
    await closeAndPublish();
    await display.getByText('Mehrheitlich angenommen').waitFor();
    await screenshot(display, 'full-03-display-open-published');

    await chair.getByRole('button', { name: 'Für ungültig erklären …' }).click();
    await chair.getByText('Diese 1. Abstimmung für ungültig erklären?').waitFor();
    // The question unfolds with the harmless answer focused: Enter or Space cannot destroy a round.
    await expect.poll(() => chair.evaluate(() => document.activeElement?.textContent)).toBe('Abbrechen');
    await screenshot(chair, 'full-04-chair-confirm-invalid');
    await chair.getByRole('button', { name: 'Ungültig – Abstimmung wiederholen' }).click();
    await display.getByText('2. Abstimmung (Wiederholung)').waitFor();
    await state('open');
    await chair.getByText(/1\. Abstimmung, \d\d:\d\d–\d\d:\d\d Uhr: für ungültig erklärt um \d\d:\d\d Uhr/).waitFor();
    await screenshot(display, 'full-05-display-repeat-running');
    await vote(Array<Choice>(10).fill('yes'));
    await closeAndPublish();
    await display.getByText('Einstimmig angenommen').waitFor();
    await deputy.getByText('2. Abstimmung, ').waitFor();

    // --- Ö 3, by show of hands: validated against the ten members entitled to vote.
    await callUp('Ö 3');
    await chair.getByRole('button', { name: 'Per Handzeichen erfassen' }).click();
    await chair.getByLabel('Ja', { exact: true }).fill('9');
    await chair.getByLabel('Nein', { exact: true }).fill('0');
    await chair.getByLabel('Enthaltung', { exact: true }).fill('2');
    await chair.getByText('Zusammen 11 Stimmen – mehr als 10 Stimmberechtigte.').waitFor();
    expect(await chair.getByRole('button', { name: 'Ergebnis übernehmen' }).isDisabled()).toBe(true);
    await chair.getByLabel('Ja', { exact: true }).fill('8');
    await screenshot(chair, 'full-06-chair-hand-count');
    await chair.getByRole('button', { name: 'Ergebnis übernehmen' }).click();
    await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await display.getByText('per Handzeichen', { exact: false }).waitFor();
    await state('published');
    await display.getByText('Einstimmig angenommen').waitFor();
    await screenshot(display, 'full-07-display-hand-count');

    // --- Ö 10, roll-call shown live; the chair reloads mid-vote and the deputy follows.
    await callUp('Ö 10');
    await chair.getByLabel('namentlich').check();
    await chair.getByLabel('Namentliche Stimmen schon während der Abstimmung auf der Saalanzeige zeigen').check();
    await chair.getByRole('button', { name: 'Abstimmung starten' }).click();
    await display.getByText('Namentliche Abstimmung').waitFor();
    const rollCallId = currentPoll(await others[0]!.waitFor((s) => currentPoll(s)?.status === 'open'))!.id;
    await others[0]!.call('ballot:cast', { pollId: rollCallId, choice: 'yes', ballotId: 'full-roll-early-0' });
    await others[1]!.call('ballot:cast', { pollId: rollCallId, choice: 'no', ballotId: 'full-roll-early-1' });
    await display.locator('.roll-cell.roll-no', { hasText: 'Frau Wilke' }).waitFor();
    await display.locator('.roll-cell.roll-yes', { hasText: 'Herr Marotz' }).waitFor();
    await screenshot(display, 'full-08-display-roll-call-live');
    await chair.reload();
    await chair.getByText('abgegeben: 2 von 10').waitFor();
    await deputy.getByText('abgegeben: 2 von 10').waitFor();
    await chair.locator('.missing-list', { hasText: 'Herr Kirchmann' }).waitFor();
    await vote(['yes', 'abstain', 'no', 'yes', 'no', 'yes', 'yes', 'yes', 'no', 'yes']);
    await deputy.getByText('Alle haben abgestimmt.').waitFor();
    await deputy.getByRole('button', { name: 'Abstimmung beenden' }).click();
    await display.getByText('Abstimmung beendet – das Ergebnis folgt.').waitFor();
    await screenshot(display, 'full-09-display-roll-call-closed');
    await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await state('published');
    await display.getByText('Mehrheitlich angenommen').waitFor();
    await display.locator('.roll-cell.roll-abstain', { hasText: 'Frau Schrader' }).waitFor();
    await screenshot(display, 'full-09-display-roll-call-published');

    // --- Ö 11, no vote: the clerk records "zur Kenntnis genommen".
    await callUp('Ö 11');
    await chair.getByLabel('Beschlussart (Protokoll)').selectOption({ label: 'zur Kenntnis genommen' });
    await expect.poll(() => deputy.getByLabel('Beschlussart (Protokoll)').inputValue()).toBe('noted');

    // --- Ö 12, secret: the tablet confirms neutrally, the chair sees who is missing, never how anyone voted.
    await callUp('Ö 12');
    await chair.getByLabel('geheim').check();
    await chair.getByRole('button', { name: 'Abstimmung starten' }).click();
    await display.getByText('Geheime Abstimmung').waitFor();
    await tablets[0]!.getByText('Geheime Abstimmung zu TOP Ö 12').waitFor();
    await tablets[0]!.getByRole('button', { name: 'Nein' }).click();
    await tablets[0]!.getByRole('button', { name: 'Bestätigen' }).click();
    await tablets[0]!.getByText('✓ Stimme abgegeben').waitFor();
    expect(await tablets[0]!.getByRole('button', { name: /^(Ja|Nein|Enthaltung)$/ }).count()).toBe(0);
    expect(await tablets[0]!.textContent('body')).not.toMatch(/Ihre Stimme: /);
    await screenshot(tablets[0]!, 'full-10-tablet-secret-cast');
    await chair.getByText('abgegeben: 1 von 10').waitFor();
    await chair.getByText('Geheim: Sie sehen, wer abgestimmt hat, nie wie.').waitFor();
    await screenshot(chair, 'full-11-chair-secret-running');
    await screenshot(display, 'full-11-display-secret-running');
    const secretId = currentPoll(others[0]!.snapshot())!.id;
    // While the vote runs, the deputy's console offers no other item and says why.
    await deputy.getByText('Erst die laufende Abstimmung zu TOP Ö 12 beenden.').waitFor();
    expect(await deputy.getByRole('button', { name: /^Ö 2(?!\d)/ }).isDisabled()).toBe(true);
    expect(await deputy.getByRole('button', { name: /^Ö 12(?!\d)/ }).isDisabled()).toBe(false);
    await screenshot(deputy, 'full-11-deputy-agenda-locked');
    // Frau Schrader votes on her second device: her tablet stops offering the buttons.
    const schraderPhone = await connectClient(server.url, tokenOf(created.members[3]!.joinUrl));
    sockets.push(schraderPhone);
    expect((await schraderPhone.call('ballot:cast', { pollId: secretId, choice: 'yes', ballotId: 'full-secret-phone' })).ok).toBe(true);
    await tablets[1]!.getByText('✓ Stimme abgegeben').waitFor();
    expect(await tablets[1]!.getByRole('button', { name: /^(Ja|Nein|Enthaltung)$/ }).count()).toBe(0);
    schraderPhone.disconnect();
    await tablets[2]!.getByRole('button', { name: 'Enthaltung' }).click();
    await tablets[2]!.getByRole('button', { name: 'Bestätigen' }).click();
    await tablets[2]!.getByText('✓ Stimme abgegeben').waitFor();
    const secretChoices: Choice[] = ['yes', 'yes', 'no', 'yes', 'yes', 'no', 'yes'];
    const acks = await Promise.all(others.map((c, k) => c.call('ballot:cast', { pollId: secretId, choice: secretChoices[k]!, ballotId: `full-secret-${k}` })));
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(await others[0]!.call('ballot:cast', { pollId: secretId, choice: 'no', ballotId: 'full-secret-change' })).toMatchObject({
      ok: false,
      error: { code: 'already_voted' },
    });
    await closeAndPublish();
    await display.getByText('Mehrheitlich angenommen').waitFor();
    expect(await display.locator('.roll-cell').count()).toBe(0);
    await screenshot(display, 'full-12-display-secret-published');
    await tablets[0]!.getByText('Die Abstimmung ist beendet. Ihre Stimme wurde gezählt.').waitFor();

    // --- N 1, non-public, open vote with a Mitwirkungsverbot for Frau Bertram: the display shows
    // only that it is the closed session, her tablet-less socket is refused.
    await callUp('N 1');
    await display.getByText('Nicht öffentlicher Teil').waitFor();
    await chair.getByLabel('Frau Bertram: Mitwirkungsverbot zu TOP N 1').check();
    await chair.getByRole('button', { name: 'Abstimmung starten' }).click();
    await chair.getByText('abgegeben: 0 von 9').waitFor();
    const n1 = currentPoll(await others[4]!.waitFor((s) => currentPoll(s)?.status === 'open'))!.id;
    expect(await others[4]!.call('ballot:cast', { pollId: n1, choice: 'yes', ballotId: 'full-excluded-p8' })).toMatchObject({
      ok: false,
      error: { code: 'not_eligible' },
    });
    // Others in order p1, p2, p6, p7, (p8 excluded), p9, p10.
    await vote(['yes', 'yes', 'yes', 'yes', 'no', 'no', 'yes', 'yes', 'yes'], { skip: 4 });
    await chair.getByText('Alle haben abgestimmt.').waitFor();
    await chair.getByRole('button', { name: 'Abstimmung beenden' }).click();
    // Not public: the chair declares the result; it is not claimed to be on the room display.
    await chair.getByRole('button', { name: 'Ergebnis feststellen' }).click();
    await chair.getByText('Ergebnis festgestellt – nicht öffentlich, nicht auf der Saalanzeige').waitFor();
    expect(await display.textContent('body')).not.toContain('Migrationsberatung');
    await screenshot(display, 'full-13-display-non-public');

    // --- The display reconnects on its own after the server restarts on the same port.
    const port = Number(new URL(server.url).port);
    for (const s of sockets) s.disconnect();
    await server.stop();
    await display.getByText('Verbindung wird wiederhergestellt …').waitFor();
    await screenshot(display, 'full-14-display-reconnecting');
    server = await startServer({ dataDir: server.dataDir, port });
    await display.getByText('Verbindung wird wiederhergestellt …').waitFor({ state: 'detached', timeout: 30_000 });
    await display.getByText('Nicht öffentlicher Teil').waitFor();

    const minutes = await (
      await fetch(`${server.url}/api/meetings/${created.id}/minutes.txt`, { headers: { authorization: `Bearer ${tokenOf(created.chairUrl)}` } })
    ).text();
    console.log(minutes);
    expect(minutes).toContain(
      'TOP Ö 2 – Feststellung der Tagesordnung\nBeschlussart: ungeändert beschlossen\nAbstimmungsergebnis: Einstimmig\nJa-Stimmen: 10\nNein-Stimmen: -\nEnthaltung/en: -\nDie 1. Abstimmung',
    );
    expect(minutes).toContain('TOP Ö 3 – Genehmigung des Protokolls über die 1. Sitzung\nBeschlussart: ungeändert beschlossen\nAbstimmungsergebnis: Einstimmig bei 2 Enthaltungen\nJa-Stimmen: 8\nNein-Stimmen: -\nEnthaltung/en: 2\nAbstimmung per Handzeichen.');
    expect(minutes).toContain('Ja-Stimmen: 6\nNein-Stimmen: 3\nEnthaltung/en: 1\nNamentliche Abstimmung:\n  Ja: Herr Marotz, Herr Kirchmann, Frau Lüddecke, Herr Oppermann, Frau Bertram, Frau Nolte\n  Nein: Frau Wilke, Herr Brandes, Herr Kühn\n  Enthaltung: Frau Schrader');
    expect(minutes).toContain('TOP Ö 11 – Bericht der Verwaltung zur Aufnahme Geflüchteter aus der Ukraine\nBeschlussart: zur Kenntnis genommen');
    expect(minutes).toContain('TOP Ö 12 – Integrationskonzept des Landkreises Peine (Vorlage 2022/032)\nBeschlussart: ungeändert beschlossen\nAbstimmungsergebnis: Mehrheitlich\nJa-Stimmen: 6\nNein-Stimmen: 3\nEnthaltung/en: 1\nGeheime Abstimmung.');
    expect(minutes).toContain('TOP N 1 – Vergabe der Trägerschaft der Migrationsberatung (Vorlage 2022/041)\nBeschlussart: ungeändert beschlossen\nAbstimmungsergebnis: Mehrheitlich\nJa-Stimmen: 7\nNein-Stimmen: 2\nEnthaltung/en: -\nMitwirkungsverbot (§ 41 NKomVG): Frau Bertram');
    expect(errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|socket\.io/.test(e))).toEqual([]);
  });
});
