import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingResults } from '../shared/export/results.ts';
import type { ImportAnswer } from '../server/import/importMeeting.ts';
import { connectClient, startServer, tokenOf, type TestClient, type TestServer } from '../server/test/harness.ts';
import { laptopContext, launchBrowser, screenshot, tabletContext, watchForErrors } from './support/browser.ts';
import { pdfText } from './support/pdfText.ts';

/** Done means: a meeting imported from an OParl bundle runs through to the exports. */

const FIXTURE = resolve(import.meta.dirname, 'fixtures/oparl-agas-2022-03-22.json');

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

async function open(kind: 'tablet' | 'laptop', url: string): Promise<Page> {
  const page = await (kind === 'tablet' ? await tabletContext(browser) : await laptopContext(browser)).newPage();
  watchForErrors(page, errors);
  await page.goto(url);
  return page;
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('OParl bundle → meeting → vote → exports', () => {
  it('imports the bundle, votes on Ö 6 in the browser, and exports CSV, JSON and a PDF', async () => {
    const res = await fetch(`${server.url}/api/import/oparl`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
      body: readFileSync(FIXTURE, 'utf8'),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as ImportAnswer;
    const chairToken = tokenOf(created.chairUrl);
    const voting = created.members.slice(0, 15);

    const chair = await open('laptop', created.chairUrl);
    const tablets = await Promise.all(voting.slice(0, 2).map((m) => open('tablet', m.joinUrl)));
    await tablets[0]!.getByText('Klaus Marotz').waitFor();
    const others = await Promise.all(voting.slice(2).map((m) => connectClient(server.url, tokenOf(m.joinUrl))));
    sockets.push(...others);

    // Nobody is present until checked in: the clerk checks in everyone with one click.
    await chair.getByRole('button', { name: 'Alle anwesend' }).click();
    await chair.getByText(/Beschlussfähig: 15 von 15 anwesend/).waitFor();
    await chair.getByRole('button', { name: /Ö 6/ }).click();
    await tablets[1]!.getByText('Integrationskonzept des Landkreises Peine').waitFor();
    await chair.getByRole('button', { name: 'Abstimmung starten' }).click();
    await chair.getByText('abgegeben: 0 von 15').waitFor();
    for (const tablet of tablets) {
      await tablet.getByRole('button', { name: 'Ja', exact: false }).first().click();
      await tablet.getByText('Ihre Stimme: Ja – gespeichert').waitFor();
    }
    const pollId = others[0]!.snapshot().polls.find((p) => p.status === 'open')?.id ?? (await others[0]!.waitFor((s) => s.polls.some((p) => p.status === 'open'))).polls[0]!.id;
    const choices = ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'no', 'no', 'abstain', 'abstain', 'yes'] as const;
    const acks = await Promise.all(others.map((c, i) => c.call('ballot:cast', { pollId, choice: choices[i]!, ballotId: `e2e-ballot-${i}` })));
    expect(acks.every((a) => a.ok)).toBe(true);
    await chair.getByText('abgegeben: 15 von 15').waitFor();
    await chair.getByText('Alle haben abgestimmt.').waitFor();
    await chair.getByRole('button', { name: 'Abstimmung beenden' }).click();
    await chair.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await chair.getByText('Veröffentlicht auf der Saalanzeige').waitFor();
    // The tablet finds its own receipt in the published list.
    await tablets[0]!.getByText('in der veröffentlichten Liste so gezählt').waitFor();
    expect(await tablets[0]!.locator('.receipt-code').textContent()).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await screenshot(tablets[0]!, 'receipt-tablet-published');

    // A non-public item, a roll-call with a Mitwirkungsverbot and members who did not vote, over
    // the socket: in the full export only.
    const chairSocket = await connectClient(server.url, chairToken);
    sockets.push(chairSocket);
    const n1 = chairSocket.snapshot().agenda.find((i) => i.number === 'N 1')!;
    expect((await chairSocket.call('exclusion:set', { itemId: n1.id, memberId: voting[14]!.id, excluded: true })).ok).toBe(true);
    // Members vote in reverse list order: the record still names them in the order of the list.
    const opened = await chairSocket.call<{ pollId: string }>('poll:open', { itemId: n1.id, mode: 'rollCall' });
    if (!opened.ok) throw new Error(opened.error.message);
    for (let i = 4; i >= 0; i--) {
      expect((await others[i]!.call('ballot:cast', { pollId: opened.data.pollId, choice: 'yes', ballotId: `e2e-n1-${i}` })).ok).toBe(true);
    }
    expect((await chairSocket.call('poll:close', { pollId: opened.data.pollId })).ok).toBe(true);
    // A count by show of hands on the first item.
    const first = chairSocket.snapshot().agenda[0]!;
    expect((await chairSocket.call('poll:handCount', { itemId: first.id, counts: { yes: 12, no: 0, abstain: 3 } })).ok).toBe(true);
    // And an open vote on Ö 7 that must not be exported.
    const o7 = chairSocket.snapshot().agenda.find((i) => i.number === 'Ö 7')!;
    expect((await chairSocket.call('poll:open', { itemId: o7.id })).ok).toBe(true);

    const get = (path: string, token = chairToken) => fetch(`${server.url}/api/meetings/${created.id}/${path}`, { headers: { authorization: `Bearer ${token}` } });
    const json = (await (await get('results.json')).json()) as MeetingResults;
    const o6 = json.items.find((i) => i.number === 'Ö 6')!;
    expect(o6.paper).toBe('2022/032');
    expect(o6.rounds[0]).toMatchObject({ status: 'published', counts: { yes: 11, no: 2, abstain: 2 }, result: 'Mehrheitlich', decisionKindLabel: 'ungeändert beschlossen', eligible: 15 });
    expect(json.items.find((i) => i.number === 'N 1')!.rounds[0]).toMatchObject({ status: 'closed', counts: { yes: 5, no: 0, abstain: 0 } });
    expect(json.items.find((i) => i.number === 'Ö 7')!.rounds).toEqual([]);
    const publicJson = (await (await get('results.json?scope=public')).json()) as MeetingResults;
    expect(JSON.stringify(publicJson)).not.toContain('Migrationsberatung');

    const csv = await (await get('results.csv', server.adminToken)).text();
    expect(csv).toContain('Ö 6;2022/032;Integrationskonzept des Landkreises Peine;1;offen;NKomVG: einfache Mehrheit;11;2;2;Mehrheitlich;ungeändert beschlossen;');
    expect(csv).not.toContain('Ö 7;');
    expect((await get('results.csv', tokenOf(created.displayUrl))).status).toBe(401);
    expect((await get('results.csv', tokenOf(created.members[0]!.joinUrl))).status).toBe(401);
    expect(await (await get('minutes.txt')).text()).toContain('TOP Ö 6 – Integrationskonzept des Landkreises Peine (Vorlage 2022/032)\nBeschlussart: ungeändert beschlossen\nAbstimmungsergebnis: Mehrheitlich\nJa-Stimmen: 11\nNein-Stimmen: 2\nEnthaltung/en: 2');

    // The print view, opened from the chair console (it uses the console's pairing), printed to PDF.
    const [print] = await Promise.all([chair.context().waitForEvent('page'), chair.getByRole('link', { name: 'Ergebnisse drucken' }).click()]);
    watchForErrors(print, errors);
    await print.getByText('TOP Ö 6 – Integrationskonzept des Landkreises Peine').waitFor();
    await screenshot(print, 'results-print-view');
    await print.emulateMedia({ media: 'print' });
    const pdf = await print.pdf({ format: 'A4', printBackground: false });
    const text = squash(pdfText(pdf));
    // The print view says what the minutes say below each result, word for word.
    const minutes = await (await get('minutes.txt')).text();
    const minuteNotes = minutes.split('\n').filter((l) => /^(Abstimmung per Handzeichen|Mitwirkungsverbot|Namentliche Abstimmung|  (Ja|Nein|Enthaltung|Nicht abgestimmt):)/.test(l));
    expect(minuteNotes.length).toBe(7);
    // The fixture's persons 3–7 are members of the SPD-Fraktion: the names are listed by group.
    expect(minuteNotes.find((l) => l.startsWith('  Ja:'))).toBe(`  Ja: ${voting.slice(2, 7).map((m) => m.name).join(', ')} (SPD-Fraktion)`);
    const printNotes = (await print.locator('.results-notes').allTextContents()).flatMap((t) => t.split('\n'));
    expect(printNotes).toEqual(minuteNotes);
    for (const expected of [
      'Landkreis Peine',
      'Ausschuss für Gesundheit, Arbeit und Soziales',
      '2. Sitzung des Ausschusses für Gesundheit, Arbeit und Soziales',
      'TOP Ö 6 – Integrationskonzept des Landkreises Peine',
      'Vorlage 2022/032',
      'Abstimmungsergebnis',
      'Mehrheitlich',
      'TOP N 1 – Vergabe der Trägerschaft der Migrationsberatung',
    ]) {
      expect(text).toContain(squash(expected));
    }
    expect(text).not.toContain(squash('Drucken'));
    expect(errors).toEqual([]);
  });
});
