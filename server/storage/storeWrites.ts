import type { Election, Lot } from '../../shared/elections/model.ts';
import type { AttendanceChange, ExclusionChange } from '../../shared/meeting/decideAttendance.ts';
import type { Choice, Poll, QuorumCheck } from '../../shared/meeting/model.ts';
import type { BallotRecord, MeetingState } from '../../shared/meeting/state.ts';
import type { DecisionKind } from '../../shared/minutes/decisionKinds.ts';
import type { Motion } from '../../shared/motions/model.ts';
import type { NewMeeting } from './meetingStore.ts';
import type { IssuedToken, MeetingSource } from './storage.ts';

/**
 * Everything the meeting service ever stores, as data. The service decides and applies a change
 * in memory, then hands its writes to the store, which commits them in order and in one
 * transaction per batch; nothing is acknowledged before that commit. Being data rather than
 * calls, the same writes can be committed by any store (SQLite today) and audited on the way.
 */
export type StoreWrite =
  | BallotWrite
  | AttendanceWrite
  | { kind: 'currentItem'; meetingId: string; itemId: string | null }
  | { kind: 'pollInserted'; meetingId: string; poll: Poll }
  | { kind: 'pollUpdated'; meetingId: string; poll: Poll }
  | { kind: 'quorumCheck'; meetingId: string; check: QuorumCheck }
  | { kind: 'exclusion'; meetingId: string; change: ExclusionChange; at: string }
  | { kind: 'decisionKind'; meetingId: string; itemId: string; decisionKind: DecisionKind | null }
  | { kind: 'motionAdded'; meetingId: string; motion: Motion; at: string }
  | { kind: 'motionsMoved'; meetingId: string; motions: readonly Motion[] }
  | { kind: 'motionRemoved'; meetingId: string; motionId: string }
  | { kind: 'recordedVote'; meetingId: string; pollId: string; memberId: string; recorded: boolean; by: 'self' | 'chair'; at: string }
  | { kind: 'groupWise'; meetingId: string; pollId: string; groupWise: boolean; at: string }
  | { kind: 'election'; meetingId: string; election: Election; at: string; lot: Lot | null };

export interface BallotWrite {
  kind: 'ballot';
  meetingId: string;
  pollId: string;
  ballot: BallotRecord;
  /** Secret poll: the choice goes to the counters only; `ballot` records just that the member voted. */
  secretChoice: Choice | null;
  /** Secret Wahlgang: the candidates whose counters go up; nothing else keeps them. */
  secretMarks?: string[];
}

/** A check-in or check-out; `change.poll` set when it also moves a running vote's expected voters. */
export interface AttendanceWrite {
  kind: 'attendance';
  meetingId: string;
  change: AttendanceChange;
}

/** What the meeting service needs of a store; every call resolves once the data is durable. */
export interface MeetingStorage {
  /** The meeting with its first links and, when imported, where it came from: all or nothing. */
  createMeeting(meeting: NewMeeting, createdAt: string, links: { tokens: readonly IssuedToken[]; source?: MeetingSource }): Promise<void>;
  meetingIds(): Promise<string[]>;
  load(meetingId: string): Promise<MeetingState | undefined>;
  /** Commits the writes in order, in one transaction: all or none. */
  commit(writes: readonly StoreWrite[]): Promise<void>;
  /**
   * Settles, now, commits that are done but whose answer still waits for the event loop (a
   * writer thread's message). The group commit calls it for every change it queues, so it must
   * be cheap; stores whose answers come at once need not have it.
   */
  collectCommitted?(): void;
  /**
   * True when `commit` may be called before the previous commit settled: commits are applied in
   * the order they were called, and one that fails fails every commit called after it.
   */
  readonly pipelinesCommits?: boolean;
}
