import { CastBallot, SetOwnAttendance } from '../../shared/protocol/commands.ts';
import type { Logger } from '../logger.ts';
import type { MeetingService } from '../meetings/meetingService.ts';
import { handle } from './handle.ts';
import type { AppSocket } from './types.ts';

export function registerMemberHandlers(socket: AppSocket, service: MeetingService, log: Logger): void {
  handle(socket, log, 'ballot:cast', CastBallot, (input, p) =>
    // The member id comes from the token, never from the payload: a tablet votes only for itself.
    service.castBallot(p.meetingId, p.role === 'member' ? p.memberId : '', input),
  );
  handle(socket, log, 'attendance:self', SetOwnAttendance, async (input, p) => {
    const memberId = p.role === 'member' ? p.memberId : '';
    const done = await service.setAttendance(p.meetingId, memberId, input.present, 'self');
    return done.ok ? service.memberSelf(p.meetingId, memberId) : done;
  });
}
