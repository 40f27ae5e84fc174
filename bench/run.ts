import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Socket } from 'socket.io-client';
import { bundleSizes, type ViewBundle } from './bundleSize.ts';
import { clusterTable, runCluster, type ClusterResult } from './cluster.ts';
import { killChildren, nextMessage, startChild } from './children.ts';
import { all, allWithin, call, connectRole, serverStats, sleep, split, WAIT_MS, watchDisplay } from './drive.ts';
import { createBenchMeeting, tokenOf } from './meetingFixture.ts';
import type { FromServer, FromWorker, ServerKind, ToServer, ToWorker } from './protocol.ts';
import { runVotingSession, sessionTable, type SessionResult } from './session.ts';
import { median, summarize, wallNow, type Summary } from './stats.ts';
import { runTabletStart, tabletTable, type TabletStartResult } from './tabletStart.ts';

/**
 * `npm run bench`: the vote path of the real server against a bare Socket.IO server with the
 * same transport options, at several member counts, in one run on this machine.
 */

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '60,1000,10000' },
    rounds: { type: 'string' },
    workers: { type: 'string', default: '4' },
    profile: { type: 'boolean', default: false },
    /** Default: bench/results/latest.json, or bench/results/cluster.json for `--only cluster`. */
    out: { type: 'string' },
    /**
     * Scenarios to run: `vote` (vote→ack at each N), `session` (voting session), `tablet` (tablet
     * start), `cluster` (clustered mode on PostgreSQL and Redis; not by default: it takes minutes).
     */
    only: { type: 'string', default: 'vote,session,tablet' },
    /** Cluster: meetings × members per meeting, on 1 node and on 2 nodes. */
    tenants: { type: 'string', default: '200x50' },
    /** Cluster: members of the one meeting spread over 2 nodes. */
    'cluster-members': { type: 'string', default: '10000' },
    /** Cluster: rounds per part (as the vote scenario at 10,000). */
    'cluster-rounds': { type: 'string', default: '3' },
    /** Cluster: `tenants`, `single` or both. */
    'cluster-parts': { type: 'string', default: 'tenants,single' },
    /** Voting session: members × votes. */
    session: { type: 'string', default: '720x300' },
    /** Tablet start: runs each of the cold, warm and reopened starts. */
    'tablet-runs': { type: 'string', default: '7' },
    /** Tablet start: another client build (its dist/client) to measure in turn with this one. */
    'tablet-compare': { type: 'string' },
  },
});
const ONLY = new Set(args.only.split(',').map((s) => s.trim()));
const OUT = args.out ?? (ONLY.size === 1 && ONLY.has('cluster') ? 'bench/results/cluster.json' : 'bench/results/latest.json');
for (const s of ONLY) if (!['vote', 'session', 'tablet', 'cluster'].includes(s)) throw new Error(`--only: unknown scenario ${s} (vote, session, tablet, cluster)`);
const [TENANTS, TENANT_SIZE] = args.tenants.split('x').map(Number) as [number, number];
if (!(TENANTS > 0 && TENANT_SIZE > 0)) throw new Error('--tenants: meetings x members, e.g. 200x50');
const CLUSTER_MEMBERS = Number(args['cluster-members']);
const CLUSTER_ROUNDS = Number(args['cluster-rounds']);
const CLUSTER_PARTS = new Set(args['cluster-parts'].split(',').map((s) => s.trim())) as Set<'tenants' | 'single'>;
for (const p of CLUSTER_PARTS) if (p !== 'tenants' && p !== 'single') throw new Error(`--cluster-parts: unknown part ${p} (tenants, single)`);
const [SESSION_MEMBERS, SESSION_VOTES] = args.session.split('x').map(Number) as [number, number];
if (!(SESSION_MEMBERS > 0 && SESSION_VOTES > 0)) throw new Error('--session: members x votes, e.g. 720x300');
const SIZES = args.sizes.split(',').map(Number);
const WORKERS = Number(args.workers);
const roundsFor = (n: number) => (args.rounds ? Number(args.rounds) : n >= 10_000 ? 3 : n >= 1_000 ? 7 : 10);
/**
 * Pause before each burst so the previous round's broadcasts (close, publish: one snapshot per
 * tablet) have drained and neither server's burst starts while the other's work still runs.
 */
