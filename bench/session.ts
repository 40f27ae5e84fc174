import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'socket.io-client';
import { nextMessage, startChild } from './children.ts';
import { all, allWithin, call, connectRole, serverStats, split, WAIT_MS } from './drive.ts';
import { createBenchMeeting, tokenOf } from './meetingFixture.ts';
import type { FromServer, FromWorker, SeenStatus, ToServer, ToWorker } from './protocol.ts';
import { BASELINE_CHAIR, BASELINE_DISPLAY, type SessionSizes } from './sessionBaseline.ts';
import { summarize, wallNow, type Summary } from './stats.ts';

/**
 * Voting session ("Abstimmungsblock"): M members connected and checked in, V consecutive votes
 * driven by a scripted chair — open → every member votes the moment its tablet shows the
 * buttons → close → publish — on Handzeichen and, cycle by cycle in turn, on a bare Socket.IO
 * server that sends the same messages with the same payload sizes (bench/sessionBaseline.ts).
 */

type Kind = 'baseline' | 'handzeichen';

export interface CycleResult {
  /** Server CPU time (user + system) from before the open to after every tablet has the result. */
  cpuMs: number;
  /** Chair sends "open" → the room display shows the published result. */
  cycleMs: number;
  /** Chair sends "open" → every tablet's snapshot shows the open poll (the buttons). */
  openToAllMs: number;
  /** Chair sends "open" → the last ballot is acknowledged. */
  lastAckMs: number;
  /** Chair sends "publish" → the display shows the result. */
  publishToDisplayMs: number;
  /** Chair sends "publish" → every tablet shows the result. */
  publishToAllMs: number;
  failures: number;
  /** Serialized snapshot sizes this cycle (one tablet, chair, display). */
  sizes: SessionSizes;
}

export interface SideResult {
  kind: Kind;
  members: number;
  connectMs: number;
  cpuMsPerCycle: { mean: number; p50: number; p99: number };
  cycle: Summary;
  openToAll: Summary;
  lastAck: Summary;
  publishToDisplay: Summary;
  publishToAll: Summary;
  failures: number;
  rssMB: number;
  /** Mean serialized snapshot bytes per state (one tablet / chair / display). */
  meanSnapshotBytes: Record<SeenStatus, { member: number; chair: number; display: number }>;
  cycles: Omit<CycleResult, 'sizes'>[];
}

export interface SessionResult {
  members: number;
  votes: number;
  totalSeconds: number;
  sides: SideResult[];
  /** Handzeichen CPU per cycle ÷ baseline CPU per cycle (means over all cycles). */
  cpuRatio: number;
}

/** First time the client saw each poll in each state, and how big that snapshot was. */
function watchSnapshots(socket: Socket) {
  const seen = new Map<string, { at: number; bytes: number }>();
  const waiters: { key: string; resolve: (at: number) => void }[] = [];
  socket.on('meeting:snapshot', (s: { polls: { id: string; status: string }[] }) => {
    const now = wallNow();
    let bytes = -1;
    for (const p of s.polls) {
      const key = `${p.id}/${p.status}`;
      if (seen.has(key)) continue;
      if (bytes < 0) bytes = JSON.stringify(s).length;
      seen.set(key, { at: now, bytes });
      for (const w of waiters.filter((x) => x.key === key)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(now);
      }
    }
  });
  return {
    when: (pollId: string, status: SeenStatus) =>
      new Promise<number>((resolve) => {
        const key = `${pollId}/${status}`;
        const hit = seen.get(key);
        if (hit) resolve(hit.at);
        else waiters.push({ key, resolve });
      }),
    bytes: (pollId: string, status: SeenStatus) => seen.get(`${pollId}/${status}`)?.bytes ?? 0,
  };
}

interface Side {
  kind: Kind;
  members: number;
  connectMs: number;
  cycles: CycleResult[];
  cycle(round: number, sizes: SessionSizes | null): Promise<CycleResult>;
  stats(): Promise<Extract<FromServer, { type: 'stats' }>>;
  stop(): Promise<void>;
}

