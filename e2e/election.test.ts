import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentPoll } from '../shared/protocol/selectors.ts';
import { DEMO_MEETING } from '../server/demo/demoMeeting.ts';
import { connectClient, startServer, tokenOf, type TestClient, type TestServer } from '../server/test/harness.ts';
import { displayContext, laptopContext, launchBrowser, screenshot, tabletContext, watchForErrors } from './support/browser.ts';
import { axeFindings } from './support/axe.ts';

/**
 * An election of persons through the real UI (NKomVG § 67): the chair adds three candidates on the
 * spot, two tablets mark their ballots, eight members vote over sockets; nobody has the majority of
 * the members in the first Wahlgang, the second ends in a tie, the chair draws the lot in the
 * console, the display and the tablets say who is elected, and the minutes say it word for word.
 */

let server: TestServer;
let browser: Browser;
const errors: string[] = [];
const findings: string[] = [];
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
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url);
  return page;
}

async function axe(page: Page, view: string): Promise<void> {
  for (const finding of await axeFindings(page, ['light', 'dark'])) findings.push(`${view}/${finding}`);
}

describe('an election with a second Wahlgang and a lot, in Chromium', () => {
  it('runs from candidates to "Gewählt ist …" on tablets, console and display, and minutes it', async () => {
    const created = await server.createMeeting({
      ...DEMO_MEETING,
      agenda: [...DEMO_MEETING.agenda, { number: 'Ö 4', name: 'Wahl der stellvertretenden Ausschussvorsitzenden' }],
    });
    const chairSocket = await connectClient(server.url, tokenOf(created.chairUrl));
    sockets.push(chairSocket);
    for (const m of chairSocket.snapshot().members) expect((await chairSocket.call('attendance:set', { memberId: m.id, present: true })).ok).toBe(true);
    const chair = await open('laptop', created.chairUrl);
    const display = await open('display', created.displayUrl);
    // Tablets for Kirchmann and Schrader (p3, p4); the other eight vote over their sockets.
    const tablets = await Promise.all(created.members.slice(2, 4).map((m) => open('tablet', m.joinUrl)));
    const others = await Promise.all(
      [0, 1, 4, 5, 6, 7, 8, 9].map(async (i) => {
        const c = await connectClient(server.url, tokenOf(created.members[i]!.joinUrl));
        sockets.push(c);
        return c;
      }),
    );

    // --- The chair calls up the item, makes it an election and adds the candidates as they are proposed.
    await chair.getByRole('button', { name: /^Ö 4(?!\d)/ }).click();
    await chair.getByRole('button', { name: 'Als Wahl durchführen (Personenwahl)' }).click();
    for (const name of ['Frau Wilke', 'Herr Kirchmann', 'Frau Nolte']) {
      await chair.getByLabel('Vorschlag (Name, z. B. Frau Wilke)').fill(name);
      await chair.getByRole('button', { name: 'Hinzufügen' }).click();
      await chair.locator('.election-candidate-list li', { hasText: name }).waitFor();
    }
    await chair.getByText('Wahl nach § 67 NKomVG, offen').waitFor();
    await axe(chair, 'chair-election-setup');
    await chair.getByRole('button', { name: '1. Wahlgang starten (3 zur Wahl)' }).click();
    await display.getByText('Zur Wahl:').waitFor();
    expect(await display.locator('.election-standing').innerText()).toBe('Zur Wahl: Frau Wilke · Herr Kirchmann · Frau Nolte');
    const ids = Object.fromEntries(chairSocket.snapshot().elections![currentPoll(chairSocket.snapshot())!.itemId]!.candidates.map((c) => [c.name, c.id]));

    /** Tablet i marks one candidate and casts; resolves once the tablet says it is stored. */
    const markOn = async (tablet: Page, name: string) => {
      await tablet.getByRole('button', { name, exact: true }).click();
      await tablet.getByRole('button', { name: 'Stimmzettel abgeben' }).click();
      await tablet.getByText(`Ihr Stimmzettel: ${name} – gespeichert`).waitFor();
    };
    const socketVotes = async (plan: (string | null)[]) => {
      const pollId = currentPoll(await others[0]!.waitFor((s) => currentPoll(s)?.status === 'open'))!.id;
      for (const [i, name] of plan.entries()) {
        const r = await others[i]!.call('ballot:cast', { pollId, choice: name ? 'yes' : 'abstain', marks: name ? [ids[name]] : [], ballotId: `e2e-${pollId}-${i}`.replace(/[^A-Za-z0-9_-]/g, '_') });
        expect(r.ok).toBe(true);
      }
    };

    // --- 1. Wahlgang: Wilke 4, Kirchmann 4, Nolte 1, one blank — 6 (the majority of the 10 members) needed.
    await tablets[0]!.getByText('Offene Wahl zu TOP Ö 4 – 1. Wahlgang').waitFor();
    await tablets[0]!.getByRole('button', { name: 'Frau Wilke', exact: true }).click();
    expect(await tablets[0]!.getByRole('button', { name: 'Frau Wilke', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(tablets[0]!, 'election-tablet-ballot');
    await axe(tablets[0]!, 'tablet-election-ballot');
    await tablets[0]!.getByRole('button', { name: 'Stimmzettel abgeben' }).click();
    await tablets[0]!.getByText('Ihr Stimmzettel: Frau Wilke – gespeichert').waitFor();
    await markOn(tablets[1]!, 'Herr Kirchmann');
    await socketVotes(['Frau Wilke', 'Frau Wilke', 'Frau Wilke', 'Herr Kirchmann', 'Herr Kirchmann', 'Herr Kirchmann', 'Frau Nolte', null]);
    await chair.getByRole('button', { name: 'Abstimmung beenden' }).click();
    await chair.getByText('Die erforderliche Mehrheit wurde nicht erreicht.').waitFor();
    await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await display.getByText('Keine erforderliche Mehrheit – 2. Wahlgang folgt').waitFor();
    await tablets[0]!.getByText('Die erforderliche Mehrheit wurde nicht erreicht.').waitFor();

    // --- 2. Wahlgang (every candidate, the most votes win): 5 to 5 — a tie.
    await chair.getByRole('button', { name: '2. Wahlgang starten (3 zur Wahl)' }).click();
    await tablets[0]!.getByText('Offene Wahl zu TOP Ö 4 – 2. Wahlgang').waitFor();
    await markOn(tablets[0]!, 'Frau Wilke');
    await tablets[1]!.getByText('Offene Wahl zu TOP Ö 4 – 2. Wahlgang').waitFor();
    await markOn(tablets[1]!, 'Herr Kirchmann');
    await socketVotes(['Frau Wilke', 'Frau Wilke', 'Frau Wilke', 'Frau Wilke', 'Herr Kirchmann', 'Herr Kirchmann', 'Herr Kirchmann', 'Herr Kirchmann']);
    await chair.getByRole('button', { name: 'Abstimmung beenden' }).click();
    await chair.getByText('Stimmengleichheit zwischen Frau Wilke, Herr Kirchmann: das Los entscheidet (1 gewählt).').waitFor();
    await screenshot(chair, 'election-chair-lot');
    await axe(chair, 'chair-election-lot');
    await chair.getByRole('button', { name: 'Los ziehen (Zufall des Servers, protokolliert)' }).click();
    const afterLot = await chairSocket.waitFor((s) => (s.elections?.[currentPoll(s)!.itemId]?.lots.length ?? 0) === 1);
    const winnerId = afterLot.elections![currentPoll(afterLot)!.itemId]!.lots[0]!.winners[0];
    const winner = winnerId === ids['Frau Wilke'] ? 'Frau Wilke' : 'Herr Kirchmann';
    await chair.getByText(`Gewählt ist ${winner} mit 5 Stimmen.`).waitFor();
    await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await chair.getByText('Die Wahl ist abgeschlossen.').waitFor();

    await display.getByText(`Gewählt ist ${winner} mit 5 Stimmen.`).waitFor();
    await screenshot(display, 'election-display-result');
    await axe(display, 'display-election-result');
    await screenshot(chair, 'election-chair-done');
    for (const tablet of tablets) await tablet.getByText(`Gewählt ist ${winner} mit 5 Stimmen.`).waitFor();
    await screenshot(tablets[1]!, 'election-tablet-result');

    const minutes = await (await fetch(`${server.url}/api/meetings/${created.id}/minutes.txt`, { headers: { authorization: `Bearer ${server.adminToken}` } })).text();
    expect(minutes.split('\n\n').find((b) => b.startsWith('TOP Ö 4'))?.trimEnd()).toBe(
      [
        'TOP Ö 4 – Wahl der stellvertretenden Ausschussvorsitzenden',
        'Wahl nach § 67 NKomVG, offen',
        '1. Wahlgang – erforderlich: 6 Stimmen (Mehrheit der 10 Mitglieder)',
        'Frau Wilke: 4 Stimmen',
        'Herr Kirchmann: 4 Stimmen',
        'Frau Nolte: 1 Stimme',
        'Enthaltung/en: 1',
        'Die erforderliche Mehrheit wurde nicht erreicht.',
        '2. Wahlgang – gewählt ist, wer die meisten Stimmen erhält',
        'Frau Wilke: 5 Stimmen',
        'Herr Kirchmann: 5 Stimmen',
        'Frau Nolte: 0 Stimmen',
        'Enthaltung/en: -',
        `Stimmengleichheit. Losentscheid (von der Sitzungsleitung in der Konsole gezogen): ${winner}`,
        `Gewählt ist ${winner} mit 5 Stimmen.`,
      ].join('\n'),
    );
    expect(findings).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('runs a secret election under GemO BW: a lot by hand for the Stichwahl, then the Stichwahl on the tablets', async () => {
    const created = await server.createMeeting({
      ...DEMO_MEETING,
      rules: 'GemO-BW',
      agenda: [{ number: 'Ö 7', name: 'Wahl der Vertreterin oder des Vertreters im Verbandsausschuss' }],
    });
    const chairSocket = await connectClient(server.url, tokenOf(created.chairUrl));
    sockets.push(chairSocket);
    for (const m of chairSocket.snapshot().members) expect((await chairSocket.call('attendance:set', { memberId: m.id, present: true })).ok).toBe(true);
    const chair = await open('laptop', created.chairUrl);
    const display = await open('display', created.displayUrl);
    const tablet = await open('tablet', created.members[2]!.joinUrl);
    const others = await Promise.all(
      [0, 1, 3, 4, 5, 6, 7, 8, 9].map(async (i) => {
        const c = await connectClient(server.url, tokenOf(created.members[i]!.joinUrl));
        sockets.push(c);
        return c;
      }),
    );
    await chair.getByRole('button', { name: /^Ö 7(?!\d)/ }).click();
    await chair.getByRole('button', { name: 'Als Wahl durchführen (Personenwahl)' }).click();
    for (const name of ['Frau Schrader', 'Herr Brandes', 'Frau Bertram']) {
      await chair.getByLabel('Vorschlag (Name, z. B. Frau Wilke)').fill(name);
      await chair.getByRole('button', { name: 'Hinzufügen' }).click();
      await chair.locator('.election-candidate-list li', { hasText: name }).waitFor();
    }
    await chair.getByLabel('Ein Mitglied verlangt geheime Wahl').check();
    await chair.getByText('Wahl nach § 37 Abs. 7 GemO, geheim (auf Verlangen eines Mitglieds)').waitFor();
    await chair.getByRole('button', { name: '1. Wahlgang starten (3 zur Wahl)' }).click();
    const itemId = chairSocket.snapshot().agenda[0]!.id;
    const ids = Object.fromEntries((await chairSocket.waitFor((s) => !!s.elections?.[itemId])).elections![itemId]!.candidates.map((c) => [c.name, c.id]));
    const socketVotes = async (plan: (string | null)[]) => {
      const pollId = currentPoll(await others[0]!.waitFor((s) => currentPoll(s)?.status === 'open'))!.id;
      for (const [i, name] of plan.entries()) {
        const r = await others[i]!.call('ballot:cast', { pollId, choice: name ? 'yes' : 'abstain', marks: name ? [ids[name]] : [], ballotId: `bw-${pollId}-${i}`.replace(/[^A-Za-z0-9_-]/g, '_') });
        expect(r.ok).toBe(true);
      }
    };
    /** A secret ballot: mark, cast, confirm once; afterwards only the neutral confirmation. */
    const secretMark = async (name: string) => {
      await tablet.getByRole('button', { name, exact: true }).click();
      await tablet.getByRole('button', { name: 'Stimmzettel abgeben' }).click();
      await tablet.getByText(`Stimmzettel „${name}“ abgeben?`).waitFor();
      await tablet.getByRole('button', { name: 'Bestätigen' }).click();
      await tablet.getByText('✓ Stimme abgegeben').waitFor();
      expect(await tablet.getByRole('button', { name, exact: true }).count()).toBe(0);
    };

    // 1. Wahlgang: Schrader 4, Brandes 2, Bertram 2, 2 blank — 6 of the 10 present needed.
    await tablet.getByText('Geheime Wahl zu TOP Ö 7 – 1. Wahlgang').waitFor();
    await secretMark('Frau Schrader');
    await screenshot(tablet, 'election-tablet-secret-cast');
    await socketVotes(['Frau Schrader', 'Frau Schrader', 'Frau Schrader', 'Herr Brandes', 'Herr Brandes', 'Frau Bertram', 'Frau Bertram', null, null]);
    await chair.getByRole('button', { name: 'Abstimmung beenden' }).click();
    // A tie for second place: the lot drawn in the room decides who enters the Stichwahl.
    await chair.getByText('Stimmengleichheit zwischen Herr Brandes, Frau Bertram: das Los entscheidet, wer in die Stichwahl kommt (1).').waitFor();
    await chair.getByRole('button', { name: 'Los gezogen: Frau Bertram' }).click();
    await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await display.getByText('Keine erforderliche Mehrheit – Stichwahl folgt').waitFor();

    // Stichwahl between Schrader and Bertram: the most votes win.
    await chair.getByRole('button', { name: 'Stichwahl starten (2 zur Wahl)' }).click();
    await tablet.getByText('Geheime Wahl zu TOP Ö 7 – Stichwahl').waitFor();
    expect(await tablet.locator('.election-candidate').allInnerTexts()).toEqual(['Frau Schrader', 'Frau Bertram']);
    await secretMark('Frau Bertram');
    await socketVotes(['Frau Schrader', 'Frau Schrader', 'Frau Schrader', 'Frau Schrader', 'Frau Bertram', 'Frau Bertram', 'Frau Bertram', 'Frau Bertram', 'Frau Bertram']);
    await display.getByText('Stichwahl').first().waitFor();
    await chair.getByRole('button', { name: 'Abstimmung beenden' }).click();
    await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await display.getByText('Gewählt ist Frau Bertram mit 6 Stimmen.').waitFor();
    await tablet.getByText('Gewählt ist Frau Bertram mit 6 Stimmen.').waitFor();
    await screenshot(display, 'election-display-runoff');

    const minutes = await (await fetch(`${server.url}/api/meetings/${created.id}/minutes.txt`, { headers: { authorization: `Bearer ${server.adminToken}` } })).text();
    expect(minutes.split('\n\n').find((b) => b.startsWith('TOP Ö 7'))?.trimEnd()).toBe(
      [
        'TOP Ö 7 – Wahl der Vertreterin oder des Vertreters im Verbandsausschuss',
        'Wahl nach § 37 Abs. 7 GemO, geheim (auf Verlangen eines Mitglieds)',
        '1. Wahlgang – erforderlich: 6 Stimmen (Mehrheit der 10 anwesenden Stimmberechtigten)',
        'Frau Schrader: 4 Stimmen',
        'Herr Brandes: 2 Stimmen',
        'Frau Bertram: 2 Stimmen',
        'Enthaltung/en: 2',
        'Stimmengleichheit um die Teilnahme an der Stichwahl. Losentscheid (im Saal von Hand gezogen): Frau Bertram',
        'Die erforderliche Mehrheit wurde nicht erreicht.',
        'Stichwahl – gewählt ist, wer die meisten Stimmen erhält',
        'Frau Schrader: 4 Stimmen',
        'Frau Bertram: 6 Stimmen',
        'Enthaltung/en: -',
        'Gewählt ist Frau Bertram mit 6 Stimmen.',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });

  it('elects two seats at once under GO NRW: up to two marks on the tablet, both elected on the display, in English too', async () => {
    const created = await server.createMeeting({ ...DEMO_MEETING, rules: 'GO-NRW', agenda: [{ number: 'Ö 2', name: 'Wahl von zwei Mitgliedern des Beirats' }] });
    const chairSocket = await connectClient(server.url, tokenOf(created.chairUrl));
    sockets.push(chairSocket);
    for (const m of chairSocket.snapshot().members) expect((await chairSocket.call('attendance:set', { memberId: m.id, present: true })).ok).toBe(true);
    const itemId = chairSocket.snapshot().agenda[0]!.id;
    expect((await chairSocket.call('item:select', { itemId })).ok).toBe(true);
    expect((await chairSocket.call('election:setup', { itemId, seats: 2 })).ok).toBe(true);
    for (const name of ['Frau Lüddecke', 'Herr Oppermann', 'Herr Kühn']) expect((await chairSocket.call('election:addCandidate', { itemId, name })).ok).toBe(true);
    const chair = await open('laptop', created.chairUrl);
    const display = await open('display', `${created.displayUrl.replace('/display/#', '/display/?lang=en#')}`);
    const tablet = await open('tablet', created.members[0]!.joinUrl);
    await chair.getByText('Wahl nach § 50 Abs. 2 GO NRW, offen, 2 Sitze').waitFor();
    await chair.getByRole('button', { name: '1. Wahlgang starten (3 zur Wahl)' }).click();
    await tablet.getByText('Sie können bis zu 2 Personen ankreuzen.').waitFor();
    await tablet.getByRole('button', { name: 'Frau Lüddecke', exact: true }).click();
    await tablet.getByRole('button', { name: 'Herr Oppermann', exact: true }).click();
    await tablet.getByText('2 von 2 Stimmen vergeben').waitFor();
    // A third mark is not offered (and the server would refuse it).
    expect(await tablet.getByRole('button', { name: 'Herr Kühn', exact: true }).isDisabled()).toBe(true);
    await screenshot(tablet, 'election-tablet-two-seats');
    await axe(tablet, 'tablet-election-two-seats');
    await tablet.getByRole('button', { name: 'Stimmzettel abgeben' }).click();
    await tablet.getByText('Ihr Stimmzettel: Frau Lüddecke, Herr Oppermann – gespeichert').waitFor();
    const ids = Object.fromEntries(chairSocket.snapshot().elections![itemId]!.candidates.map((c) => [c.name, c.id]));
    const pollId = currentPoll(chairSocket.snapshot())!.id;
    const plan = [['Frau Lüddecke', 'Herr Kühn'], ['Frau Lüddecke', 'Herr Oppermann'], ['Frau Lüddecke'], ['Herr Oppermann', 'Herr Kühn'], ['Frau Lüddecke', 'Herr Oppermann'], ['Herr Oppermann'], ['Herr Kühn'], [], ['Frau Lüddecke', 'Herr Oppermann']];
    for (const [i, names] of plan.entries()) {
      const c = await connectClient(server.url, tokenOf(created.members[i + 1]!.joinUrl));
      sockets.push(c);
      expect((await c.call('ballot:cast', { pollId, choice: names.length ? 'yes' : 'abstain', marks: names.map((n) => ids[n]), ballotId: `nrw-${i}-ballot` })).ok).toBe(true);
    }
    await chair.getByRole('button', { name: 'Abstimmung beenden' }).click();
    await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    // 9 valid ballots (one blank): 5 needed. Lüddecke 6, Oppermann 6, Kühn 3.
    await display.getByText('Elected: Frau Lüddecke with 6 votes.').waitFor();
    await display.getByText('Elected: Herr Oppermann with 6 votes.').waitFor();
    await screenshot(display, 'election-display-two-seats-en');
    await axe(display, 'display-election-two-seats-en');
    expect(findings).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('keeps nine candidates with long names on a 1280×720 display without scrolling', async () => {
    const created = await server.createMeeting({ ...DEMO_MEETING, rules: 'GemO-BW', agenda: [{ number: 'Ö 9', name: 'Wahl der Schriftführerin oder des Schriftführers des Zweckverbands Abwasserbeseitigung' }] });
    const chairSocket = await connectClient(server.url, tokenOf(created.chairUrl));
    sockets.push(chairSocket);
    for (const m of chairSocket.snapshot().members) expect((await chairSocket.call('attendance:set', { memberId: m.id, present: true })).ok).toBe(true);
    const itemId = chairSocket.snapshot().agenda[0]!.id;
    expect((await chairSocket.call('item:select', { itemId })).ok).toBe(true);
    expect((await chairSocket.call('election:setup', { itemId, seats: 1 })).ok).toBe(true);
    const names = ['Frau Dr. Annegret Müller-Lüdenscheidt', 'Herr Prof. Maximilian von Oppermann-Kühn', 'Frau Schrader', 'Herr Brandes', 'Frau Bertram', 'Herr Kühn', 'Frau Nolte', 'Herr Ahrens', 'Frau Lüddecke'];
    for (const name of names) expect((await chairSocket.call('election:addCandidate', { itemId, name })).ok).toBe(true);
    const ctx = await displayContext(browser, { width: 1280, height: 720 });
    const display = await ctx.newPage();
    watchForErrors(display, errors);
    await display.goto(created.displayUrl);
    const opened = await chairSocket.call<{ pollId: string }>('election:openRound', { itemId });
    if (!opened.ok) throw new Error(opened.error.message);
    const ids = chairSocket.snapshot().elections![itemId]!.candidates.map((c) => c.id);
    for (let i = 0; i < 10; i++) {
      const c = await connectClient(server.url, tokenOf(created.members[i]!.joinUrl));
      sockets.push(c);
      expect((await c.call('ballot:cast', { pollId: opened.data.pollId, choice: 'yes', marks: [ids[[0, 0, 0, 1, 1, 2, 3, 4, 5, 6][i]!]], ballotId: `many-${i}-ballot` })).ok).toBe(true);
    }
    expect((await chairSocket.call('poll:close', { pollId: opened.data.pollId })).ok).toBe(true);
    expect((await chairSocket.call('poll:publish', { pollId: opened.data.pollId })).ok).toBe(true);
    await display.getByText('Keine erforderliche Mehrheit – Stichwahl folgt').waitFor();
    expect(await display.locator('.election-bars li:not(.election-abstain)').count()).toBe(9);
    const { scroll, height, lastBottom } = await display.evaluate(() => ({
      scroll: document.scrollingElement!.scrollHeight,
      height: innerHeight,
      lastBottom: document.querySelector('.election-abstain .election-bar-votes')!.getBoundingClientRect().bottom,
    }));
    await screenshot(display, 'election-display-nine-720p');
    expect(scroll).toBeLessThanOrEqual(height);
    expect(lastBottom).toBeLessThanOrEqual(height);
    await ctx.close();
    expect(errors).toEqual([]);
  });

  it('takes a single candidate counted in the room from the console: Ja / Nein on the display, the count in the minutes', async () => {
    const created = await server.createMeeting({ ...DEMO_MEETING, agenda: [{ number: 'Ö 5', name: 'Wahl der Gleichstellungsbeauftragten' }] });
    const chairSocket = await connectClient(server.url, tokenOf(created.chairUrl));
    sockets.push(chairSocket);
    for (const m of chairSocket.snapshot().members) expect((await chairSocket.call('attendance:set', { memberId: m.id, present: true })).ok).toBe(true);
    const chair = await open('laptop', created.chairUrl);
    const display = await open('display', created.displayUrl);
    await chair.getByRole('button', { name: /^Ö 5(?!\d)/ }).click();
    await chair.getByRole('button', { name: 'Als Wahl durchführen (Personenwahl)' }).click();
    await chair.getByLabel('Vorschlag (Name, z. B. Frau Wilke)').fill('Frau Schrader');
    await chair.getByRole('button', { name: 'Hinzufügen' }).click();
    await chair.getByRole('button', { name: 'Im Saal ausgezählt erfassen' }).click();
    await chair.getByLabel('Frau Schrader: Ja').fill('7');
    await chair.getByLabel('Nein', { exact: true }).fill('2');
    await chair.getByLabel('Enthaltung / leer').fill('1');
    await screenshot(chair, 'election-chair-hand-count');
    await chair.getByRole('button', { name: 'Ergebnis übernehmen' }).click();
    await chair.getByText('Gewählt ist Frau Schrader mit 7 Stimmen.').waitFor();
    await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await display.getByText('Gewählt ist Frau Schrader mit 7 Stimmen.').waitFor();
    expect(await display.locator('.election-bar-votes').first().innerText()).toBe('Ja 7 · Nein 2');
    const minutes = await (await fetch(`${server.url}/api/meetings/${created.id}/minutes.txt`, { headers: { authorization: `Bearer ${server.adminToken}` } })).text();
    expect(minutes.split('\n\n').find((b) => b.startsWith('TOP Ö 5'))?.trimEnd()).toBe(
      [
        'TOP Ö 5 – Wahl der Gleichstellungsbeauftragten',
        'Wahl nach § 67 NKomVG, offen',
        '1. Wahlgang – erforderlich: 6 Stimmen (Mehrheit der 10 Mitglieder)',
        'Frau Schrader: Ja 7, Nein 2',
        'Enthaltung/en: 1',
        'Gewählt ist Frau Schrader mit 7 Stimmen.',
        'Im Saal ausgezählt (Stimmzettel oder Handzeichen) und von der Sitzungsleitung eingetragen.',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
  });

  it('offers a single candidate Ja / Nein / Enthaltung on the tablet, not a ballot of marks', async () => {
    const created = await server.createMeeting({ ...DEMO_MEETING, agenda: [{ number: 'Ö 6', name: 'Wahl der Schriftführerin' }] });
    const chairSocket = await connectClient(server.url, tokenOf(created.chairUrl));
    sockets.push(chairSocket);
    for (const m of chairSocket.snapshot().members) expect((await chairSocket.call('attendance:set', { memberId: m.id, present: true })).ok).toBe(true);
    const itemId = chairSocket.snapshot().agenda[0]!.id;
    expect((await chairSocket.call('item:select', { itemId })).ok).toBe(true);
    expect((await chairSocket.call('election:setup', { itemId, seats: 1 })).ok).toBe(true);
    expect((await chairSocket.call('election:addCandidate', { itemId, name: 'Frau Schrader' })).ok).toBe(true);
    const tablet = await open('tablet', created.members[1]!.joinUrl);
    const opened = await chairSocket.call<{ pollId: string }>('election:openRound', { itemId });
    if (!opened.ok) throw new Error(opened.error.message);
    await tablet.getByText('Offene Wahl zu TOP Ö 6 – 1. Wahlgang').waitFor();
    await tablet.locator('.election-single', { hasText: 'Frau Schrader' }).waitFor();
    // Nothing to tick: the heading asks for a vote, not for marks.
    await tablet.getByRole('heading', { name: 'Wahl läuft – bitte stimmen Sie ab:' }).waitFor();
    for (const name of ['Ja', 'Nein', 'Enthaltung']) expect(await tablet.getByRole('button', { name, exact: true }).count()).toBe(1);
    expect(await tablet.getByRole('button', { name: 'Stimmzettel abgeben' }).count()).toBe(0);
    expect(await tablet.locator('.election-candidate').count()).toBe(0);
    await tablet.getByRole('button', { name: 'Nein', exact: true }).click();
    await tablet.getByText('Ihr Stimmzettel: Nein – gespeichert').waitFor();
    await screenshot(tablet, 'election-tablet-single-candidate');
    await axe(tablet, 'tablet-election-single-candidate');
    // The others: 6 Ja (the majority of the 10 members), 2 more Nein, 1 Enthaltung.
    const plan = ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'abstain'] as const;
    const cand = chairSocket.snapshot().elections![itemId]!.candidates[0]!.id;
    for (const [i, choice] of plan.entries()) {
      const c = await connectClient(server.url, tokenOf(created.members[[0, 2, 3, 4, 5, 6, 7, 8, 9][i]!]!.joinUrl));
      sockets.push(c);
      expect((await c.call('ballot:cast', { pollId: opened.data.pollId, choice, marks: choice === 'yes' ? [cand] : [], ballotId: `single-${i}-ballot` })).ok).toBe(true);
    }
    expect((await chairSocket.call('poll:close', { pollId: opened.data.pollId })).ok).toBe(true);
    expect((await chairSocket.call('poll:publish', { pollId: opened.data.pollId })).ok).toBe(true);
    await tablet.getByText('Gewählt ist Frau Schrader mit 6 Stimmen.').waitFor();
    const minutes = await (await fetch(`${server.url}/api/meetings/${created.id}/minutes.txt`, { headers: { authorization: `Bearer ${server.adminToken}` } })).text();
    expect(minutes.split('\n\n').find((b) => b.startsWith('TOP Ö 6'))?.trimEnd()).toBe(
      [
        'TOP Ö 6 – Wahl der Schriftführerin',
        'Wahl nach § 67 NKomVG, offen',
        '1. Wahlgang – erforderlich: 6 Stimmen (Mehrheit der 10 Mitglieder)',
        'Frau Schrader: Ja 6, Nein 3',
        'Enthaltung/en: 1',
        'Gewählt ist Frau Schrader mit 6 Stimmen.',
      ].join('\n'),
    );
    expect(findings).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('enters a lot drawn by hand that picks two of three tied for the Stichwahl', async () => {
    const created = await server.createMeeting({ ...DEMO_MEETING, rules: 'GemO-BW', agenda: [{ number: 'Ö 8', name: 'Wahl der Ortsvorsteherin' }] });
    const chairSocket = await connectClient(server.url, tokenOf(created.chairUrl));
    sockets.push(chairSocket);
    for (const m of chairSocket.snapshot().members) expect((await chairSocket.call('attendance:set', { memberId: m.id, present: true })).ok).toBe(true);
    const itemId = chairSocket.snapshot().agenda[0]!.id;
    expect((await chairSocket.call('item:select', { itemId })).ok).toBe(true);
    expect((await chairSocket.call('election:setup', { itemId, seats: 1 })).ok).toBe(true);
    for (const name of ['Frau Schrader', 'Herr Brandes', 'Frau Bertram']) expect((await chairSocket.call('election:addCandidate', { itemId, name })).ok).toBe(true);
    const chair = await open('laptop', created.chairUrl);
    const opened = await chairSocket.call<{ pollId: string }>('election:openRound', { itemId });
    if (!opened.ok) throw new Error(opened.error.message);
    const ids = Object.fromEntries(chairSocket.snapshot().elections![itemId]!.candidates.map((c) => [c.name, c.id]));
    // 3 : 3 : 3 and a blank ballot: nobody has 6, and the two places of the Stichwahl are tied three ways.
    const plan = ['Frau Schrader', 'Frau Schrader', 'Frau Schrader', 'Herr Brandes', 'Herr Brandes', 'Herr Brandes', 'Frau Bertram', 'Frau Bertram', 'Frau Bertram', null];
    for (const [i, name] of plan.entries()) {
      const c = await connectClient(server.url, tokenOf(created.members[i]!.joinUrl));
      sockets.push(c);
      expect((await c.call('ballot:cast', { pollId: opened.data.pollId, choice: name ? 'yes' : 'abstain', marks: name ? [ids[name]] : [], ballotId: `lot2-${i}-ballot` })).ok).toBe(true);
    }
    await chair.getByRole('button', { name: 'Abstimmung beenden' }).click();
    await chair.getByText('Stimmengleichheit zwischen Frau Schrader, Herr Brandes, Frau Bertram: das Los entscheidet, wer in die Stichwahl kommt (2).').waitFor();
    const hand = chair.locator('.election-lot-hand');
    const enter = hand.getByRole('button');
    expect(await enter.innerText()).toBe('Die 2 gezogenen Personen ankreuzen');
    expect(await enter.isDisabled()).toBe(true);
    await hand.getByRole('checkbox', { name: 'Frau Bertram' }).check();
    await hand.getByRole('checkbox', { name: 'Frau Schrader' }).check();
    // Two ticked: the third cannot be ticked as well.
    expect(await hand.getByRole('checkbox', { name: 'Herr Brandes' }).isDisabled()).toBe(true);
    await screenshot(chair, 'election-chair-lot-two-by-hand');
    await axe(chair, 'chair-election-lot-two-by-hand');
    await hand.getByRole('button', { name: 'Los gezogen: Frau Schrader, Frau Bertram' }).click();
    const lots = (await chairSocket.waitFor((x) => x.elections![itemId]!.lots.length === 1)).elections![itemId]!.lots;
    expect(lots).toMatchObject([{ purpose: 'runoff', count: 2, winners: [ids['Frau Schrader'], ids['Frau Bertram']], method: 'hand' }]);
    await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await chair.getByRole('button', { name: 'Stichwahl starten (2 zur Wahl)' }).waitFor();
    const minutes = await (await fetch(`${server.url}/api/meetings/${created.id}/minutes.txt`, { headers: { authorization: `Bearer ${server.adminToken}` } })).text();
    expect(minutes).toContain('Stimmengleichheit um die Teilnahme an der Stichwahl. Losentscheid (im Saal von Hand gezogen): Frau Schrader, Frau Bertram\nDie erforderliche Mehrheit wurde nicht erreicht.');
    expect(findings).toEqual([]);
    expect(errors).toEqual([]);
  });
});
