import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEETING } from '../server/demo/demoMeeting.ts';
import type { CreatedMeeting } from '../server/meetings/createMeeting.ts';
import { startTestCluster, type TestCluster } from '../server/test/engines/cluster.ts';
import { connectClient, tokenOf, type TestClient } from '../server/test/harness.ts';
import { launchBrowser, screenshot, tabletContext, watchForErrors } from './support/browser.ts';

/**
 * Tablets in Chromium through HAProxy, spread over two nodes of a cluster. One node is killed
 * (kill -9) during a vote: its tablets say "Verbindung wird wiederhergestellt …", reconnect
 * through the load balancer to the other node by themselves, and show what happened meanwhile
 * — without a reload. The tablets on the other node never lose their connection.
 */

const ADMIN = 'cluster-e2e-admin-token-0123456789';
const TABLETS = 4;
/** More tablets, only if the first TABLETS all landed on one node (see below). */
const MAX_TABLETS = 7;

let cluster: TestCluster;
let lb: TestCluster['lb'];
let nodes: TestCluster['nodes'];
let browser: Browser;
let chair: TestClient | undefined;

beforeAll(async () => {
  cluster = await startTestCluster(ADMIN);
  ({ lb, nodes } = cluster);
  browser = await launchBrowser();
});

afterAll(async () => {
  chair?.disconnect();
  await browser?.close();
  await cluster?.stop();
});

/** Whether the page ever said it was reconnecting, and whether it is still the same document. */
const watchReconnect = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { sawReconnecting: boolean; sameDocument: boolean };
    w.sameDocument = true;
    w.sawReconnecting = false;
    new MutationObserver(() => {
      if (document.body.innerText.includes('Verbindung wird wiederhergestellt')) w.sawReconnecting = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
const watched = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { sawReconnecting?: boolean; sameDocument?: boolean };
    return { sawReconnecting: w.sawReconnecting === true, sameDocument: w.sameDocument === true };
  });

/**
 * The tablets' WebSockets per node: HAProxy's sessions, once only the WebSockets are left (a
 * page may still have a request of its own open for a moment after it went network-idle).
 */
async function webSockets(tablets: number): Promise<Record<string, number>> {
  for (let tries = 0; ; tries++) {
    const sessions = await lb.sessions();
    const total = Object.values(sessions).reduce((a, b) => a + b, 0);
    if (total === tablets || tries >= 50) return sessions;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('tablets through the load balancer while a node dies', () => {
  it('show "reconnecting", then the vote as it went on, without a reload', async () => {
    const res = await fetch(`${lb.url}/api/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify(DEMO_MEETING),
    });
    const created = (await res.json()) as CreatedMeeting;
    // The chair's console stays on node A, which lives; the tablets come through HAProxy.
    chair = await connectClient(nodes[0]!.url, tokenOf(created.chairUrl));
    for (const m of chair.snapshot().members) expect((await chair.call('attendance:set', { memberId: m.id, present: true })).ok).toBe(true);
    const itemId = chair.snapshot().agenda.find((i) => i.number === 'Ö 12')!.id;

    const tablets: Page[] = [];
    const errors: string[] = [];
    // Tablets opened one after another land on the nodes in turn, unless a page's own requests
    // (its service worker precaching the app) were still open on a node when its WebSocket was
    // placed. The test needs tablets on both nodes: up to MAX_TABLETS are opened until it has them.
    const onBothNodes = async () => Object.values(await webSockets(tablets.length)).every((n) => n > 0);
    for (const member of created.members.slice(0, MAX_TABLETS)) {
      if (tablets.length >= TABLETS && (await onBothNodes())) break;
      const page = await (await tabletContext(browser)).newPage();
      watchForErrors(page, errors);
      await page.goto(member.joinUrl.replace(/^https?:\/\/[^/]+/, lb.url));
      await page.getByText('Verbunden').first().waitFor();
      await page.waitForLoadState('networkidle');
      tablets.push(page);
    }
    const perNode = await webSockets(tablets.length);
    expect(perNode.node1, 'tablets on node A').toBeGreaterThan(0);
    expect(perNode.node2, 'tablets on node B').toBeGreaterThan(0);
    const opened = await chair.call<{ pollId: string }>('poll:open', { itemId });
    if (!opened.ok) throw new Error(opened.error.message);
    for (const page of tablets) await page.getByRole('button', { name: 'Ja', exact: true }).waitFor();
    await tablets[0]!.getByRole('button', { name: 'Ja', exact: true }).click();
    await tablets[0]!.getByText('Ihre Stimme: Ja – gespeichert').waitFor();
    for (const page of tablets) await watchReconnect(page);

    await nodes[1]!.killHard();
    // While node B is down the vote goes on: the other members vote, the chair ends and publishes it.
    for (const m of created.members.slice(tablets.length, 10)) {
      const member = await connectClient(nodes[0]!.url, tokenOf(m.joinUrl));
      expect((await member.call('ballot:cast', { pollId: opened.data.pollId, choice: 'yes', ballotId: `ballot-${m.id}-0000` })).ok).toBe(true);
      member.disconnect();
    }
    for (const page of tablets.slice(1)) {
      await page.getByRole('button', { name: 'Ja', exact: true }).click();
      await page.getByText('Ihre Stimme: Ja – gespeichert').waitFor();
    }
    expect((await chair.call('poll:close', { pollId: opened.data.pollId })).ok).toBe(true);
    expect((await chair.call('poll:publish', { pollId: opened.data.pollId })).ok).toBe(true);
    for (const page of tablets) await page.getByText('Die Abstimmung ist beendet. Ihre Stimme: Ja').waitFor();
    await screenshot(tablets[0]!, 'cluster-01-tablet-after-failover');

    const seen = await Promise.all(tablets.map(watched));
    // Still the same documents: nothing was reloaded.
    expect(seen.every((s) => s.sameDocument)).toBe(true);
    // Exactly the tablets on node B lost their connection and said so; the others never noticed.
    expect(seen.filter((s) => s.sawReconnecting).length).toBe(perNode.node2);
    expect(errors).toEqual([]);
  });
});
