import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Viewer } from '../../shared/meeting/project.ts';
import type { Logger } from '../logger.ts';
import type { MeetingService } from '../meetings/meetingService.ts';
import type { TokenStorage } from '../storage/storage.ts';
import { Broadcaster } from './broadcaster.ts';
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

export function attachRealtime(httpServer: HttpServer, { service, elections, tokens, log, publicUrl }: RealtimeDeps): AppServer {
  const io: AppServer = new Server(httpServer, {
    serveClient: false,
    // Votes and snapshots are small; a bigger frame is an attack, not a meeting.
    maxHttpBufferSize: 64 * 1024,
    perMessageDeflate: false,
  });
  const broadcaster = new Broadcaster(io, service);
  service.subscribe(broadcaster);
  const limiters: RoleLimiters = {
    member: new RateLimiter(...LIMITS.member),
    chair: new RateLimiter(...LIMITS.chair),
    display: new RateLimiter(...LIMITS.display),
  };

  // Authentication: the token in the handshake decides role, meeting and member.
  io.use(async (socket, next) => {
    const principal = await tokens.resolve((socket.handshake.auth as { token?: unknown } | undefined)?.token);
    if (!principal || !(await service.open(principal.meetingId))) return next(new Error('unauthorized'));
    socket.data.principal = principal;
    next();
  });

  io.on('connection', (socket) => {
    const p = socket.data.principal;
    // Opened by the handshake above. Gone only while a failed commit has it read again: the
    // snapshot then follows to every device of the meeting, this one included.
    const state = service.get(p.meetingId);
    let viewer: Viewer;
    if (p.role === 'member') {
      viewer = { role: 'member', memberId: p.memberId };
      void socket.join([rooms.members(p.meetingId), rooms.member(p.meetingId, p.memberId)]);
    } else {
      viewer = { role: p.role };
      void socket.join(p.role === 'chair' ? rooms.chair(p.meetingId) : rooms.display(p.meetingId));
    }
    // Refusals are logged per connection, and only so many a minute.
    const connLog = connectionLog(log, { socket: socket.id });
    socket.on('disconnect', () => connLog.close());
    guardSocket(socket, limiters, connLog);
    registerMemberHandlers(socket, service, connLog);
    registerChairHandlers(socket, service, connLog);
    registerRecordHandlers(socket, service, connLog);
    registerElectionHandlers(socket, elections, connLog);
    registerLinkHandlers(io, socket, { service, tokens, log: connLog, publicUrl });
    // Every (re)connect starts from a full snapshot: nothing missed while away matters.
    if (state) socket.emit('meeting:snapshot', broadcaster.snapshot(p.meetingId, state, viewer));
  });
  return io;
}
