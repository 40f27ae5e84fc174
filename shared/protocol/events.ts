import type {
  CastBallotInput,
  HandCountInput,
  InvalidatePollInput,
  OpenPollInput,
  PollRefInput,
  ReissueLinkInput,
  SelectItemInput,
  SetAttendanceInput,
  SetDecisionKindInput,
  SetExclusionInput,
  SetOwnAttendanceInput,
  RecordOwnVoteInput,
  RecordVoteInput,
  SetGroupWiseInput,
} from './commands.ts';
import type {
  AddCandidateInput,
  DemandSecretInput,
  DrawLotInput,
  ElectionHandCountInput,
  OpenElectionRoundInput,
  SetupElectionInput,
  WithdrawCandidateInput,
} from '../elections/commands.ts';
import type { Lot } from '../elections/model.ts';
import type { QuorumCheck } from '../meeting/model.ts';
import type { AddAmendmentInput, MoveAmendmentInput, RemoveAmendmentInput } from './motionCommands.ts';
import type { Result } from './result.ts';
import type { MeetingSnapshot, MemberSelf, OwnBallot, PollProgress } from './snapshot.ts';

/** Event names and payloads, shared by server and clients (`area:verb`). */

type Ack<T> = (result: Result<T>) => void;

export interface ClientToServerEvents {
  'ballot:cast': (input: CastBallotInput, ack: Ack<OwnBallot>) => void;
  'item:select': (input: SelectItemInput, ack: Ack<null>) => void;
  'poll:open': (input: OpenPollInput, ack: Ack<{ pollId: string }>) => void;
  'poll:close': (input: PollRefInput, ack: Ack<null>) => void;
  'poll:publish': (input: PollRefInput, ack: Ack<null>) => void;
  'member:reissueLink': (input: ReissueLinkInput, ack: Ack<{ memberId: string; joinUrl: string; code: string }>) => void;
  /** Answers with the member's own new state: the tablet that tapped needs no snapshot. */
  'attendance:self': (input: SetOwnAttendanceInput, ack: Ack<MemberSelf>) => void;
  'attendance:set': (input: SetAttendanceInput, ack: Ack<null>) => void;
  'exclusion:set': (input: SetExclusionInput, ack: Ack<null>) => void;
  'quorum:challenge': (input: Record<string, never>, ack: Ack<QuorumCheck>) => void;
  'poll:handCount': (input: HandCountInput, ack: Ack<{ pollId: string }>) => void;
  /** Answers with the new round's id when `repeat` was asked for. */
  'poll:invalidate': (input: InvalidatePollInput, ack: Ack<{ pollId: string | null }>) => void;
  'item:decisionKind': (input: SetDecisionKindInput, ack: Ack<null>) => void;
  'motion:add': (input: AddAmendmentInput, ack: Ack<{ motionId: string }>) => void;
  'motion:move': (input: MoveAmendmentInput, ack: Ack<null>) => void;
  'motion:remove': (input: RemoveAmendmentInput, ack: Ack<null>) => void;
  /** Member: § 68, record my vote in the minutes. */
  'record:own': (input: RecordOwnVoteInput, ack: Ack<null>) => void;
  /** Chair/clerk: § 68 for one member. */
  'record:set': (input: RecordVoteInput, ack: Ack<null>) => void;
  'poll:groupWise': (input: SetGroupWiseInput, ack: Ack<null>) => void;
  'election:setup': (input: SetupElectionInput, ack: Ack<null>) => void;
  'election:addCandidate': (input: AddCandidateInput, ack: Ack<{ candidateId: string }>) => void;
  'election:withdrawCandidate': (input: WithdrawCandidateInput, ack: Ack<null>) => void;
  'election:demandSecret': (input: DemandSecretInput, ack: Ack<null>) => void;
  'election:openRound': (input: OpenElectionRoundInput, ack: Ack<{ pollId: string }>) => void;
  'election:drawLot': (input: DrawLotInput, ack: Ack<Lot>) => void;
  'election:handCount': (input: ElectionHandCountInput, ack: Ack<{ pollId: string }>) => void;
}

export interface ServerToClientEvents {
  /** Full state for this connection's role; sent on (re)connect and on every structural change. */
  'meeting:snapshot': (snapshot: MeetingSnapshot) => void;
  'poll:progress': (progress: PollProgress) => void;
}
