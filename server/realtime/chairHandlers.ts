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

const CHAIR = ['chair'] as const;

export function registerChairHandlers(socket: AppSocket, service: MeetingService, log: Logger): void {
  handle(socket, log, 'item:select', CHAIR, SelectItem, (input, p) => service.selectItem(p.meetingId, input.itemId));
  handle(socket, log, 'poll:open', CHAIR, OpenPoll, (input, p) => service.openPoll(p.meetingId, input));
  handle(socket, log, 'poll:close', CHAIR, PollRef, (input, p) => service.closePoll(p.meetingId, input.pollId));
  handle(socket, log, 'poll:publish', CHAIR, PollRef, (input, p) => service.publishPoll(p.meetingId, input.pollId));
  handle(socket, log, 'attendance:set', CHAIR, SetAttendance, (input, p) =>
    service.setAttendance(p.meetingId, input.memberId, input.present, 'chair'),
  );
  handle(socket, log, 'exclusion:set', CHAIR, SetExclusion, (input, p) => service.setExclusion(p.meetingId, input));
  handle(socket, log, 'quorum:challenge', CHAIR, ChallengeQuorum, (_, p) => service.challengeQuorum(p.meetingId));
  handle(socket, log, 'poll:handCount', CHAIR, HandCount, (input, p) => service.recordHandCount(p.meetingId, input));
  handle(socket, log, 'poll:invalidate', CHAIR, InvalidatePoll, (input, p) => service.invalidatePoll(p.meetingId, input.pollId, input.repeat));
  handle(socket, log, 'item:decisionKind', CHAIR, SetDecisionKind, (input, p) => service.setDecisionKind(p.meetingId, input.itemId, input.kind));
  handle(socket, log, 'motion:add', CHAIR, AddAmendment, (input, p) => service.addAmendment(p.meetingId, input));
  handle(socket, log, 'motion:move', CHAIR, MoveAmendment, (input, p) => service.moveAmendment(p.meetingId, input));
  handle(socket, log, 'motion:remove', CHAIR, RemoveAmendment, (input, p) => service.removeAmendment(p.meetingId, input.motionId));
}
