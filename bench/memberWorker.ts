import { io, type Socket } from 'socket.io-client';
import type { FromWorker, ToWorker } from './protocol.ts';
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
}

/** Handshakes in flight per worker; all workers together stay below the server's listen backlog (511). */
const CONNECT_CONCURRENCY = 64;
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
    const member: Member = { socket, openPollId: null, openSeenAt: 0 };
    socket.on('meeting:snapshot', (s: { polls: { id: string; status: string }[] }) => {
      const open = s.polls.find((p) => p.status === 'open');
      if (open && open.id !== member.openPollId) {
        member.openPollId = open.id;
        member.openSeenAt = wallNow();
      }
      if (waitForSnapshot) resolve(member);
    });
    socket.once('connect_error', (e) => reject(e));
    if (!waitForSnapshot) socket.once('connect', () => resolve(member));
  });
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

function vote(pollId: string, round: number): void {
  const latencies: number[] = [];
  let pending = members.length;
  let failures = 0;
  let firstError: string | null = null;
  let lastAckAt = 0;
  const finish = () => send({ type: 'voted', latencies, lastAckAt, failures, firstError });
  if (pending === 0) return finish();
  members.forEach((m, i) => {
    const ballot = { pollId, choice: CHOICES[i % 3], ballotId: `bench-${process.pid}-${round}-${i}` };
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
    else if (msg.type === 'vote') vote(msg.pollId, msg.round);
    else if (msg.type === 'close') {
      for (const m of members) m.socket.disconnect();
      process.exit(0);
    }
  } catch (e) {
    send({ type: 'error', message: String(e) });
  }
});
send({ type: 'ready' });
