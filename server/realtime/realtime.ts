import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Viewer } from '../../shared/meeting/project.ts';
import type { Logger } from '../logger.ts';
import type { MeetingService } from '../meetings/meetingService.ts';
import type { TokenStorage } from '../storage/storage.ts';
import type { Principal } from '../storage/tokenStore.ts';
import type { MeetingRouter } from '../cluster/meetingRouter.ts';
import { preEncodingParser } from './preEncoded.ts';
import { Broadcaster, clusterDevices } from './broadcaster.ts';
import { registerChairHandlers } from './chairHandlers.ts';
import { registerElectionHandlers } from './electionHandlers.ts';
import type { ElectionService } from '../meetings/electionService.ts';
import { guardSocket, type RoleLimiters } from './guard.ts';
import { registerLinkHandlers } from './linkHandlers.ts';
import { registerMemberHandlers } from './memberHandlers.ts';
import { registerRecordHandlers } from './recordHandlers.ts';
import { RateLimiter } from './rateLimit.ts';
import { connectionLog } from './refusalLog.ts';
import { rooms, type AppServer } from './types.ts';

export interface RealtimeDeps {
  service: MeetingService;
  elections: ElectionService;
  tokens: TokenStorage;
  log: Logger;
  publicUrl?: string;
  /**
   * In a cluster: where each meeting lives, and the services as the sockets' handlers use them
   * (their commands run on the meeting's owner). The broadcaster keeps the local service: only
   * the owner's state changes, and the Redis adapter carries its pushes to every node.
   */
  cluster?: {
    router: MeetingRouter;
    commands: { service: MeetingService; elections: ElectionService };
    /** Asks the owner to send a device connected here its first snapshot. */
    requestSnapshot(meetingId: string, socketId: string, viewer: Viewer): Promise<void>;
  };
}

export interface Realtime {
  io: AppServer;
  /** Sends one socket (on any node) the snapshot it starts from; false if the meeting is not in memory here. */
  snapshotTo(meetingId: string, socketId: string, viewer: Viewer): boolean;
  /** Closes the Socket.IO server; nothing is pushed afterwards. */
  close(): Promise<void>;
}

/**
 * Token buckets (burst, then per second). A person taps a few times a second at most; a burst
 * of 20 covers changing one's mind. The chair clicks faster while checking members in by hand,
 * and a script on the chair's token is still bounded. The display only listens: whatever it
 * sends is refused anyway, so a small budget.
 */
const LIMITS = {
  member: [20, 5],
  chair: [60, 20],
  display: [10, 1],
} as const;

export function attachRealtime(httpServer: HttpServer, { service, elections, tokens, log, publicUrl, cluster }: RealtimeDeps): Realtime {
  const io: AppServer = new Server(httpServer, {
    serveClient: false,
    // Votes and snapshots are small; a bigger frame is an attack, not a meeting.
    maxHttpBufferSize: 64 * 1024,
    perMessageDeflate: false,
    // Writes snapshots serialized once for many tablets as they are (preEncoded.ts).
    parser: preEncodingParser,
  });
  const broadcaster = new Broadcaster(io, service, undefined, cluster ? clusterDevices(io) : undefined);
  const commands = cluster?.commands ?? { service, elections };
  /** Whether the meeting can be served; a meeting this node serves is in memory afterwards. */
  const available = async (meetingId: string) => {
    if (cluster && (await cluster.router.whereIs(meetingId)) !== 'local') return true;
    return (await service.open(meetingId)) !== undefined;
  };
  service.subscribe(broadcaster);
  const limiters: RoleLimiters = {
    member: new RateLimiter(...LIMITS.member),
    chair: new RateLimiter(...LIMITS.chair),
    display: new RateLimiter(...LIMITS.display),
  };

  // Authentication: the token in the handshake decides role, meeting and member.
  io.use(async (socket, next) => {
    let principal: Principal | undefined;
    try {
      principal = await tokens.resolve((socket.handshake.auth as { token?: unknown } | undefined)?.token);
      if (!principal || !(await available(principal.meetingId))) return next(new Error('unauthorized'));
    } catch (error) {
      // The database or the meeting's owner is out of reach: the device tries again shortly.
      log.error('handshake failed', { error: String(error) });
      return next(new Error('unavailable'));
    }
    socket.data.principal = principal;
    next();
  });

  io.on('connection', (socket) => {
    const p = socket.data.principal;
    let viewer: Viewer;
    if (p.role === 'member') {
      viewer = { role: 'member', memberId: p.memberId };
      void socket.join(rooms.member(p.meetingId, p.memberId));
    } else {
      viewer = { role: p.role };
      void socket.join(p.role === 'chair' ? rooms.chair(p.meetingId) : rooms.display(p.meetingId));
    }
    // Refusals are logged per connection, and only so many a minute.
    const connLog = connectionLog(log, { socket: socket.id });
    socket.on('disconnect', () => connLog.close());
    guardSocket(socket, limiters, connLog);
    registerMemberHandlers(socket, commands.service, connLog);
    registerChairHandlers(socket, commands.service, connLog);
    registerRecordHandlers(socket, commands.service, connLog);
    registerElectionHandlers(socket, commands.elections, connLog);
    registerLinkHandlers(io, socket, { service: commands.service, tokens, log: connLog, publicUrl });
    // Every (re)connect starts from a full snapshot: nothing missed while away matters.
    // In memory when this node serves the meeting (opened by the handshake; gone only while a
    // failed commit has it read again, and then a snapshot follows to every device anyway).
    // Else the owner sends it, through the adapter, in order with its later pushes.
    if (!snapshotTo(p.meetingId, socket.id, viewer) && cluster) {
      cluster.requestSnapshot(p.meetingId, socket.id, viewer).catch((error: unknown) => {
        connLog.error('first snapshot failed', { error: String(error) });
        socket.disconnect(true);
      });
    }
  });

  function snapshotTo(meetingId: string, socketId: string, viewer: Viewer): boolean {
    const state = service.get(meetingId);
    if (!state) return false;
    io.to(socketId).emit('meeting:snapshot', broadcaster.snapshot(meetingId, state, viewer));
    return true;
  }
  return {
    io,
    snapshotTo,
    close: () => {
      broadcaster.stop();
      return new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
