import {
  ChallengeQuorum,
  HandCount,
  InvalidatePoll,
  OpenPoll,
  PollRef,
  SelectItem,
  SetAttendance,
  SetDecisionKind,
  SetExclusion,
} from '../../shared/protocol/commands.ts';
import { AddAmendment, MoveAmendment, RemoveAmendment } from '../../shared/protocol/motionCommands.ts';
import type { Logger } from '../logger.ts';
import type { MeetingService } from '../meetings/meetingService.ts';
import { handle } from './handle.ts';
import type { AppSocket } from './types.ts';

export function registerChairHandlers(socket: AppSocket, service: MeetingService, log: Logger): void {
  handle(socket, log, 'item:select', SelectItem, (input, p) => service.selectItem(p.meetingId, input.itemId));
  handle(socket, log, 'poll:open', OpenPoll, (input, p) => service.openPoll(p.meetingId, input));
  handle(socket, log, 'poll:close', PollRef, (input, p) => service.closePoll(p.meetingId, input.pollId));
  handle(socket, log, 'poll:publish', PollRef, (input, p) => service.publishPoll(p.meetingId, input.pollId));
  handle(socket, log, 'attendance:set', SetAttendance, (input, p) =>
    service.setAttendance(p.meetingId, input.memberId, input.present, 'chair'),
  );
  handle(socket, log, 'exclusion:set', SetExclusion, (input, p) => service.setExclusion(p.meetingId, input));
  handle(socket, log, 'quorum:challenge', ChallengeQuorum, (_, p) => service.challengeQuorum(p.meetingId));
  handle(socket, log, 'poll:handCount', HandCount, (input, p) => service.recordHandCount(p.meetingId, input));
  handle(socket, log, 'poll:invalidate', InvalidatePoll, (input, p) => service.invalidatePoll(p.meetingId, input.pollId, input.repeat));
  handle(socket, log, 'item:decisionKind', SetDecisionKind, (input, p) => service.setDecisionKind(p.meetingId, input.itemId, input.kind));
  handle(socket, log, 'motion:add', AddAmendment, (input, p) => service.addAmendment(p.meetingId, input));
  handle(socket, log, 'motion:move', MoveAmendment, (input, p) => service.moveAmendment(p.meetingId, input));
  handle(socket, log, 'motion:remove', RemoveAmendment, (input, p) => service.removeAmendment(p.meetingId, input.motionId));
}
