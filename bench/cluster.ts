import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import type { Socket } from 'socket.io-client';
import type { CreatedMeeting } from '../server/meetings/createMeeting.ts';
import { startNodeProcess, type NodeProcess } from '../server/cluster/nodeProcess.ts';
import { HOLDS_LOCK } from '../server/cluster/ownership.ts';
import { startHaproxy, type TestHaproxy } from '../server/test/engines/haproxy.ts';
import { startPostgres, type TestPostgres } from '../server/test/engines/postgres.ts';
import { freePort } from '../server/test/engines/process.ts';
import { startRedis, type TestRedis } from '../server/test/engines/redis.ts';
import { nextMessage, startChild } from './children.ts';
import { all, allWithin, call, connectRole, serverStats, sleep, split, WAIT_MS, watchDisplay } from './drive.ts';
import { createBenchMeeting, tokenOf } from './meetingFixture.ts';
import { procCpuMicros } from './procStat.ts';
import { BENCH_ADMIN_TOKEN, type FromServer, type FromWorker, type ToServer, type ToWorker } from './protocol.ts';
import { median, summarize, type Summary } from './stats.ts';

/**
 * `--only cluster`: the clustered mode (server/cluster) as deployed — node processes
 * (`node --import tsx server/main.ts`) on one throwaway PostgreSQL and a Redis per cluster,
 * HAProxy in front of two nodes — against the bare Socket.IO baseline with the same number of
 * connections, round by round in turn.
 *
 * 1. Many meetings (`--tenants 200x50`): on one node and on two nodes. Every round each
 *    meeting's chair opens a vote, then every member of every meeting votes in one burst.
 * 2. One meeting of N members over two nodes (`--cluster-members 10000`), the room display on
 *    the node that does not own the meeting.
 */

export interface ClusterOptions {
  meetings: number;
  meetingSize: number;
  members: number;
  rounds: number;
  workers: number;
  /** Which parts to run: `tenants`, `single`. */
  parts: Set<'tenants' | 'single'>;
}

interface NodeStats {
  rssMB: number;
  cpuMicros: number;
  fds: number;
}

export interface TargetResult {
  /** `baseline`, `1 node`, `2 nodes`. */
  label: string;
  connections: number;
  meetings: number;
  /** Load balancers the members connected through (0: straight to the one node). */
  loadBalancers: number;
  /** Meetings → node id, from meeting_owners (locks held). */
  owners: Record<string, number> | null;
  /** POST /api/meetings for every meeting (through the load balancer). */
  createMs: number | null;
  /** Every member connected and (Handzeichen) checked in. */
  connectMs: number;
  connectFailures: number;
  /** Per node process (the baseline: its one process), with everyone connected and at the end. */
  rssConnectedMB: number[];
  rssAfterMB: number[];
  /** Per node process with everyone connected: open file descriptors, ≈ its sockets (members, chairs, PostgreSQL, Redis). */
  fdsConnected: number[];
  rounds: { ack: Summary; failures: number; displayLagMs: number | null; openToAllMs: number; cpuMicrosPerBallot: number }[];
  median: { p50: number; p99: number; max: number; cpuMicrosPerBallot: number };
  display: { p50: number; p99: number } | null;
}

export interface ClusterResult {
  part: 'tenants' | 'single';
  description: string;
  /** Set when the part stopped early; the figures are those up to then. */
  error?: string;
  /** meetings × members per meeting. */
  shape: string;
  targets: TargetResult[];
  seconds: number;
}

const settleMs = (n: number) => 250 + n / 5;

/** Waits (at most 15 s) until the processes together use less than a fifth of a core over 250 ms. */
async function quiesce(stats: () => Promise<NodeStats[]>): Promise<void> {
  const cpu = async () => (await stats()).reduce((s, x) => s + x.cpuMicros, 0);
  let last = await cpu();
  for (let i = 0; i < 60; i++) {
    await sleep(250);
    const now = await cpu();
    if (now - last < 50_000) return;
    last = now;
  }
}
const connectWaitMs = (n: number) => WAIT_MS + 30 * n;

