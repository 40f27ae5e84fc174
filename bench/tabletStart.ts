import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { LOCALE, TABLET, TABLET_NAME, TIMEZONE } from '../e2e/support/browser.ts';
import { launchCdpBrowser, type CdpBrowser, type CdpContext, type CdpPage } from './cdpBrowser.ts';
import { nextMessage, startChild } from './children.ts';
import { call, connectRole, WAIT_MS } from './drive.ts';
import { createBenchMeeting, tokenOf } from './meetingFixture.ts';
import type { FromServer, ToServer } from './protocol.ts';
import { percentile } from './stats.ts';

/**
 * A member's tablet starting while a vote is open: Chromium (Debian's), driven over the bare
 * DevTools protocol (`cdpBrowser.ts`: no test tool's scripts in the measured page), iPad
 * viewport and touch, the CPU slowed 4× (a tablet is slower than this machine's core), loopback.
 *
 * - cold: a fresh browser context — no HTTP cache, no service worker, no IndexedDB — opening
 *   the member's join link (pairing), as on the first start;
 * - warm: the same context after a first visit installed the service worker and stored the
 *   meeting state; the page is closed and `/member/` (the installed app's start URL) reopened;
 * - reopened: a warm start after a while: the service worker stopped (as the browser stops an
 *   idle one after 30 s) and the site's renderer process gone, so both start afresh. Back to
 *   back, a warm start finds them running.
 *
 * "Usable" is the frame in which the Ja button is in the page, visible and enabled. Times are
 * milliseconds from navigation start, read from the page's own clock.
 */

const CPU_THROTTLE = 4;

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
  /** The socket is connected (the header's badge says "Verbunden"). */
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
  reopened: StartSummary;
  /** The warm goal applies to warm and reopened starts alike. */
  goals: { coldMs: number; warmMs: number; coldMet: boolean; warmMet: boolean };
  /** Another build measured in turn with this one (`--tablet-compare`). */
  compared: { build: string; cold: StartSummary; warm: StartSummary; reopened: StartSummary } | null;
}

/** Runs in the page before any of its scripts: notes the moments the start is made of. */
const PROBE = `(() => {
  const t = (window.__hzStart = {});
  let report;
  window.__hzReported = new Promise((resolve) => (report = resolve));
  const live = () => t.onlineAt;
  const done = () => t.usableFrameAt !== undefined && live() !== undefined && !t.reported && (t.reported = true, t.live = live(), report());
  // Cheap on every DOM change (no layout); visibility is judged in the frame, where layout happens anyway.
  let pending = false;
  const check = () => {
    if (t.stateAt === undefined && document.querySelector('.member')) {
      t.stateAt = performance.now();
      // The member view before the socket is connected can only be the cached state.
      if (document.querySelector('.conn')?.getAttribute('data-status') !== 'online') t.cachedStateAt = t.stateAt;
    }
    // The header's badge turns "online" with the connect; the live snapshot is the next message.
    if (t.onlineAt === undefined && document.querySelector('.conn[data-status="online"]')) (t.onlineAt = performance.now()), done();
    if (t.reported) return observer.disconnect();
    if (t.usableFrameAt !== undefined || pending || !document.querySelector('button.vote-btn.choice-yes:not([disabled])')) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const b = document.querySelector('button.vote-btn.choice-yes:not([disabled])');
      if (b && b.getBoundingClientRect().height > 0 && getComputedStyle(b).visibility !== 'hidden') {
        t.usableFrameAt = performance.now();
        done();
      } else check();
    });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'hidden', 'class', 'data-status'] });
})();`;

/** Evaluated in the page once the probe has reported: the run, from the probe and the page's own timings. */
const COLLECT = `(() => {
  const t = window.__hzStart;
  const nav = performance.getEntriesByType('navigation')[0];
  const scripts = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js') && r.startTime < t.usableFrameAt);
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    usableMs: t.usableFrameAt,
    documentMs: nav.responseEnd,
    scriptsLoadedMs: Math.max(nav.responseEnd, ...scripts.map((s) => s.responseEnd)),
    firstContentfulPaintMs: fcp ? fcp.startTime : null,
    cachedStateMs: t.cachedStateAt ?? null,
    stateShownMs: t.stateAt,
    firstStateFrom: t.cachedStateAt !== undefined && t.cachedStateAt < t.live ? 'cache' : 'live',
    socketOpenMs: t.onlineAt ?? null,
    liveSnapshotMs: t.live,
    scripts: scripts.length,
    jsBytes: scripts.reduce((s, r) => s + r.encodedBodySize, 0),
    jsTransferBytes: scripts.reduce((s, r) => s + r.transferSize, 0),
    serviceWorkerControlled: navigator.serviceWorker?.controller != null,
  };
})()`;

const START_TIMEOUT_MS = 60_000;

