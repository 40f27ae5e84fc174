import { signal } from '@preact/signals';
import type { Choice } from '../../shared/meeting/model.ts';
import type { ErrorCode } from '../../shared/protocol/result.ts';
import type { MeetingConnection } from './connection.ts';
import { randomId } from './randomId.ts';

export interface LocalBallot {
  pollId: string;
  choice: Choice;
  ballotId: string;
  state: 'sending' | 'saved' | 'failed';
  error?: ErrorCode;
}

/** The member's own ballot as this tablet knows it, ahead of the next snapshot. */
export const localBallot = signal<LocalBallot | null>(null);

export async function castBallot(conn: MeetingConnection, pollId: string, choice: Choice): Promise<void> {
  const ballot: LocalBallot = { pollId, choice, ballotId: randomId(), state: 'sending' };
  localBallot.value = ballot;
  const result = await conn.send('ballot:cast', { pollId, choice, ballotId: ballot.ballotId });
  // A later tap may have replaced this one while it was in flight.
  if (localBallot.value?.ballotId !== ballot.ballotId) return;
  localBallot.value = result.ok ? { ...ballot, state: 'saved' } : { ...ballot, state: 'failed', error: result.error.code };
}