/** RSS and CPU time (user + system) of a process from /proc (Linux). */
function procStats(pid: number | undefined): NodeStats {
  if (pid === undefined) return { rssMB: Number.NaN, cpuMicros: Number.NaN, fds: Number.NaN };
  if (!existsSync(`/proc/${pid}/status`) || /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'))) {
    throw new Error(`process ${pid} has exited (a node stops when it loses its ownership session: see its log line above)`);
  }
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return { rssMB: rssKB / 1024, cpuMicros: procCpuMicros(`/proc/${pid}/stat`), fds: readdirSync(`/proc/${pid}/fd`).length };
}

/** Runs `fn` over `items` with at most `limit` at a time. */
async function pooled<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

const stopWorkers = (workers: ChildProcess[]) =>
  Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null || w.signalCode !== null ? r(null) : (w.once('exit', r), w.send({ type: 'close' } satisfies ToWorker))))));

async function startWorkers(count: number): Promise<ChildProcess[]> {
  const workers = Array.from({ length: count }, () => startChild('memberWorker.ts', []));
  try {
    await Promise.all(workers.map((w) => nextMessage<FromWorker, 'ready'>(w, 'ready', WAIT_MS)));
  } catch (error) {
    for (const w of workers) w.kill('SIGKILL');
    throw error;
  }
  return workers;
}

/** A cluster: its nodes, a Redis of its own, a database of its own on the shared PostgreSQL, HAProxy with more than one node. */
interface Cluster {
  url: string;
  /** Where the members connect: the load balancers (one per LB_MAXCONN connections), or the one node. */
  memberUrls: string[];
  nodes: NodeProcess[];
  nodeIds: string[];
  db: pg.Client;
  owners(): Promise<Record<string, number>>;
  ownerOf(meetingId: string): Promise<string | null>;
  stats(): NodeStats[];
  stop(): Promise<void>;
}


/**
 * Connections per HAProxy process. Each proxied connection takes two descriptors, and a process
 * here may not open more than the hard limit (20,000 on this machine, which not even root may
 * raise): one HAProxy holds at most ~9,990. More members connect through further HAProxy
 * processes with the same backends, as a data centre's pair of load balancers would.
 */
const LB_MAXCONN = 9_000;