async function startSide(kind: Kind, members: number, votes: number, workerCount: number, profile: boolean): Promise<Side> {
  const server = startChild('serverProcess.ts', [kind === 'baseline' ? 'session-baseline' : 'handzeichen'], profile && kind === 'handzeichen' ? ['--cpu-prof', '--cpu-prof-dir=bench/results/profiles'] : []);
  const workers: ChildProcess[] = [];
  const sockets: Socket[] = [];
  const stop = async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : (w.once('exit', r), w.send({ type: 'close' } satisfies ToWorker))))));
    await new Promise((r) => (server.exitCode !== null ? r(null) : (server.once('exit', r), server.send({ type: 'stop' } satisfies ToServer))));
  };
  try {
    const { port } = await nextMessage<FromServer, 'ready'>(server, 'ready', WAIT_MS);
    const url = `http://127.0.0.1:${port}`;
    let tokens: string[];
    let chairToken = BASELINE_CHAIR;
    let displayToken = BASELINE_DISPLAY;
    if (kind === 'handzeichen') {
      const meeting = await createBenchMeeting(url, members, votes);
      tokens = meeting.members.map((m) => tokenOf(m.joinUrl));
      chairToken = tokenOf(meeting.chairUrl);
      displayToken = tokenOf(meeting.displayUrl);
    } else tokens = Array.from({ length: members }, (_, i) => `baseline-${i}`);
    const chair = await connectRole(url, chairToken);
    const display = await connectRole(url, displayToken);
    sockets.push(chair, display);
    const chairSeen = watchSnapshots(chair);
    const displaySeen = watchSnapshots(display);

    for (let i = 0; i < Math.min(workerCount, members); i++) workers.push(startChild('memberWorker.ts', []));
    await Promise.all(workers.map((w) => nextMessage<FromWorker, 'ready'>(w, 'ready', WAIT_MS)));
    for (const w of workers) w.send({ type: 'autoVote', on: true } satisfies ToWorker);
    const connectStart = performance.now();
    const connected = await allWithin<Extract<FromWorker, { type: 'connected' }>>(
      workers,
      split(tokens, workers.length).map((t) => ({ type: 'connect', url, tokens: t, waitForSnapshot: true })),
      'connected',
      WAIT_MS + 30 * members,
    );
    const connectMs = performance.now() - connectStart;
    const connectFailures = connected.reduce((s, c) => s + c.failures, 0);
    if (connectFailures > 0) throw new Error(`${kind}: ${connectFailures} members could not connect: ${connected.find((c) => c.firstError)?.firstError}`);

    const tablets = (pollId: string, status: SeenStatus) =>
      all<Extract<FromWorker, { type: 'statusSeen' }>>(workers, workers.map(() => ({ type: 'awaitStatus', pollId, status })), 'statusSeen');
    const cycles: CycleResult[] = [];
    return {
      kind,
      members,
      connectMs,
      cycles,
      stop,
      stats: () => serverStats(server),
      async cycle(round, sizes) {
        const cpuBefore = await serverStats(server);
        const openAt = wallNow();
        // Item ids follow agenda order: vote r is on item `i<r>`.
        const { pollId } = await call<{ pollId: string }>(chair, 'poll:open', kind === 'handzeichen' ? { itemId: `i${round}` } : { itemId: `i${round}`, sizes });
        const [opened, voted] = await Promise.all([
          tablets(pollId, 'open'),
          all<Extract<FromWorker, { type: 'votesDone' }>>(workers, workers.map(() => ({ type: 'awaitVotes', pollId })), 'votesDone'),
        ]);
        const failures = voted.reduce((s, v) => s + v.failures, 0);
        if (failures > 0 && cycles.every((c) => c.failures === 0)) console.error(`  ${kind} vote ${round}: ${failures} ballots failed: ${voted.find((v) => v.firstError)?.firstError}`);
        await call(chair, 'poll:close', { pollId });
        const closedSeen = tablets(pollId, 'closed');
        // The chair reads the result on the console before announcing it.
        await chairSeen.when(pollId, 'closed');
        const publishAt = wallNow();
        await call(chair, 'poll:publish', { pollId });
        const shownAt = await displaySeen.when(pollId, 'published');
        const [closed, published] = await Promise.all([closedSeen, tablets(pollId, 'published')]);
        const cpuAfter = await serverStats(server);
        const memberBytes = (replies: { snapshotBytes: number }[]) => replies[0]?.snapshotBytes ?? 0;
        const result: CycleResult = {
          cpuMs: (cpuAfter.cpuMicros - cpuBefore.cpuMicros) / 1000,
          cycleMs: shownAt - openAt,
          openToAllMs: Math.max(...opened.map((x) => x.lastSeenAt)) - openAt,
          lastAckMs: Math.max(...voted.map((v) => v.lastAckAt)) - openAt,
          publishToDisplayMs: shownAt - publishAt,
          publishToAllMs: Math.max(...published.map((x) => x.lastSeenAt)) - publishAt,
          failures,
          sizes: Object.fromEntries(
            (['open', 'closed', 'published'] as const).map((st) => [
              st,
              {
                member: memberBytes(st === 'open' ? opened : st === 'closed' ? closed : published),
                chair: chairSeen.bytes(pollId, st),
                display: displaySeen.bytes(pollId, st),
              },
            ]),
          ) as SessionSizes,
        };
        cycles.push(result);
        return result;
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function summarizeSide(side: Side, rssMB: number): SideResult {
  const pick = (f: (c: CycleResult) => number) => summarize(side.cycles.map(f));
  const cpu = side.cycles.map((c) => c.cpuMs);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const meanSize = (st: SeenStatus) => ({
    member: Math.round(mean(side.cycles.map((c) => c.sizes[st].member))),
    chair: Math.round(mean(side.cycles.map((c) => c.sizes[st].chair))),
    display: Math.round(mean(side.cycles.map((c) => c.sizes[st].display))),
  });
  const cpuSummary = summarize(cpu);
  return {
    kind: side.kind,
    members: side.members,
    connectMs: side.connectMs,
    cpuMsPerCycle: { mean: mean(cpu), p50: cpuSummary.p50, p99: cpuSummary.p99 },
    cycle: pick((c) => c.cycleMs),
    openToAll: pick((c) => c.openToAllMs),
    lastAck: pick((c) => c.lastAckMs),
    publishToDisplay: pick((c) => c.publishToDisplayMs),
    publishToAll: pick((c) => c.publishToAllMs),
    failures: side.cycles.reduce((s, c) => s + c.failures, 0),
    rssMB,
    meanSnapshotBytes: { open: meanSize('open'), closed: meanSize('closed'), published: meanSize('published') },
    cycles: side.cycles.map(({ sizes: _, ...rest }) => rest),
  };
}

/**
 * Both servers stay up with their members connected; each vote runs first on Handzeichen, then
 * on the baseline with the payload sizes Handzeichen just sent, so load from other work on a
 * shared machine hits both alike.
 */
export async function runVotingSession(opts: {
  members: number;
  votes: number;
  workers: number;
  profile: boolean;
  /** Called every 25 votes with the figures so far: a long run that is stopped still leaves them. */
  onCheckpoint?: (soFar: SessionResult) => void;
}): Promise<SessionResult> {
  const started = performance.now();
  const sides: Side[] = [];
  try {
    const hz = await startSide('handzeichen', opts.members, opts.votes, opts.workers, opts.profile);
    sides.push(hz);
    const base = await startSide('baseline', opts.members, opts.votes, opts.workers, false);
    sides.push(base);
    const soFar = async (): Promise<SessionResult> => {
      const results: SideResult[] = [];
      for (const s of sides) results.push(summarizeSide(s, (await s.stats()).rss / 2 ** 20));
      const [h, b] = [results.find((r) => r.kind === 'handzeichen')!, results.find((r) => r.kind === 'baseline')!];
      return { members: opts.members, votes: hz.cycles.length, totalSeconds: (performance.now() - started) / 1000, sides: results, cpuRatio: h.cpuMsPerCycle.mean / b.cpuMsPerCycle.mean };
    };
    for (let round = 1; round <= opts.votes; round++) {
      const measured = await hz.cycle(round, null);
      await base.cycle(round, measured.sizes);
      if (round % 25 === 0 && round < opts.votes) {
        const last = (s: Side) => s.cycles.slice(-25);
        const cpu = (s: Side) => last(s).reduce((sum, c) => sum + c.cpuMs, 0) / last(s).length;
        console.log(`  vote ${round}/${opts.votes}: CPU/cycle (last ${last(hz).length}) handzeichen ${cpu(hz).toFixed(1)} ms, baseline ${cpu(base).toFixed(1)} ms`);
        opts.onCheckpoint?.(await soFar());
      }
    }
    return await soFar();
  } finally {
    for (const s of sides) await s.stop();
  }
}

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

export function sessionTable(r: SessionResult): string {
  const head = ['server', 'CPU/cycle mean (p50/p99)', 'CPU ratio', 'cycle p50 / p99 / max', 'open→all tablets p50 / p99', 'open→last ack p99', 'publish→display p50 / p99', 'publish→all tablets p99', 'tablet snapshot open/closed/published', 'RSS', 'failed'];
  const rows = r.sides.map((s) => [
    s.kind,
    `${fmt(s.cpuMsPerCycle.mean)} ms (${fmt(s.cpuMsPerCycle.p50)} / ${fmt(s.cpuMsPerCycle.p99)})`,
    s.kind === 'handzeichen' ? `${fmt(r.cpuRatio, 2)}×` : '',
    `${fmt(s.cycle.p50, 0)} / ${fmt(s.cycle.p99, 0)} / ${fmt(s.cycle.max, 0)} ms`,
    `${fmt(s.openToAll.p50, 0)} / ${fmt(s.openToAll.p99, 0)} ms`,
    `${fmt(s.lastAck.p99, 0)} ms`,
    `${fmt(s.publishToDisplay.p50)} / ${fmt(s.publishToDisplay.p99)} ms`,
    `${fmt(s.publishToAll.p99, 0)} ms`,
    `${fmt(s.meanSnapshotBytes.open.member / 1024)} / ${fmt(s.meanSnapshotBytes.closed.member / 1024)} / ${fmt(s.meanSnapshotBytes.published.member / 1024)} KB`,
    `${fmt(s.rssMB, 0)} MB`,
    String(s.failures),
  ]);
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
