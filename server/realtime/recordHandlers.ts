import { RecordOwnVote, RecordVote, SetGroupWise } from '../../shared/protocol/commands.ts';
import type { Logger } from '../logger.ts';
import type { MeetingService } from '../meetings/meetingService.ts';
import { handle } from './handle.ts';
import type { AppSocket } from './types.ts';

/** What the minutes record beyond the counts: § 68 recorded votes, group-wise results. */
export function registerRecordHandlers(socket: AppSocket, service: MeetingService, log: Logger): void {
  handle(socket, log, 'record:own', RecordOwnVote, (input, p) =>
    // The member id comes from the token: a tablet asks only for its own vote.
    service.setRecordedVote(p.meetingId, input.pollId, p.role === 'member' ? p.memberId : '', input.recorded, 'self'),
  );
  handle(socket, log, 'record:set', RecordVote, (input, p) =>
    service.setRecordedVote(p.meetingId, input.pollId, input.memberId, input.recorded, 'chair'),
  );
  handle(socket, log, 'poll:groupWise', SetGroupWise, (input, p) => service.setGroupWise(p.meetingId, input.pollId, input.groupWise));
}
