import type { CastBallotInput, OpenPollInput, PollRefInput, ReissueLinkInput, SelectItemInput } from './commands.ts';
import type { Result } from './result.ts';
import type { MeetingSnapshot, OwnBallot, PollProgress } from './snapshot.ts';

/** Event names and payloads, shared by server and clients (`area:verb`). */

type Ack<T> = (result: Result<T>) => void;

export interface ClientToServerEvents {
  'ballot:cast': (input: CastBallotInput, ack: Ack<OwnBallot>) => void;
  'item:select': (input: SelectItemInput, ack: Ack<null>) => void;
  'poll:open': (input: OpenPollInput, ack: Ack<{ pollId: string }>) => void;
  'poll:close': (input: PollRefInput, ack: Ack<null>) => void;
  'poll:publish': (input: PollRefInput, ack: Ack<null>) => void;
  'member:reissueLink': (input: ReissueLinkInput, ack: Ack<{ memberId: string; joinUrl: string }>) => void;
}

export interface ServerToClientEvents {
  /** Full state for this connection's role; sent on (re)connect and on every structural change. */
  'meeting:snapshot': (snapshot: MeetingSnapshot) => void;
  'poll:progress': (progress: PollProgress) => void;
}
