import { createServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { SeenStatus } from './protocol.ts';

/**
 * The voting-session scenario's baseline: a bare Socket.IO server that sends the messages
 * Handzeichen sends in a vote cycle — a snapshot to every tablet, the chair and the display on
 * open, close and publish, an ack per ballot, coalesced progress to chair and display at the
 * same rates (tablets get none) — with payloads of the sizes Handzeichen's snapshots had in the same cycle,
 * but none of its work: no validation, no rules, no storage, no projection per role.
 */

export interface RoleSizes {
  member: number;
  chair: number;
  display: number;
}
/** Serialized snapshot sizes per poll state, as measured on Handzeichen in the same cycle. */
export type SessionSizes = Record<SeenStatus, RoleSizes>;

/** The same throttle as server/realtime/broadcaster.ts. */
const CHAIR_VOTED_LIST_INTERVAL_MS = 250;

export const BASELINE_CHAIR = 'baseline-chair';
export const BASELINE_DISPLAY = 'baseline-display';

interface Poll {
  id: string;
  status: SeenStatus;
  castCount: number;
  voted: Set<string>;
  sizes: SessionSizes;
}

export async function startSessionBaseline(): Promise<{ port: number; close(): Promise<void> }> {
  const http = createServer();
  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024, perMessageDeflate: false, transports: ['websocket'] });
  const members = new Set<Socket>();
  let chair: Socket | undefined;
  let display: Socket | undefined;
  let poll: Poll | null = null;
  let polls = 0;
  const pads = new Map<number, string>();

  /** A snapshot-shaped payload of `bytes` serialized bytes: the poll as the tablets read it, plus filler. */
  const snapshot = (role: keyof RoleSizes, who: string) => {
    const body = {
      role,
      polls: poll ? [{ id: poll.id, status: poll.status, castCount: poll.castCount, eligibleCount: members.size }] : [],
      self: role === 'member' ? { memberId: who } : null,
      serverTime: new Date().toISOString(),
      pad: '',
    };
    const target = poll ? poll.sizes[poll.status][role] : 1_000;
    const missing = Math.max(0, target - JSON.stringify(body).length);
    let pad = pads.get(missing);
    if (pad === undefined) pads.set(missing, (pad = 'x'.repeat(missing)));
    body.pad = pad;
    return body;
  };
  const pushSnapshots = () => {
    chair?.emit('meeting:snapshot', snapshot('chair', 'chair'));
    display?.emit('meeting:snapshot', snapshot('display', 'display'));
    for (const m of members) m.emit('meeting:snapshot', snapshot('member', m.data.token as string));
  };

  // Progress, coalesced per event-loop turn like Handzeichen's broadcaster.
  let scheduled = false;
  let votedListSentAt = -Infinity;
  let votedListTimer: NodeJS.Timeout | undefined;
  const counts = (p: Poll) => ({ pollId: p.id, castCount: p.castCount, eligibleCount: members.size });
  const pushVotedList = () => {
    votedListTimer = undefined;
    if (!poll) return;
    votedListSentAt = performance.now();
    chair?.emit('poll:progress', { ...counts(poll), votedMemberIds: [...poll.voted] });
  };
  const flush = () => {
    scheduled = false;
    if (!poll) return;
    display?.emit('poll:progress', counts(poll));
    const wait = votedListSentAt + CHAIR_VOTED_LIST_INTERVAL_MS - performance.now();
    if (wait <= 0) pushVotedList();
    else {
      chair?.emit('poll:progress', counts(poll));
      votedListTimer ??= setTimeout(pushVotedList, wait).unref();
    }
  };

  io.on('connection', (socket) => {
    const token = String((socket.handshake.auth as { token?: unknown }).token);
    socket.data.token = token;
    if (token === BASELINE_CHAIR) chair = socket;
    else if (token === BASELINE_DISPLAY) display = socket;
    else {
      members.add(socket);
      socket.on('disconnect', () => members.delete(socket));
    }
    socket.on('attendance:self', (_: unknown, ack: (r: unknown) => void) => ack({ ok: true, data: null }));
    socket.on('ballot:cast', (input: { pollId: string; choice: string; ballotId: string }, ack: (r: unknown) => void) => {
      if (poll?.id === input.pollId && poll.status === 'open') {
        poll.castCount += poll.voted.has(token) ? 0 : 1;
        poll.voted.add(token);
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      }
      ack({ ok: true, data: { pollId: input.pollId, choice: input.choice, ballotId: input.ballotId } });
    });
    socket.on('poll:open', (input: { itemId: string; sizes: SessionSizes }, ack: (r: unknown) => void) => {
      poll = { id: `bp${++polls}`, status: 'open', castCount: 0, voted: new Set(), sizes: input.sizes };
      // Sizes change every vote: keep only this vote's fillers, or the baseline's heap grows all session.
      pads.clear();
      votedListSentAt = -Infinity;
      // Like Handzeichen: the chair's ack first, the snapshots on the next turn.
      ack({ ok: true, data: { pollId: poll.id } });
      setImmediate(pushSnapshots);
    });
    for (const [event, status] of [
      ['poll:close', 'closed'],
      ['poll:publish', 'published'],
    ] as const) {
      socket.on(event, (_: { pollId: string }, ack: (r: unknown) => void) => {
        if (poll) poll.status = status;
        clearTimeout(votedListTimer);
        votedListTimer = undefined;
        ack({ ok: true, data: null });
        setImmediate(pushSnapshots);
      });
    }
    socket.emit('meeting:snapshot', snapshot(token === BASELINE_CHAIR ? 'chair' : token === BASELINE_DISPLAY ? 'display' : 'member', token));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const port = (http.address() as { port: number }).port;
  return { port, close: () => new Promise((r) => io.close(() => r())) };
}
