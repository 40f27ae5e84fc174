import { ReissueLink } from '../../shared/protocol/commands.ts';
import type { Logger } from '../logger.ts';
import type { MeetingService } from '../meetings/meetingService.ts';
import { reissueMemberLink } from '../meetings/memberLinks.ts';
import type { TokenStorage } from '../storage/storage.ts';
import { handle } from './handle.ts';
import { rooms, type AppServer, type AppSocket } from './types.ts';

/** The chair re-issues a member's join link; the old tablet is disconnected at once. */
export function registerLinkHandlers(
  io: AppServer,
  socket: AppSocket,
  deps: { service: MeetingService; tokens: TokenStorage; log: Logger; publicUrl?: string },
): void {
  handle(socket, deps.log, 'member:reissueLink', ReissueLink, async (input, p) => {
    const result = await reissueMemberLink(deps.service, deps.tokens, p.meetingId, input.memberId, baseUrl(socket, deps.publicUrl));
    if (result.ok) {
      deps.log.info('member link re-issued', { meetingId: p.meetingId, memberId: input.memberId });
      io.in(rooms.member(p.meetingId, input.memberId)).disconnectSockets(true);
    }
    return result;
  });
}

function baseUrl(socket: AppSocket, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/$/, '');
  const proto = socket.handshake.secure ? 'https' : 'http';
  return `${proto}://${socket.handshake.headers.host ?? 'localhost'}`;
}