/** Node processes still running: killed if the bench exits without stopping them (nodeProcess.ts does not tie them to us). */
const liveNodes = new Set<number>();
process.on('exit', () => {
  for (const pid of liveNodes) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

async function startCluster(postgres: TestPostgres, nodeCount: number, name: string, connections: number): Promise<Cluster> {
  const stoppers: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const s of stoppers.reverse()) await s().catch(() => {});
    stoppers.length = 0;
  };
  try {
    const redis: TestRedis = await startRedis();
    stoppers.push(() => redis.stop());
    const databaseUrl = await postgres.createDatabase(`bench_${name}_${process.pid}`);
    const nodes: NodeProcess[] = [];
    const nodeIds: string[] = [];
    for (let i = 0; i < nodeCount; i++) {
      const nodeId = `${name}-node${i + 1}`;
      const node = await startNodeProcess({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url, ADMIN_TOKEN: BENCH_ADMIN_TOKEN, NODE_ID: nodeId, PORT: await freePort() });
      const pid = node.pid();
      if (pid !== undefined) liveNodes.add(pid);
      stoppers.push(async () => {
        await node.stop();
        if (pid !== undefined) liveNodes.delete(pid);
      });
      nodes.push(node);
      nodeIds.push(nodeId);
    }
    const lbs: TestHaproxy[] = [];
    const lbCount = nodeCount > 1 ? Math.ceil((connections + 500) / LB_MAXCONN) : 0;
    for (let i = 0; i < lbCount; i++) {
      // deploy/haproxy.cfg's check intervals (a TCP connect here).
      const lb = await startHaproxy(
        nodes.map((n) => n.port),
        { maxconn: LB_MAXCONN, check: 'check inter 2s fall 2 rise 2 on-marked-down shutdown-sessions' },
      );
      stoppers.push(() => lb.stop());
      lbs.push(lb);
    }
    const db = new pg.Client({ connectionString: databaseUrl });
    db.on('error', () => {});
    await db.connect();
    stoppers.push(() => db.end());
    return {
      url: lbs[0]?.url ?? nodes[0]!.url,
      memberUrls: lbs.length ? lbs.map((lb) => lb.url) : [nodes[0]!.url],
      nodes,
      nodeIds,
      db,
      async owners() {
        const { rows } = await db.query<{ node_id: string; n: string }>(`SELECT o.node_id, count(*) AS n FROM meeting_owners o WHERE ${HOLDS_LOCK} GROUP BY o.node_id ORDER BY o.node_id`);
        return Object.fromEntries(nodeIds.map((id) => [id, Number(rows.find((r) => r.node_id === id)?.n ?? 0)]));
      },
      async ownerOf(meetingId) {
        const { rows } = await db.query<{ node_id: string }>(`SELECT o.node_id FROM meeting_owners o WHERE o.meeting_id = $1 AND ${HOLDS_LOCK}`, [meetingId]);
        return rows[0]?.node_id ?? null;
      },
      stats: () => nodes.map((n) => procStats(n.pid())),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface Target {
  label: string;
  /** Throws when one of its processes has exited. */
  check(): void;
  connect(): Promise<void>;
  round(round: number): Promise<void>;
  result(): Promise<TargetResult>;
  stop(): Promise<void>;
}

/** What the baseline and the clusters share: the workers, the connect phase, the burst and the figures. */
function memberRounds(opts: {
  label: string;
  /** Worker i connects its members to urls[i % urls.length]. */
  urls: string[];
  tokens: string[];
  workers: ChildProcess[];
  handzeichen: boolean;
  stats: () => Promise<NodeStats[]>;
  check: () => void;
  /** Before the burst: open the vote(s); returns the poll ids (null: each member's own open poll). */
  open: (round: number) => Promise<{ pollIds: string[]; displayPoll?: string }>;
  close: () => Promise<void>;
  displayFinal?: (pollId: string, n: number) => Promise<number>;
  extra: () => Promise<Pick<TargetResult, 'owners' | 'createMs' | 'meetings' | 'loadBalancers'>>;
  stop: () => Promise<void>;
}): Target {
  const { workers, tokens } = opts;
  const n = tokens.length;
  const shares = split(tokens, workers.length);
  let connectMs = 0;
  let connectFailures = 0;
  let members = n;
  let rssConnectedMB: number[] = [];
  let fdsConnected: number[] = [];
  const rounds: TargetResult['rounds'] = [];
  return {
    label: opts.label,
    check: opts.check,
    async connect() {
      const start = performance.now();
      const connected = await allWithin<Extract<FromWorker, { type: 'connected' }>>(
        workers,
        shares.map((t, i) => ({ type: 'connect', url: opts.urls[i % opts.urls.length]!, tokens: t, waitForSnapshot: opts.handzeichen })),
        'connected',
        connectWaitMs(n),
      );
      connectMs = performance.now() - start;
      connectFailures = connected.reduce((s, c) => s + c.failures, 0);
      if (connectFailures > 0) console.error(`  ${opts.label}: ${connectFailures} connections failed: ${connected.find((c) => c.firstError)?.firstError}`);
      members = n - connectFailures;
      const connected_ = await opts.stats();
      rssConnectedMB = connected_.map((s) => s.rssMB);
      fdsConnected = connected_.map((s) => s.fds);
    },
    async round(round) {
      const openedAt = performance.timeOrigin + performance.now();
      const { pollIds, displayPoll } = await opts.open(round);
      let openToAllMs = 0;
      if (opts.handzeichen) {
        const seen = await all<Extract<FromWorker, { type: 'pollSeen' }>>(workers, workers.map(() => ({ type: 'awaitOpenPolls', pollIds })), 'pollSeen');
        openToAllMs = Math.max(...seen.map((x) => x.lastSeenAt)) - openedAt;
      }
      await sleep(settleMs(n));
      const cpuBefore = (await opts.stats()).reduce((s, x) => s + x.cpuMicros, 0);
      const finalShown = displayPoll && opts.displayFinal ? opts.displayFinal(displayPoll, members) : undefined;
      const pollId = opts.handzeichen ? null : `baseline-poll-${round}`;
      const voted = await all<Extract<FromWorker, { type: 'voted' }>>(workers, workers.map(() => ({ type: 'vote', pollId, round })), 'voted');
      const lastAckAt = Math.max(...voted.map((v) => v.lastAckAt));
      const displayAt = finalShown ? await finalShown : null;
      const cpuAfter = (await opts.stats()).reduce((s, x) => s + x.cpuMicros, 0);
      const failures = voted.reduce((s, v) => s + v.failures, 0);
      if (failures > 0) console.error(`  ${opts.label} round ${round}: ${failures} ballots failed: ${voted.find((v) => v.firstError)?.firstError}`);
      rounds.push({
        ack: summarize(voted.flatMap((v) => v.latencies)),
        failures,
        displayLagMs: displayAt === null ? null : displayAt - lastAckAt,
        openToAllMs,
        cpuMicrosPerBallot: (cpuAfter - cpuBefore) / members,
      });
      await opts.close();
      // Closing and publishing sends every tablet of every meeting a snapshot, through Redis with
      // two nodes: let the servers go idle before the next target's burst, so it is not measured
      // against this one's leftovers.
      await quiesce(opts.stats);
    },
    async result() {
      const lags = rounds.flatMap((r) => (r.displayLagMs === null ? [] : [r.displayLagMs]));
      return {
        label: opts.label,
        connections: n,
        ...(await opts.extra()),
        connectMs,
        connectFailures,
        rssConnectedMB,
        fdsConnected,
        // After a node died the figures so far are still worth reading.
        rssAfterMB: (await opts.stats().catch(() => [])).map((s) => s.rssMB),
        rounds,
        median: {
          p50: median(rounds.map((r) => r.ack.p50)),
          p99: median(rounds.map((r) => r.ack.p99)),
          max: median(rounds.map((r) => r.ack.max)),
          cpuMicrosPerBallot: median(rounds.map((r) => r.cpuMicrosPerBallot)),
        },
        display: lags.length ? { p50: summarize(lags).p50, p99: summarize(lags).p99 } : null,
      };
    },
    async stop() {
      await stopWorkers(workers);
      await opts.stop();
    },
  };
}

/** The bare Socket.IO server of the vote scenario (bench/serverProcess.ts) with n members. */
async function baselineTarget(n: number, workerCount: number): Promise<Target> {
  const server = startChild('serverProcess.ts', ['baseline']);
  const stopServer = () =>
    new Promise((r) => (server.exitCode !== null || server.signalCode !== null ? r(null) : (server.once('exit', r), server.send({ type: 'stop' } satisfies ToServer))));
  try {
    const { port } = await nextMessage<FromServer, 'ready'>(server, 'ready', WAIT_MS);
    const workers = await startWorkers(workerCount);
    const stats = async () => {
      const s = await serverStats(server);
      return [{ rssMB: s.rss / 2 ** 20, cpuMicros: s.cpuMicros, fds: server.pid ? procStats(server.pid).fds : Number.NaN }];
    };
    return memberRounds({
      label: 'baseline',
      urls: [`http://127.0.0.1:${port}`],
      tokens: Array.from({ length: n }, (_, i) => `baseline-${i}`),
      workers,
      handzeichen: false,
      stats,
      check: () => {
        if (server.exitCode !== null || server.signalCode !== null) throw new Error('the baseline server exited');
      },
      open: async () => ({ pollIds: [] }),
      close: async () => {},
      extra: async () => ({ owners: null, createMs: null, meetings: 0, loadBalancers: 0 }),
      stop: async () => void (await stopServer()),
    });
  } catch (error) {
    await stopServer();
    throw error;
  }
}

/** A cluster with `meetings` meetings of `size` members each; with `display`, the room display of the (one) meeting on a node that does not own it. */
async function clusterTarget(
  postgres: TestPostgres,
  opts: { label: string; name: string; nodes: number; meetings: number; size: number; rounds: number; workers: number; display: boolean },
): Promise<Target> {
  const cluster = await startCluster(postgres, opts.nodes, opts.name, opts.meetings * (opts.size + 2));
  const sockets: Socket[] = [];
  const stop = async () => {
    for (const s of sockets) s.disconnect();
    await cluster.stop();
  };
  try {
    const createStart = performance.now();
    // Through the load balancer, as an admin view would: whichever node takes the request.
    const created: CreatedMeeting[] = await pooled(Array.from({ length: opts.meetings }), 4, () => createBenchMeeting(cluster.url, opts.size, opts.rounds));
    const createMs = performance.now() - createStart;
    const chairs = await pooled(created, 16, async (m) => {
      const s = await connectRole(cluster.url, tokenOf(m.chairUrl));
      sockets.push(s);
      return s;
    });
    let displayFinal: ((pollId: string, n: number) => Promise<number>) | undefined;
    if (opts.display) {
      const owner = await cluster.ownerOf(created[0]!.id);
      const other = cluster.nodes[cluster.nodeIds.findIndex((id) => id !== owner)]!;
      const display = await connectRole(other.url, tokenOf(created[0]!.displayUrl));
      sockets.push(display);
      displayFinal = watchDisplay(display);
      console.log(`  ${opts.label}: meeting owned by ${owner}; room display on ${cluster.nodeIds[cluster.nodes.indexOf(other)]}`);
    }
    const workers = await startWorkers(opts.workers);
    /** Per chair, the poll it opened this round. */
    let opened: string[] = [];
    return memberRounds({
      label: opts.label,
      urls: cluster.memberUrls,
      tokens: created.flatMap((m) => m.members.map((x) => tokenOf(x.joinUrl))),
      workers,
      handzeichen: true,
      stats: async () => cluster.stats(),
      check: () => void cluster.stats(),
      open: async (round) => {
        // Item ids follow agenda order: round r votes on item `i<r>` in every meeting.
        const pollIds = await Promise.all(chairs.map(async (c) => (await call<{ pollId: string }>(c, 'poll:open', { itemId: `i${round}` })).pollId));
        opened = pollIds;
        return { pollIds, ...(opts.display ? { displayPoll: pollIds[0] } : {}) };
      },
      close: async () => {
        await Promise.all(
          chairs.map(async (c, i) => {
            const pollId = opened[i]!;
            await call(c, 'poll:close', { pollId });
            await call(c, 'poll:publish', { pollId });
          }),
        );
      },
      displayFinal,
      extra: async () => ({ owners: await cluster.owners(), createMs, meetings: opts.meetings, loadBalancers: cluster.memberUrls[0] === cluster.nodes[0]!.url ? 0 : cluster.memberUrls.length }),
      stop,
    });
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Targets side by side: each connects in turn, then the rounds alternate between them, so load from elsewhere hits all alike. */
async function sideBySide(starts: (() => Promise<Target>)[], rounds: number, log: (line: string) => void): Promise<{ targets: TargetResult[]; error?: string }> {
  const targets: Target[] = [];
  /** `step`, or an error as soon as a process of any target has exited (no waiting out timeouts). */
  const guarded = <T>(step: Promise<T>) =>
    new Promise<T>((resolvePromise, reject) => {
      const timer = setInterval(() => {
        try {
          for (const t of targets) t.check();
        } catch (e) {
          clearInterval(timer);
          reject(e);
        }
      }, 500);
      step.then(
        (v) => (clearInterval(timer), resolvePromise(v)),
        (e: unknown) => (clearInterval(timer), reject(e)),
      );
    });
  try {
    try {
      for (const start of starts) {
        const t0 = performance.now();
        const target = await start();
        targets.push(target);
        await guarded(target.connect());
        log(`  ${target.label}: set up and connected in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      for (let round = 1; round <= rounds; round++) {
        for (const t of targets) await guarded(t.round(round));
        log(`  round ${round}/${rounds} done`);
      }
    } catch (error) {
      // What was measured before the failure, for the record.
      const partial = await Promise.all(targets.map((t) => t.result().catch(() => null)));
      return { targets: partial.filter((r): r is TargetResult => r !== null), error: String(error) };
    }
    return { targets: await Promise.all(targets.map((t) => t.result())) };
  } finally {
    for (const t of targets) await t.stop().catch((e: unknown) => log(`  stopping ${t.label}: ${String(e)}`));
  }
}

export async function runCluster(o: ClusterOptions, log: (line: string) => void = console.log): Promise<{ results: ClusterResult[]; failed: { scenario: string; error: string }[] }> {
  const results: ClusterResult[] = [];
  const failed: { scenario: string; error: string }[] = [];
  const postgres = await startPostgres();
  try {
    if (o.parts.has('tenants')) {
      const t = performance.now();
      const n = o.meetings * o.meetingSize;
      const description = `${o.meetings} meetings × ${o.meetingSize} members (${n} connections)`;
      log(`Cluster, ${description}: baseline, 1 node, 2 nodes behind HAProxy; ${o.rounds} rounds each, in turn…`);
      try {
        const common = { meetings: o.meetings, size: o.meetingSize, rounds: o.rounds, workers: o.workers, display: false };
        const { targets, error } = await sideBySide(
          [
            () => baselineTarget(n, o.workers),
            () => clusterTarget(postgres, { ...common, label: '1 node', name: 'one', nodes: 1 }),
            () => clusterTarget(postgres, { ...common, label: '2 nodes', name: 'two', nodes: 2 }),
          ],
          o.rounds,
          log,
        );
        results.push({ part: 'tenants', description, shape: `${o.meetings}×${o.meetingSize}`, targets, seconds: (performance.now() - t) / 1000, ...(error ? { error } : {}) });
        if (error) throw new Error(error);
      } catch (error) {
        log(`  cluster (tenants) failed: ${String(error)}`);
        failed.push({ scenario: 'cluster-tenants', error: String(error) });
      }
    }
    if (o.parts.has('single')) {
      const t = performance.now();
      const description = `one meeting of ${o.members} members over 2 nodes`;
      log(`Cluster, ${description}: baseline and 2 nodes behind HAProxy; ${o.rounds} rounds each, in turn…`);
      try {
        const { targets, error } = await sideBySide(
          [
            () => baselineTarget(o.members, o.workers),
            () => clusterTarget(postgres, { label: '2 nodes', name: 'single', nodes: 2, meetings: 1, size: o.members, rounds: o.rounds, workers: o.workers, display: true }),
          ],
          o.rounds,
          log,
        );
        results.push({ part: 'single', description, shape: `1×${o.members}`, targets, seconds: (performance.now() - t) / 1000, ...(error ? { error } : {}) });
        if (error) throw new Error(error);
      } catch (error) {
        log(`  cluster (one meeting) failed: ${String(error)}`);
        failed.push({ scenario: 'cluster-single', error: String(error) });
      }
    }
  } finally {
    await postgres.stop();
  }
  return { results, failed };
}

const fmt = (x: number | null | undefined, digits = 1) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits));

export function clusterTable(results: ClusterResult[]): string {
  const head = ['meetings × members', 'server', 'rounds', 'connections', 'meetings owned', 'create meetings', 'connect + check-in', 'ack p50', 'ack p99', 'p99 ratio', 'display p50/p99', 'open→all p50', 'RSS per process', 'CPU/ballot (all nodes)', 'failed'];
  const rows = results.flatMap((r) =>
    r.targets.map((t) => {
      const base = r.targets.find((b) => b.label === 'baseline');
      const ratio = t.label !== 'baseline' && base ? t.median.p99 / base.median.p99 : null;
      return [
        r.shape,
        t.label,
        String(t.rounds.length),
        String(t.connections),
        t.owners ? Object.values(t.owners).join(' / ') : '',
        t.createMs === null ? '' : `${fmt(t.createMs / 1000, 2)} s`,
        `${fmt(t.connectMs / 1000, 2)} s`,
        `${fmt(t.median.p50)} ms`,
        `${fmt(t.median.p99)} ms`,
        ratio === null ? '' : `${fmt(ratio, 2)}×`,
        t.display ? `${fmt(t.display.p50)} / ${fmt(t.display.p99)} ms` : '',
        t.label === 'baseline' ? '' : `${fmt(median(t.rounds.map((x) => x.openToAllMs)), 0)} ms`,
        t.rssConnectedMB.map((x) => `${fmt(x, 0)}`).join(' + ') + ' MB',
        `${fmt(t.median.cpuMicrosPerBallot, 0)} µs`,
        String(t.connectFailures + t.rounds.reduce((s, x) => s + x.failures, 0)),
      ];
    }),
  );
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
