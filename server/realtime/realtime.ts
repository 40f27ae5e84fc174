import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { snapshotFor, type Viewer } from '../../shared/meeting/project.ts';
import type { Logger } from '../logger.ts';
import type { MeetingService } from '../meetings/meetingService.ts';
import type { TokenStore } from '../storage/tokenStore.ts';
import { Broadcaster } from './broadcaster.ts';
import { registerChairHandlers } from './chairHandlers.ts';
import { guardSocket } from './guard.ts';
import { registerLinkHandlers } from './linkHandlers.ts';
import { registerMemberHandlers } from './memberHandlers.ts';
import { RateLimiter } from './rateLimit.ts';
import { rooms, type AppServer } from './types.ts';

export interface RealtimeDeps {
  service: MeetingService;
  tokens: TokenStore;
  log: Logger;
  publicUrl?: string;
}

/** A person taps a few times a second at most; a burst of 20 covers changing one's mind. */
const MEMBER_BURST = 20;
const MEMBER_PER_SECOND = 5;

export function attachRealtime(httpServer: HttpServer, { service, tokens, log, publicUrl }: RealtimeDeps): AppServer {
  const io: AppServer = new Server(httpServer, {
    serveClient: false,
    // Votes and snapshots are small; a bigger frame is an attack, not a meeting.
    maxHttpBufferSize: 64 * 1024,
    perMessageDeflate: false,
  });
  service.subscribe(new Broadcaster(io, service));
  const limiter = new RateLimiter(MEMBER_BURST, MEMBER_PER_SECOND);

  // Authentication: the token in the handshake decides role, meeting and member.
  io.use((socket, next) => {
    const principal = tokens.resolve((socket.handshake.auth as { token?: unknown } | undefined)?.token);
    if (!principal || !service.get(principal.meetingId)) return next(new Error('unauthorized'));
    socket.data.principal = principal;
    next();
  });

  io.on('connection', (socket) => {
    const p = socket.data.principal;
    const state = service.get(p.meetingId)!;
    let viewer: Viewer;
    if (p.role === 'member') {
      viewer = { role: 'member', memberId: p.memberId };
      void socket.join([rooms.members(p.meetingId), rooms.member(p.meetingId, p.memberId)]);
    } else {
      viewer = { role: p.role };
      void socket.join(p.role === 'chair' ? rooms.chair(p.meetingId) : rooms.display(p.meetingId));
    }
    guardSocket(socket, limiter, log);
    registerMemberHandlers(socket, service, log);
    registerChairHandlers(socket, service, log);
    registerLinkHandlers(io, socket, { service, tokens, log, publicUrl });
    // Every (re)connect starts from a full snapshot: nothing missed while away matters.
    socket.emit('meeting:snapshot', snapshotFor(state, viewer, new Date().toISOString()));
  });
  return io;
}