/** A tab of the tablet: iPad viewport, touch, user agent, German locale and Berlin time. */
export async function openTablet(ctx: CdpContext): Promise<CdpPage> {
  const page = await ctx.newPage();
  // Sent together: the session answers them in order, one round trip instead of six.
  await Promise.all([
    page.send('Emulation.setDeviceMetricsOverride', { width: TABLET.viewport.width, height: TABLET.viewport.height, deviceScaleFactor: TABLET.deviceScaleFactor, mobile: TABLET.isMobile }),
    page.send('Emulation.setUserAgentOverride', { userAgent: TABLET.userAgent, acceptLanguage: LOCALE }),
    page.send('Emulation.setTouchEmulationEnabled', { enabled: TABLET.hasTouch, maxTouchPoints: 5 }),
    page.send('Emulation.setLocaleOverride', { locale: LOCALE }),
    page.send('Emulation.setTimezoneOverride', { timezoneId: TIMEZONE }),
    page.send('Page.enable'),
  ]);
  return page;
}

/** Navigates and resolves once the main frame has committed a document other than about:blank. */
async function navigate(page: CdpPage, url: string): Promise<void> {
  const committed = page.waitFor('Page.frameNavigated', ({ frame }: { frame: { parentId?: string; url: string } }) => !frame.parentId && frame.url !== 'about:blank');
  const { errorText } = (await page.send('Page.navigate', { url })) as { errorText?: string };
  if (errorText) throw new Error(`navigation to ${url} failed: ${errorText}`);
  await committed;
}

/** Rejects after `ms` with what the page shows, so a stuck start names itself. */
function deadline(page: CdpPage, ms: number, what: string): { expired: Promise<never>; cancel(): void } {
  let timer!: NodeJS.Timeout;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void page
        .evaluate<string>('JSON.stringify({ path: location.pathname, probe: window.__hzStart, text: document.body?.innerText.slice(0, 200) })')
        .catch(String)
        .then((seen) => reject(new Error(`${what} within ${ms / 1000} s: ${seen}`)));
    }, ms);
  });
  return { expired, cancel: () => clearTimeout(timer) };
}

export async function measure(page: CdpPage, url: string, profileTo?: string): Promise<StartRun> {
  await page.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
  if (profileTo) {
    await page.send('Profiler.enable');
    await page.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.send('Profiler.start');
  }
  await page.send('Page.addScriptToEvaluateOnNewDocument', { source: PROBE });
  const limit = deadline(page, START_TIMEOUT_MS, `tablet start: not usable and live at ${new URL(url).pathname}`);
  try {
    await Promise.race([navigate(page, url), limit.expired]);
    await Promise.race([page.evaluate('window.__hzReported'), limit.expired]);
  } finally {
    limit.cancel();
  }
  const run = await page.evaluate<StartRun>(COLLECT);
  if (profileTo) {
    const { profile } = await page.send('Profiler.stop');
    mkdirSync(dirname(profileTo), { recursive: true });
    writeFileSync(profileTo, JSON.stringify(profile));
  }
  return run;
}

