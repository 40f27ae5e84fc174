import { AddCandidate, DemandSecret, DrawLot, ElectionHandCount, OpenElectionRound, SetupElection, WithdrawCandidate } from '../../shared/elections/commands.ts';
import type { Logger } from '../logger.ts';
import type { ElectionService } from '../meetings/electionService.ts';
import { handle } from './handle.ts';
import type { AppSocket } from './types.ts';

export function registerElectionHandlers(socket: AppSocket, elections: ElectionService, log: Logger): void {
  handle(socket, log, 'election:setup', SetupElection, (input, p) => elections.setup(p.meetingId, input.itemId, input.seats));
  handle(socket, log, 'election:addCandidate', AddCandidate, (input, p) => elections.addCandidate(p.meetingId, input.itemId, input.name));
  handle(socket, log, 'election:withdrawCandidate', WithdrawCandidate, (input, p) =>
    elections.withdrawCandidate(p.meetingId, input.itemId, input.candidateId),
  );
  handle(socket, log, 'election:demandSecret', DemandSecret, (input, p) => elections.demandSecret(p.meetingId, input.itemId, input.demanded));
  handle(socket, log, 'election:openRound', OpenElectionRound, (input, p) =>
    elections.openRound(p.meetingId, input.itemId, input.confirmNotQuorate),
  );
  handle(socket, log, 'election:handCount', ElectionHandCount, (input, p) => elections.recordHandCount(p.meetingId, input));
  handle(socket, log, 'election:drawLot', DrawLot, (input, p) => elections.drawLot(p.meetingId, input.pollId, input.winners));
}
