import { writeFileSync } from 'node:fs';
import { launchCdpBrowser, type CdpBrowser } from './cdpBrowser.ts';
import { installApp, letTheAppRest, measure, openTablet, startTabletServer } from './tabletStart.ts';

/**
 * Where a warm tablet start's time goes, from a Chromium trace: the page's main thread from
 * navigation start to the frame with the usable Ja button, by kind of work. Tracing slows the
 * start itself (≈ 10–30 %), so read the shares, not the absolute sum.
 *
 *   npx tsx bench/tabletTrace.ts [--runs 3] [--reopened] [--static <dist/client of another build>] [--out trace.json]
 *
 * `--reopened`: each start after the app rested (service worker stopped, renderer gone), as the
 * bench's reopened starts.
 */

const CATEGORIES = ['devtools.timeline', 'v8.execute', 'blink', 'loading', 'toplevel', 'ServiceWorker', 'blink.user_timing', 'fonts'];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: { data?: { documentLoaderURL?: string } };
}

/** The kind of work an event (and the self time of everything nested in it) counts as; first match wins, innermost event first. */
const KINDS: [string, RegExp][] = [
  ['fonts (matching, sync IPC to the browser)', /^FontCache::GetFontPlatformData$/],
  ['navigation (commit, context, old page)', /^(RenderFrameImpl::CommitNavigation|FrameLoader::CommitNavigation|DocumentLoader::CommitNavigation|Frame::Detach|LocalWindowProxy::Initialize)$/],
  ['script (modules, render, callbacks)', /^(v8\.evaluateModule|v8\.compileModule|EvaluateScript|FunctionCall|v8\.callFunction|RunMicrotasks|FireAnimationFrame|TimerFire|EventDispatch)$/],
  ['style', /^(UpdateLayoutTree|ParseAuthorStyleSheet)$/],
  ['layout', /^Layout$/],
  ['paint and compositing', /^(PrePaint|Paint|Layerize|Commit|ProxyMain::BeginMainFrame)$/],
  ['HTML parser', /^ParseHTML$/],
  ['loading and IPC (responses, mojo)', /^(Receive mojo message|Receive mojo reply|Closed mojo endpoint|SimpleWatcher::OnHandleReady|ResponseBodyLoader::OnStateChange|ResourceFetcher::requestResource|HTMLDocumentParser::ScanAndPreload)$/],
];

export function breakdown(events: TraceEvent[], usableMs: number): { kind: string; ms: number }[] {
  const nav = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes('/member')).at(-1);
  if (!nav) throw new Error('no navigationStart of /member/ in the trace');
  const from = nav.ts;
  const to = nav.ts + usableMs * 1000;
  const main = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X' && e.dur && e.ts < to && e.ts + e.dur! > from).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const totals = new Map<string, number>();
  const stack: { e: TraceEvent; kind: string | null; childDur: number }[] = [];
  const clip = (e: TraceEvent) => Math.min(e.ts + e.dur!, to) - Math.max(e.ts, from);
  const close = (until: number) => {
    while (stack.length && until >= stack.at(-1)!.e.ts + stack.at(-1)!.e.dur!) {
      const top = stack.pop()!;
      const self = Math.max(0, clip(top.e) - top.childDur);
      const kind = top.kind ?? 'other work of the main thread';
      totals.set(kind, (totals.get(kind) ?? 0) + self);
    }
  };
  let busy = 0;
  for (const e of main) {
    close(e.ts);
    if (stack.length === 0) busy += clip(e);
    else stack.at(-1)!.childDur += clip(e);
    const own = KINDS.find(([, re]) => re.test(e.name))?.[0] ?? null;
    stack.push({ e, kind: own ?? stack.at(-1)?.kind ?? null, childDur: 0 });
  }
  close(Infinity);
  totals.set('idle (waiting: service worker, IPC)', usableMs * 1000 - busy);
  return [...totals].map(([kind, us]) => ({ kind, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
}

/** Starts a browser-wide trace; the returned function ends it and yields its events. */
async function startTracing(browser: CdpBrowser): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const offData = browser.browser.on('Tracing.dataCollected', ({ value }: { value: TraceEvent[] }) => events.push(...value));
  await browser.browser.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  return async () => {
    const complete = browser.browser.waitFor('Tracing.tracingComplete');
    await browser.browser.send('Tracing.end');
    await complete;
    offData();
    return events;
  };
}

if (process.argv[1] === import.meta.filename) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const runs = Number(arg('runs') ?? 3);
  const out = arg('out');
  const reopened = process.argv.includes('--reopened');
  const mode = reopened ? 'reopened' : 'warm';
  const server = await startTabletServer(arg('static'));
  const browser = await launchCdpBrowser();
  try {
    const ctx = await browser.newContext();
    await installApp(ctx, server.joinLink);
    // One untraced warm start first, as the bench's later runs are.
    const untraced = await openTablet(ctx);
    await measure(untraced, server.startUrl);
    await untraced.close();
    const all: { kind: string; ms: number }[][] = [];
    const usable: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (reopened) await letTheAppRest(ctx);
      const page = await openTablet(ctx);
      const stop = await startTracing(browser);
      const run = await measure(page, server.startUrl);
      const traceEvents = await stop();
      if (out && i === 0) writeFileSync(out, JSON.stringify({ traceEvents }));
      const parts = breakdown(traceEvents, run.usableMs);
      all.push(parts);
      usable.push(run.usableMs);
      console.log(`traced ${mode} start ${i + 1}: usable ${Math.round(run.usableMs)} ms — ${parts.map((p) => `${p.kind} ${Math.round(p.ms)}`).join(', ')}`);
      await page.close();
    }
    const kinds = [...new Set(all.flat().map((p) => p.kind))];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`\nMedian over ${runs} traced ${mode} starts: usable ${Math.round(median(usable))} ms; from navigation start to the usable frame, the main thread's`);
    for (const k of kinds) console.log(`  ${k.padEnd(42)} ${Math.round(median(all.map((a) => a.find((p) => p.kind === k)?.ms ?? 0)))}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}
