import { io, type Socket } from 'socket.io-client';
import type { FromWorker, SeenStatus, ToWorker } from './protocol.ts';
import { wallNow } from './stats.ts';

/**
 * One of several member-simulating processes: holds real socket.io-client connections, one per
 * member, and on command casts one ballot per member in a single burst, timing each ack.
 */

interface Member {
  socket: Socket;
  /** The open poll this tablet last saw in a snapshot, and when. */
  openPollId: string | null;
  openSeenAt: number;
  /** Session scenario: pollId → status → when this tablet's snapshot first showed it. */
  seen: Map<string, Map<SeenStatus, number>>;
  /** Session scenario: polls this tablet has already voted in. */
  votedIn: Set<string>;
}

/** Session scenario: per poll, the acks this worker's members received. */
interface PollVotes {
  acks: number;
  failures: number;
  firstError: string | null;
  lastAckAt: number;
}
const pollVotes = new Map<string, PollVotes>();
let autoVote = false;
/** Serialized size of the first member's snapshot per poll and status: the baseline sends as much. */
const snapshotBytes = new Map<string, number>();
const STATUS_ORDER: SeenStatus[] = ['open', 'closed', 'published'];

/** Handshakes in flight per worker; all workers together stay below the server's listen backlog (511). */
const CONNECT_CONCURRENCY = 64;
/** How long a connected member waits for its first snapshot before it counts as failed. */
const SNAPSHOT_WAIT_MS = 90_000;
const CHOICES = ['yes', 'no', 'abstain'] as const;
let members: Member[] = [];

const send = (m: FromWorker): void => void process.send!(m);

/** What a member does after connecting and before it may vote: check in ("Anwesend"). */
async function becomeEligible(member: Member): Promise<void> {
  const result = (await member.socket.timeout(120_000).emitWithAck('attendance:self', { present: true })) as { ok: boolean; error?: unknown };
  if (!result.ok) throw new Error(`check-in refused: ${JSON.stringify(result.error)}`);
}

function connectOne(url: string, token: string, waitForSnapshot: boolean): Promise<Member> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 60_000 });
    const member: Member = { socket, openPollId: null, openSeenAt: 0, seen: new Map(), votedIn: new Set() };
    const first = pendingFirst;
    pendingFirst = false;
    socket.on('meeting:snapshot', (s: { polls: { id: string; status: string }[] }) => {
      const now = wallNow();
      const open = s.polls.find((p) => p.status === 'open');
      if (open && open.id !== member.openPollId) {
        member.openPollId = open.id;
        member.openSeenAt = now;
      }
      if (autoVote) sessionSnapshot(member, s, now, first);
      if (waitForSnapshot) resolve(member);
    });
    socket.once('connect_error', (e) => reject(e));
    if (!waitForSnapshot) socket.once('connect', () => resolve(member));
    // A first snapshot that never comes is a failure to count, not a connect phase that never ends.
    else {
      const timer = setTimeout(() => reject(new Error(`no snapshot ${SNAPSHOT_WAIT_MS / 1000} s after connecting (connected: ${socket.connected})`)), SNAPSHOT_WAIT_MS);
      socket.once('meeting:snapshot', () => clearTimeout(timer));
    }
  });
}

let pendingFirst = true;

/**
 * Session scenario: note when this tablet first saw each poll's state, and vote as soon as
 * the buttons would be there, like a member who waits for them.
 */
function sessionSnapshot(member: Member, s: { polls: { id: string; status: string }[] }, now: number, measureBytes: boolean): void {
  for (const p of s.polls) {
    if (!STATUS_ORDER.includes(p.status as SeenStatus)) continue;
    let byStatus = member.seen.get(p.id);
    if (!byStatus) member.seen.set(p.id, (byStatus = new Map()));
    if (byStatus.has(p.status as SeenStatus)) continue;
    byStatus.set(p.status as SeenStatus, now);
    if (measureBytes) snapshotBytes.set(`${p.id}/${p.status}`, JSON.stringify(s).length);
    if (p.status === 'open' && !member.votedIn.has(p.id)) castInSession(member, p.id);
  }
}