const settleMs = (n: number) => 250 + n / 5;
/** Connecting 10,000 members on a busy 2-core machine can take minutes; this is only a safety net. */
const connectWaitMs = (n: number) => WAIT_MS + 30 * n;

interface RoundResult {
  ack: Summary;
  failures: number;
  /** Handzeichen only: last ack → display shows the final count. */
  displayLagMs: number | null;
  /** Handzeichen only: poll opened by the chair → every tablet has it. */
  openToAllMs: number | null;
  cpuMicrosPerBallot: number;
  /** The event-loop thread's share (null without /proc). */
  loopCpuMicrosPerBallot: number | null;
}

interface RunResult {
  kind: ServerKind;
  n: number;
  /** Handzeichen only: POST /api/meetings with N members. */
  createMs: number | null;
  connectMs: number;
  connectFailures: number;
  rssBeforeMB: number;
  rssConnectedMB: number;
  rssAfterMB: number;
  rssKBPerMember: number;
  cpuMicrosPerConnect: number;
  rounds: RoundResult[];
  median: { p50: number; p99: number; max: number; cpuMicrosPerBallot: number; loopCpuMicrosPerBallot: number | null };
  display: { p50: number; p99: number } | null;
  openToAll: { p50: number; p99: number } | null;
}

process.on('exit', killChildren);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

interface Session {
  kind: ServerKind;
  connect(): Promise<void>;
  round(round: number): Promise<void>;
  result(): Promise<RunResult>;
  stop(): Promise<void>;
}

/**
 * The event loop's CPU time per ballot of a round, or null when it cannot be told: without /proc,
 * or when the round took fewer than 20 of its 10 ms clock ticks (N = 60: one or two).
 */
function loopCpuPerBallot(before: number | null, after: number | null, ballots: number): number | null {
  if (before === null || after === null || after - before < 200_000) return null;
  return (after - before) / ballots;
}

