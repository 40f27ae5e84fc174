import { devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { nextMessage, startChild } from './children.ts';
import { call, connectRole, WAIT_MS } from './drive.ts';
import { createBenchMeeting, tokenOf } from './meetingFixture.ts';
import type { FromServer, ToServer } from './protocol.ts';
import { percentile } from './stats.ts';

/**
 * A member's tablet starting while a vote is open: Chromium (Debian's), iPad viewport and touch,
 * the CPU slowed 4× over CDP (a tablet is slower than this machine's core), loopback network.
 *
 * - cold: a fresh browser context — no HTTP cache, no service worker, no IndexedDB — opening
 *   the member's join link (pairing), as on the first start;
 * - warm: the same context after a first visit installed the service worker and stored the
 *   meeting state; the page is closed and `/member/` (the installed app's start URL) reopened.
 *
 * "Usable" is the frame in which the Ja button is in the page, visible and enabled. Times are
 * milliseconds from navigation start, read from the page's own clock.
 */

const CPU_THROTTLE = 4;
const TABLET = devices['iPad (gen 7)'];

export interface StartRun {
  /** Navigation start → frame with a usable Ja button. */
  usableMs: number;
  /** The HTML document has arrived. */
  documentMs: number;
  /** The last script of the start has arrived (the end of any waterfall of imports). */
  scriptsLoadedMs: number;
  /** First paint of anything (Chromium's first-contentful-paint). */
  firstContentfulPaintMs: number | null;
  /** The cached meeting state (IndexedDB) was applied; null when there was none. */
  cachedStateMs: number | null;
  /** The member view (name, item, buttons) is first in the page, from the cache or live. */
  stateShownMs: number;
  /** Where the first shown state came from. */
  firstStateFrom: 'cache' | 'live';
  /** The socket is connected. */
  socketOpenMs: number | null;
  /** The first live snapshot from the server was applied. */
  liveSnapshotMs: number;
  scripts: number;
  /** Script bytes as stored (encoded body; no compression on the server). */
  jsBytes: number;
  /** Script bytes that came over the network (0 for what the service worker or cache served). */
  jsTransferBytes: number;
  serviceWorkerControlled: boolean;
}

export interface StartSummary {
  runs: StartRun[];
  usable: { p50: number; p90: number };
  /** Medians of each breakdown field over the runs. */
  median: Omit<StartRun, 'firstStateFrom' | 'serviceWorkerControlled'>;
}

export interface TabletStartResult {
  cpuThrottle: number;
  device: string;
  cold: StartSummary;
  warm: StartSummary;
  goals: { coldMs: number; warmMs: number; coldMet: boolean; warmMet: boolean };
}

/** Runs in the page before any of its scripts: notes the moments the start is made of. */
const PROBE = `(() => {
  const t = (window.__hzStart = {});
  const done = () => t.usableFrameAt !== undefined && t.liveSnapshotAt !== undefined && !t.reported && (t.reported = true, window.hzReport());
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'handzeichen:cached-state') t.cachedStateAt ??= e.startTime;
      if (e.name === 'handzeichen:socket-open') t.socketOpenAt ??= e.startTime;
      if (e.name === 'handzeichen:live-snapshot') t.liveSnapshotAt ??= e.startTime;
    }
    done();
  }).observe({ type: 'mark', buffered: true });
  const check = () => {
    const now = performance.now();
    if (t.stateAt === undefined && document.querySelector('.member')) t.stateAt = now;
    if (t.usableAt === undefined) {
      const b = document.querySelector('button.vote-btn.choice-yes');
      if (b && !b.disabled && b.getBoundingClientRect().height > 0 && getComputedStyle(b).visibility !== 'hidden') {
        t.usableAt = now;
        requestAnimationFrame(() => { t.usableFrameAt = performance.now(); done(); });
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

async function measure(page: Page, url: string): Promise<StartRun> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  const reported = new Promise<void>((resolve) => void page.exposeFunction('hzReport', () => resolve()));
  await page.addInitScript(PROBE);
  await page.goto(url, { waitUntil: 'commit' });
  await Promise.race([reported, new Promise((_, reject) => setTimeout(() => reject(new Error(`tablet start: no usable buttons within 60 s at ${url}`)), 60_000))]);
  const run = await page.evaluate(() => {
    type Probe = { stateAt: number; usableFrameAt: number; cachedStateAt?: number; socketOpenAt?: number; liveSnapshotAt: number };
    const t = (window as unknown as { __hzStart: Probe }).__hzStart;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.endsWith('.js') && r.startTime < t.usableFrameAt);
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      usableMs: t.usableFrameAt,
      documentMs: nav.responseEnd,
      scriptsLoadedMs: Math.max(nav.responseEnd, ...scripts.map((s) => s.responseEnd)),
      firstContentfulPaintMs: fcp ? fcp.startTime : null,
      cachedStateMs: t.cachedStateAt ?? null,
      stateShownMs: t.stateAt,
      firstStateFrom: (t.cachedStateAt !== undefined && t.cachedStateAt < t.liveSnapshotAt ? 'cache' : 'live') as 'cache' | 'live',
      socketOpenMs: t.socketOpenAt ?? null,
      liveSnapshotMs: t.liveSnapshotAt,
      scripts: scripts.length,
      jsBytes: scripts.reduce((s, r) => s + r.encodedBodySize, 0),
      jsTransferBytes: scripts.reduce((s, r) => s + r.transferSize, 0),
      serviceWorkerControlled: navigator.serviceWorker?.controller != null,
    };
  });
  await cdp.detach();
  return run;
}

function summarizeRuns(runs: StartRun[]): StartSummary {
  const sorted = (f: (r: StartRun) => number) => runs.map(f).sort((a, b) => a - b);
  const med = (f: (r: StartRun) => number | null) => {
    const xs = runs.map(f).filter((x): x is number => x !== null);
    return xs.length ? percentile([...xs].sort((a, b) => a - b), 50) : null;
  };
  const usable = sorted((r) => r.usableMs);
  return {
    runs,
    usable: { p50: percentile(usable, 50), p90: percentile(usable, 90) },
    median: {
      usableMs: med((r) => r.usableMs)!,
      documentMs: med((r) => r.documentMs)!,
      scriptsLoadedMs: med((r) => r.scriptsLoadedMs)!,
      firstContentfulPaintMs: med((r) => r.firstContentfulPaintMs),
      cachedStateMs: med((r) => r.cachedStateMs),
      stateShownMs: med((r) => r.stateShownMs)!,
      socketOpenMs: med((r) => r.socketOpenMs),
      liveSnapshotMs: med((r) => r.liveSnapshotMs)!,
      scripts: med((r) => r.scripts)!,
      jsBytes: med((r) => r.jsBytes)!,
      jsTransferBytes: med((r) => r.jsTransferBytes)!,
    },
  };
}

const tabletContext = (browser: Browser): Promise<BrowserContext> => browser.newContext({ ...TABLET, locale: 'de-DE', timezoneId: 'Europe/Berlin' });

export async function runTabletStart(opts: { runs: number }): Promise<TabletStartResult> {
  const server = startChild('serverProcess.ts', ['handzeichen']);
  let browser: Browser | undefined;
  const chairSockets: { disconnect(): void }[] = [];
  try {
    const { port } = await nextMessage<FromServer, 'ready'>(server, 'ready', WAIT_MS);
    const url = `http://127.0.0.1:${port}`;
    // A committee: 20 members, all checked in by the clerk, a vote open on the first item.
    const meeting = await createBenchMeeting(url, 20, 2);
    const chair = await connectRole(url, tokenOf(meeting.chairUrl));
    chairSockets.push(chair);
    for (const m of meeting.members) await call(chair, 'attendance:set', { memberId: m.id, present: true });
    await call(chair, 'poll:open', { itemId: 'i1' });
    // Loopback, as the server's printed links: `localhost` is a secure context, so the service worker runs.
    const joinLink = meeting.members[0]!.joinUrl.replace(url, `http://localhost:${port}`);
    browser = await launchBrowser();

    const cold: StartRun[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const ctx = await tabletContext(browser);
      cold.push(await measure(await ctx.newPage(), joinLink));
      await ctx.close();
    }

    const warm: StartRun[] = [];
    const ctx = await tabletContext(browser);
    const first = await ctx.newPage();
    await first.goto(joinLink);
    await first.locator('button.choice-yes').waitFor();
    // The service worker has precached the app and the state is in IndexedDB before the page closes.
    await first.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      while (reg.active?.state !== 'activated') await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 500));
    });
    await first.close();
    for (let i = 0; i < opts.runs; i++) {
      const page = await ctx.newPage();
      warm.push(await measure(page, `http://localhost:${port}/member/`));
      await page.close();
    }
    await ctx.close();
    const result = { cold: summarizeRuns(cold), warm: summarizeRuns(warm) };
    return {
      cpuThrottle: CPU_THROTTLE,
      device: 'iPad (gen 7)',
      ...result,
      goals: { coldMs: 1500, warmMs: 300, coldMet: result.cold.usable.p50 < 1500, warmMet: result.warm.usable.p50 < 300 },
    };
  } finally {
    for (const s of chairSockets) s.disconnect();
    await browser?.close();
    await new Promise((r) => (server.exitCode !== null ? r(null) : (server.once('exit', r), server.send({ type: 'stop' } satisfies ToServer))));
  }
}