export function summarizeRuns(runs: StartRun[]): StartSummary {
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

export interface TabletServer {
  /** The member's join link (pairs the device). */
  joinLink: string;
  /** The installed app's start URL. */
  startUrl: string;
  stop(): Promise<void>;
}

/**
 * A Handzeichen server (in its own process) with a committee of 20 members, all checked in by
 * the clerk, and a vote open on the first item. `staticDir`: another client build to serve.
 */
export async function startTabletServer(staticDir?: string): Promise<TabletServer> {
  const server = startChild('serverProcess.ts', staticDir ? ['handzeichen', staticDir] : ['handzeichen']);
  const stopServer = () => new Promise((r) => (server.exitCode !== null ? r(null) : (server.once('exit', r), server.send({ type: 'stop' } satisfies ToServer))));
  try {
    const { port } = await nextMessage<FromServer, 'ready'>(server, 'ready', WAIT_MS);
    const url = `http://127.0.0.1:${port}`;
    const meeting = await createBenchMeeting(url, 20, 2);
    const chair = await connectRole(url, tokenOf(meeting.chairUrl));
    for (const m of meeting.members) await call(chair, 'attendance:set', { memberId: m.id, present: true });
    await call(chair, 'poll:open', { itemId: 'i1' });
    // `localhost`, as the server's printed links: a secure context, so the service worker runs.
    const origin = `http://localhost:${port}`;
    return {
      joinLink: meeting.members[0]!.joinUrl.replace(url, origin),
      startUrl: `${origin}/member/`,
      async stop() {
        chair.disconnect();
        await stopServer();
      },
    };
  } catch (error) {
    await stopServer();
    throw error;
  }
}

/** A first visit that installs the service worker and leaves the meeting state on the device. */
export async function installApp(ctx: CdpContext, joinLink: string): Promise<void> {
  const first = await openTablet(ctx);
  const limit = deadline(first, START_TIMEOUT_MS, 'install: no vote buttons and active service worker');
  try {
    await Promise.race([navigate(first, joinLink), limit.expired]);
    await Promise.race([
      first.evaluate(`(async () => {
        const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
        while (!document.querySelector('button.choice-yes')) await sleep(50);
        const reg = await navigator.serviceWorker.ready;
        while (reg.active?.state !== 'activated') await sleep(50);
        await sleep(500);
      })()`),
      limit.expired,
    ]);
  } finally {
    limit.cancel();
  }
  await first.close();
}

/** The kinds of start, measured in this order, each build in turn run by run. */
const MODES = ['cold', 'warm', 'reopened'] as const;
type Mode = (typeof MODES)[number];

/** One client build under test, its server, and its starts so far by mode. */
interface Build {
  name: string;
  server: TabletServer;
  /** The context the app is installed in (warm and reopened starts). */
  warmCtx?: CdpContext;
  runs: Record<Mode, StartRun[]>;
}

/**
 * Long enough for Chromium to end the renderer process no page uses any more: counted over CDP
 * (`SystemInfo.getProcessInfo`), one renderer was left after it, three when a start followed at once.
 */
const REST_MS = 1500;

/** Stops every service worker of the context and leaves the renderers time to exit. */
export async function letTheAppRest(ctx: CdpContext): Promise<void> {
  const page = await ctx.newPage();
  await page.send('ServiceWorker.enable');
  await page.send('ServiceWorker.stopAllWorkers');
  await page.close();
  await new Promise((r) => setTimeout(r, REST_MS));
}

/** One start of the build in `mode`; its page (a cold start's whole context) is closed afterwards. */
async function startOnce(browser: CdpBrowser, build: Build, mode: Mode, profileTo?: string): Promise<StartRun> {
  if (mode === 'cold') {
    const ctx = await browser.newContext();
    try {
      return await measure(await openTablet(ctx), build.server.joinLink, profileTo);
    } finally {
      await ctx.close();
    }
  }
  if (mode === 'reopened') await letTheAppRest(build.warmCtx!);
  const page = await openTablet(build.warmCtx!);
  try {
    return await measure(page, build.server.startUrl, profileTo);
  } finally {
    await page.close();
  }
}

/**
 * With `profile`, the first cold, warm and reopened start leave a CPU profile (`.cpuprofile`,
 * for Chromium's DevTools). With `compareWith` (the `dist/client` of another build, e.g. of
 * main), that build's starts run in turn with this one's, so both see the same machine load.
 */
export async function runTabletStart(opts: { runs: number; profile?: boolean; compareWith?: string }): Promise<TabletStartResult> {
  const profileTo = (mode: Mode, i: number) => (opts.profile && i === 0 ? `bench/results/profiles/tablet-${mode}.cpuprofile` : undefined);
  const builds: Build[] = [];
  let browser: CdpBrowser | undefined;
  try {
    const newBuild = async (name: string, staticDir?: string): Promise<Build> => ({ name, server: await startTabletServer(staticDir), runs: { cold: [], warm: [], reopened: [] } });
    builds.push(await newBuild('this build'));
    if (opts.compareWith) builds.push(await newBuild(opts.compareWith, opts.compareWith));
    browser = await launchCdpBrowser();
    for (const mode of MODES) {
      // Warm and reopened starts need the app installed, once per build.
      if (mode === 'warm') for (const build of builds) await installApp((build.warmCtx = await browser.newContext()), build.server.joinLink);
      for (let i = 0; i < opts.runs; i++) {
        for (const [b, build] of builds.entries()) build.runs[mode].push(await startOnce(browser, build, mode, b === 0 ? profileTo(mode, i) : undefined));
      }
    }
    const [self, other] = builds.map(({ runs }) => ({ cold: summarizeRuns(runs.cold), warm: summarizeRuns(runs.warm), reopened: summarizeRuns(runs.reopened) }));
    return {
      cpuThrottle: CPU_THROTTLE,
      device: TABLET_NAME,
      ...self!,
      goals: { coldMs: 1500, warmMs: 300, coldMet: self!.cold.usable.p50 < 1500, warmMet: self!.warm.usable.p50 < 300 && self!.reopened.usable.p50 < 300 },
      compared: other ? { build: opts.compareWith!, ...other } : null,
    };
  } finally {
    for (const b of builds) await b.warmCtx?.close();
    await browser?.close();
    for (const b of builds) await b.server.stop();
  }
}

const ms = (x: number | null) => (x === null ? '–' : `${Math.round(x)}`);

export function tabletTable(r: TabletStartResult): string {
  const head = ['start', 'usable p50 / p90', 'goal', 'document', 'scripts loaded', 'first paint', 'cached state', 'member view shown', 'socket open', 'live snapshot', 'JS files / bytes (over network)', 'service worker'];
  const sides = [{ name: '', cold: r.cold, warm: r.warm, reopened: r.reopened }, ...(r.compared ? [{ name: ` (${r.compared.build})`, ...r.compared }] : [])];
  const rows = sides.flatMap((side) => MODES.map((mode) => ({ mode, label: `${mode}${side.name}`, s: side[mode] }))).map(({ mode, label, s }) => {
    const m = s.median;
    const goal = mode === 'cold' ? r.goals.coldMs : r.goals.warmMs;
    return [
      label,
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