/** One server under test with N members connected; rounds of one poll and one burst of ballots. */
async function startSession(kind: ServerKind, n: number): Promise<Session> {
  const profile = args.profile && kind === 'handzeichen' ? ['--cpu-prof', '--cpu-prof-dir=bench/results/profiles'] : [];
  const server = startChild('serverProcess.ts', [kind], profile);
  const workers: ChildProcess[] = [];
  let chair: Socket | undefined;
  let display: Socket | undefined;
  const stop = async () => {
    chair?.disconnect();
    display?.disconnect();
    await Promise.all(
      workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : (w.once('exit', r), w.send({ type: 'close' } satisfies ToWorker))))),
    );
    await new Promise((r) => (server.exitCode !== null ? r(null) : (server.once('exit', r), server.send({ type: 'stop' } satisfies ToServer))));
  };
  try {
    const { port } = await nextMessage<FromServer, 'ready'>(server, 'ready', WAIT_MS);
    const url = `http://127.0.0.1:${port}`;
    let tokens: string[];
    let displayFinal: ((pollId: string, n: number) => Promise<number>) | undefined;
    let createMs: number | null = null;
    if (kind === 'handzeichen') {
      const createStart = performance.now();
      const meeting = await createBenchMeeting(url, n, roundsFor(n));
      createMs = performance.now() - createStart;
      tokens = meeting.members.map((m) => tokenOf(m.joinUrl));
      chair = await connectRole(url, tokenOf(meeting.chairUrl));
      display = await connectRole(url, tokenOf(meeting.displayUrl));
      displayFinal = watchDisplay(display);
    } else {
      tokens = Array.from({ length: n }, (_, i) => `baseline-${i}`);
    }
    for (let i = 0; i < Math.min(WORKERS, n); i++) workers.push(startChild('memberWorker.ts', []));
    await Promise.all(workers.map((w) => nextMessage<FromWorker, 'ready'>(w, 'ready', WAIT_MS)));
    const shares = split(tokens, workers.length);

    let before: Extract<FromServer, { type: 'stats' }>;
    let afterConnect: Extract<FromServer, { type: 'stats' }>;
    let connectMs = 0;
    let connectFailures = 0;
    let members = n;
    const rounds: RoundResult[] = [];

    return {
      kind,
      stop,
      async connect() {
        before = await serverStats(server);
        const connectStart = performance.now();
        const connected = await allWithin<Extract<FromWorker, { type: 'connected' }>>(
          workers,
          shares.map((t) => ({ type: 'connect', url, tokens: t, waitForSnapshot: kind === 'handzeichen' })),
          'connected',
          connectWaitMs(n),
        );
        connectMs = performance.now() - connectStart;
        afterConnect = await serverStats(server);
        connectFailures = connected.reduce((s, c) => s + c.failures, 0);
        if (connectFailures > 0) console.error(`  ${kind} N=${n}: ${connectFailures} connections failed: ${connected.find((c) => c.firstError)?.firstError}`);
        members = n - connectFailures;
      },
      async round(round) {
        let pollId = `baseline-poll-${round}`;
        let openToAllMs: number | null = null;
        if (chair) {
          const openedAt = wallNow();
          // Item ids follow agenda order: round r votes on item `i<r>`.
          pollId = (await call<{ pollId: string }>(chair, 'poll:open', { itemId: `i${round}` })).pollId;
          const seen = await all<Extract<FromWorker, { type: 'pollSeen' }>>(workers, workers.map(() => ({ type: 'awaitOpenPoll', pollId })), 'pollSeen');
          openToAllMs = Math.max(...seen.map((x) => x.lastSeenAt)) - openedAt;
        }
        await sleep(settleMs(n));
        const cpuBefore = await serverStats(server);
        const finalShown = displayFinal?.(pollId, members);
        const voted = await all<Extract<FromWorker, { type: 'voted' }>>(workers, workers.map(() => ({ type: 'vote', pollId, round })), 'voted');
        const lastAckAt = Math.max(...voted.map((v) => v.lastAckAt));
        const displayAt = finalShown ? await finalShown : null;
        const cpuAfter = await serverStats(server);
        const failures = voted.reduce((s, v) => s + v.failures, 0);
        if (failures > 0) console.error(`  ${kind} N=${n} round ${round}: ${failures} ballots failed: ${voted.find((v) => v.firstError)?.firstError}`);
        rounds.push({
          ack: summarize(voted.flatMap((v) => v.latencies)),
          failures,
          displayLagMs: displayAt === null ? null : displayAt - lastAckAt,
          openToAllMs,
          cpuMicrosPerBallot: (cpuAfter.cpuMicros - cpuBefore.cpuMicros) / members,
          loopCpuMicrosPerBallot: loopCpuPerBallot(cpuBefore.loopCpuMicros, cpuAfter.loopCpuMicros, members),
        });
        if (chair) {
          await call(chair, 'poll:close', { pollId });
          await call(chair, 'poll:publish', { pollId });
        }
      },
      async result() {
        const after = await serverStats(server);
        const lags = rounds.flatMap((r) => (r.displayLagMs === null ? [] : [r.displayLagMs]));
        const opens = rounds.flatMap((r) => (r.openToAllMs === null ? [] : [r.openToAllMs]));
        return {
          kind,
          n,
          createMs,
          connectMs,
          connectFailures,
          rssBeforeMB: before.rss / 2 ** 20,
          rssConnectedMB: afterConnect.rss / 2 ** 20,
          rssAfterMB: after.rss / 2 ** 20,
          rssKBPerMember: (afterConnect.rss - before.rss) / 1024 / members,
          cpuMicrosPerConnect: (afterConnect.cpuMicros - before.cpuMicros) / members,
          rounds,
          median: {
            p50: median(rounds.map((r) => r.ack.p50)),
            p99: median(rounds.map((r) => r.ack.p99)),
            max: median(rounds.map((r) => r.ack.max)),
            cpuMicrosPerBallot: median(rounds.map((r) => r.cpuMicrosPerBallot)),
            loopCpuMicrosPerBallot: rounds.some((r) => r.loopCpuMicrosPerBallot === null) ? null : median(rounds.map((r) => r.loopCpuMicrosPerBallot!)),
          },
          display: lags.length ? { p50: summarize(lags).p50, p99: summarize(lags).p99 } : null,
          openToAll: opens.length ? { p50: summarize(opens).p50, p99: summarize(opens).p99 } : null,
        };
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Both servers stay up with their members connected and take turns round by round, so load
 * from other work on a shared machine hits both alike and the ratio stays meaningful.
 */
async function runSize(n: number): Promise<RunResult[]> {
  const sessions: Session[] = [];
  try {
    for (const kind of ['baseline', 'handzeichen'] as const) {
      const session = await startSession(kind, n);
      sessions.push(session);
      await session.connect();
    }
    for (let round = 1; round <= roundsFor(n); round++) for (const s of sessions) await s.round(round);
    return await Promise.all(sessions.map((s) => s.result()));
  } finally {
    for (const s of sessions) await s.stop();
  }
}

const fmt = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits));

function table(results: RunResult[]): string {
  const head = ['N', 'server', 'ack p50', 'ack p99', 'ack max', 'p99 ratio', 'display p50/p99', 'open→all p50', 'create meeting', 'connect all', 'RSS', 'RSS/member', 'CPU/connect', 'CPU/ballot', 'event loop CPU/ballot', 'failed'];
  const rows = results.map((r) => {
    const base = results.find((b) => b.kind === 'baseline' && b.n === r.n);
    const ratio = r.kind === 'handzeichen' && base ? r.median.p99 / base.median.p99 : null;
    return [
      String(r.n),
      r.kind,
      `${fmt(r.median.p50)} ms`,
      `${fmt(r.median.p99)} ms`,
      `${fmt(r.median.max)} ms`,
      ratio === null ? '' : `${fmt(ratio, 2)}×`,
      r.display ? `${fmt(r.display.p50)} / ${fmt(r.display.p99)} ms` : '',
      r.openToAll ? `${fmt(r.openToAll.p50, 0)} ms` : '',
      r.createMs === null ? '' : `${fmt(r.createMs / 1000, 2)} s`,
      `${fmt(r.connectMs / 1000, 2)} s`,
      `${fmt(r.rssConnectedMB, 0)} MB`,
      `${fmt(r.rssKBPerMember)} KB`,
      `${fmt(r.cpuMicrosPerConnect, 0)} µs`,
      `${fmt(r.median.cpuMicrosPerBallot, 0)} µs`,
      r.median.loopCpuMicrosPerBallot === null ? '–' : `${fmt(r.median.loopCpuMicrosPerBallot, 0)} µs`,
      String(r.connectFailures + r.rounds.reduce((s, x) => s + x.failures, 0)),
    ];
  });
  const lines = [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}

function bundleTable(bundles: ViewBundle[]): string {
  const lines = ['| view | files | raw | gzip |', '|---|---|---|---|'];
  for (const b of bundles) lines.push(`| ${b.view} | ${b.files.length} | ${fmt(b.rawBytes / 1024)} KB | ${fmt(b.gzipBytes / 1024)} KB |`);
  return lines.join('\n');
}

const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString(),
};
console.log(`Machine: ${machine.cores} cores, ${machine.cpu}, ${machine.memoryGB} GB RAM, Node ${machine.node}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const started = performance.now();
const results: RunResult[] = [];
const failed: ({ n: number; error: string } | { scenario: string; error: string })[] = [];
for (const n of ONLY.has('vote') ? SIZES : []) {
  const t = performance.now();
  console.log(`N=${n}: baseline and Handzeichen, ${roundsFor(n)} rounds each, alternating…`);
  let size: RunResult[];
  try {
    size = await runSize(n);
  } catch (error) {
    console.error(`  N=${n} failed: ${String(error)}`);
    failed.push({ n, error: String(error) });
    continue;
  }
  for (const r of size) {
    results.push(r);
    console.log(
      `  ${r.kind.padEnd(11)} connect ${fmt(r.connectMs / 1000, 2)} s, ack p50/p99/max ${fmt(r.median.p50)}/${fmt(r.median.p99)}/${fmt(r.median.max)} ms` +
        (r.display ? `, display lag p50/p99 ${fmt(r.display.p50)}/${fmt(r.display.p99)} ms` : '') +
        `, RSS ${fmt(r.rssConnectedMB, 0)} MB`,
    );
  }
  console.log(`  (${fmt((performance.now() - t) / 1000, 0)} s)`);
}
let session: SessionResult | null = null;
if (ONLY.has('session')) {
  const t = performance.now();
  console.log(`Voting session: ${SESSION_MEMBERS} members, ${SESSION_VOTES} votes, Handzeichen and baseline vote by vote…`);
  try {
    session = await runVotingSession({
      members: SESSION_MEMBERS,
      votes: SESSION_VOTES,
      workers: WORKERS,
      profile: args.profile,
      onCheckpoint: (soFar) => {
        mkdirSync(resolve(OUT, '..'), { recursive: true });
        writeFileSync(`${OUT}.partial`, JSON.stringify({ machine, session: soFar }, null, 2) + '\n');
      },
    });
  } catch (error) {
    console.error(`  session failed: ${String(error)}`);
    failed.push({ scenario: 'session', error: String(error) });
  }
  console.log(`  (${fmt((performance.now() - t) / 1000, 0)} s)`);
}
let tablet: TabletStartResult | null = null;
if (ONLY.has('tablet')) {
  const t = performance.now();
  console.log(`Tablet start in Chromium, CPU throttled 4×, ${args['tablet-runs']} runs each cold, warm and reopened…`);
  try {
    tablet = await runTabletStart({ runs: Number(args['tablet-runs']), profile: args.profile, compareWith: args['tablet-compare'] });
  } catch (error) {
    console.error(`  tablet start failed: ${String(error)}`);
    failed.push({ scenario: 'tablet', error: String(error) });
  }
  console.log(`  (${fmt((performance.now() - t) / 1000, 0)} s)`);
}
let cluster: ClusterResult[] | null = null;
if (ONLY.has('cluster')) {
  const t = performance.now();
  try {
    const run = await runCluster({ meetings: TENANTS, meetingSize: TENANT_SIZE, members: CLUSTER_MEMBERS, rounds: CLUSTER_ROUNDS, workers: WORKERS, parts: CLUSTER_PARTS });
    cluster = run.results;
    failed.push(...run.failed);
  } catch (error) {
    console.error(`  cluster failed: ${String(error)}`);
    failed.push({ scenario: 'cluster', error: String(error) });
  }
  console.log(`  (${fmt((performance.now() - t) / 1000, 0)} s)`);
}
const bundles = bundleSizes(resolve(import.meta.dirname, '../dist/client'));
if (results.length) {
  console.log('\nVote path (medians over rounds):\n');
  console.log(table(results));
}
if (session) {
  console.log(`\nVoting session, ${session.members} members × ${session.votes} votes (${fmt(session.totalSeconds, 0)} s):\n`);
  console.log(sessionTable(session));
}
if (tablet) {
  console.log('\nTablet start (Chromium, iPad viewport, CPU 4× throttled):\n');
  console.log(tabletTable(tablet));
}
if (cluster?.length) {
  console.log('\nClustered mode (medians over rounds; RSS per process with everyone connected):\n');
  console.log(clusterTable(cluster));
  for (const r of cluster) for (const t of r.targets) if (t.owners) console.log(`  ${r.shape} ${t.label}: meetings owned ${JSON.stringify(t.owners)}, fds per process ${t.fdsConnected.join(' / ')}`);
}
console.log('\nApps as transferred (JS + CSS each view loads, gzip -9):\n');
console.log(bundleTable(bundles));
console.log(`\nTotal ${fmt((performance.now() - started) / 1000, 0)} s`);
mkdirSync(resolve(OUT, '..'), { recursive: true });
writeFileSync(OUT, JSON.stringify({ machine, loadAverage: loadavg(), results, session, tablet, cluster, failed, bundles }, null, 2) + '\n');
console.log(`Written to ${OUT}`);
process.exit(failed.length ? 1 : 0);