const ms = (x: number | null) => (x === null ? '–' : `${Math.round(x)}`);

export function tabletTable(r: TabletStartResult): string {
  const head = ['start', 'usable p50 / p90', 'goal', 'document', 'scripts loaded', 'first paint', 'cached state', 'member view shown', 'socket open', 'live snapshot', 'JS files / bytes (over network)', 'service worker'];
  const rows = (['cold', 'warm'] as const).map((mode) => {
    const s = r[mode];
    const m = s.median;
    const goal = mode === 'cold' ? r.goals.coldMs : r.goals.warmMs;
    return [
      mode,
      `${ms(s.usable.p50)} / ${ms(s.usable.p90)} ms`,
      `< ${goal} ms: median ${s.usable.p50 < goal ? 'met' : 'missed'}, p90 ${s.usable.p90 < goal ? 'met' : 'missed'}`,
      ms(m.documentMs),
      ms(m.scriptsLoadedMs),
      ms(m.firstContentfulPaintMs),
      ms(m.cachedStateMs),
      `${ms(m.stateShownMs)} (${s.runs.filter((x) => x.firstStateFrom === 'cache').length}/${s.runs.length} from cache)`,
      ms(m.socketOpenMs),
      ms(m.liveSnapshotMs),
      `${m.scripts} / ${(m.jsBytes / 1024).toFixed(1)} KB (${(m.jsTransferBytes / 1024).toFixed(1)} KB)`,
      `${s.runs.filter((x) => x.serviceWorkerControlled).length}/${s.runs.length}`,
    ];
  });
  return [
    `Medians in ms from navigation start, ${r.cold.runs.length} runs each; ${r.device}, CPU ${r.cpuThrottle}× throttled, loopback.`,
    '',
    ...[head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}
