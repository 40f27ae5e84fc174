import type { Result } from '../../shared/protocol/result.ts';
import type { BallotList } from '../../shared/receipts/ballotList.ts';
import { requestJson } from './http.ts';
import { storedToken } from './token.ts';

/** The published ballot list of a poll, fetched with the member's own token. */
export function fetchBallotList(meetingId: string, pollId: string): Promise<Result<BallotList>> {
  return requestJson<BallotList>('GET', `/api/meetings/${encodeURIComponent(meetingId)}/polls/${encodeURIComponent(pollId)}/ballots.json`, storedToken('member') ?? '');
}