function castInSession(member: Member, pollId: string): void {
  member.votedIn.add(pollId);
  const index = members.indexOf(member);
  let votes = pollVotes.get(pollId);
  if (!votes) pollVotes.set(pollId, (votes = { acks: 0, failures: 0, firstError: null, lastAckAt: 0 }));
  const v = votes;
  const ballot = { pollId, choice: CHOICES[(index + member.votedIn.size) % 3], ballotId: `s-${process.pid}-${index}-${pollId}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) };
  member.socket.timeout(120_000).emit('ballot:cast', ballot, (error: unknown, result: { ok: boolean; error?: unknown }) => {
    if (error || !result?.ok) {
      v.failures++;
      v.firstError ??= error ? String(error) : JSON.stringify(result);
    } else {
      v.acks++;
      v.lastAckAt = Math.max(v.lastAckAt, wallNow());
    }
  });
}

/** Polls until the condition holds; 2 ms steps keep the worker's own cost small next to the servers'. */
function when(condition: () => boolean, then: () => void): void {
  const check = () => (condition() ? then() : setTimeout(check, 2));
  check();
}

function awaitStatus(pollId: string, status: SeenStatus): void {
  const later = STATUS_ORDER.slice(STATUS_ORDER.indexOf(status));
  const seenAt = (m: Member) => {
    const byStatus = m.seen.get(pollId);
    const times = later.flatMap((st) => (byStatus?.has(st) ? [byStatus.get(st)!] : []));
    return times.length ? Math.min(...times) : null;
  };
  when(
    () => members.every((m) => seenAt(m) !== null),
    () =>
      send({
        type: 'statusSeen',
        pollId,
        status,
        lastSeenAt: Math.max(0, ...members.map((m) => seenAt(m)!)),
        snapshotBytes: snapshotBytes.get(`${pollId}/${status}`) ?? 0,
      }),
  );
}

function awaitVotes(pollId: string): void {
  const done = () => {
    const v = pollVotes.get(pollId);
    return v !== undefined && v.acks + v.failures >= members.length;
  };
  when(
    () => members.length === 0 || done(),
    () => {
      const v = pollVotes.get(pollId) ?? { acks: 0, failures: 0, firstError: null, lastAckAt: 0 };
      pollVotes.delete(pollId);
      send({ type: 'votesDone', pollId, ...v });
    },
  );
}

async function connectAll(url: string, tokens: string[], waitForSnapshot: boolean): Promise<void> {
  let next = 0;
  let failures = 0;
  let firstError: string | null = null;
  const connected: Member[] = [];
  const lane = async () => {
    while (next < tokens.length) {
      const token = tokens[next++]!;
      try {
        const m = await connectOne(url, token, waitForSnapshot);
        if (waitForSnapshot) await becomeEligible(m);
        connected.push(m);
      } catch (e) {
        failures++;
        firstError ??= String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, lane));
  members = connected;
  send({ type: 'connected', failures, firstError });
}

function awaitOpenPoll(pollId: string): void {
  const check = () => {
    if (members.every((m) => m.openPollId === pollId)) {
      send({ type: 'pollSeen', lastSeenAt: Math.max(0, ...members.map((m) => m.openSeenAt)) });
    } else setTimeout(check, 2);
  };
  check();
}

function awaitOpenPolls(pollIds: string[]): void {
  const wanted = new Set(pollIds);
  const check = () => {
    if (members.every((m) => m.openPollId !== null && wanted.has(m.openPollId))) {
      send({ type: 'pollSeen', lastSeenAt: Math.max(0, ...members.map((m) => m.openSeenAt)) });
    } else setTimeout(check, 2);
  };
  check();
}

function vote(pollId: string | null, round: number): void {
  const latencies: number[] = [];
  let pending = members.length;
  let failures = 0;
  let firstError: string | null = null;
  let lastAckAt = 0;
  const finish = () => send({ type: 'voted', latencies, lastAckAt, failures, firstError });
  if (pending === 0) return finish();
  members.forEach((m, i) => {
    const ballot = { pollId: pollId ?? m.openPollId ?? '', choice: CHOICES[i % 3], ballotId: `bench-${process.pid}-${round}-${i}` };
    const sentAt = performance.now();
    m.socket.timeout(120_000).emit('ballot:cast', ballot, (error: unknown, result: { ok: boolean; error?: { code: string } }) => {
      const now = performance.now();
      if (error || !result?.ok) {
        failures++;
        firstError ??= error ? String(error) : JSON.stringify(result);
      } else {
        latencies.push(now - sentAt);
        lastAckAt = Math.max(lastAckAt, performance.timeOrigin + now);
      }
      if (--pending === 0) finish();
    });
  });
}

process.on('message', (msg: ToWorker) => {
  try {
    if (msg.type === 'connect') void connectAll(msg.url, msg.tokens, msg.waitForSnapshot);
    else if (msg.type === 'awaitOpenPoll') awaitOpenPoll(msg.pollId);
    else if (msg.type === 'awaitOpenPolls') awaitOpenPolls(msg.pollIds);
    else if (msg.type === 'vote') vote(msg.pollId, msg.round);
    else if (msg.type === 'autoVote') autoVote = msg.on;
    else if (msg.type === 'awaitStatus') awaitStatus(msg.pollId, msg.status);
    else if (msg.type === 'awaitVotes') awaitVotes(msg.pollId);
    else if (msg.type === 'close') {
      for (const m of members) m.socket.disconnect();
      process.exit(0);
    }
  } catch (e) {
    send({ type: 'error', message: String(e) });
  }
});
send({ type: 'ready' });
