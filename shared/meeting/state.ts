import type { AttendancePeriod, Choice, Meeting, Poll, QuorumCheck } from './model.ts';

export interface BallotRecord {
  memberId: string;
  choice: Choice;
  ballotId: string;
  castAt: string;
}

/** Everything the server knows about one meeting; snapshots are projections of this. */
export interface MeetingState {
  meeting: Meeting;
  /** Gesetzliche Mitgliederzahl of the organization. */
  statutoryMembers: number;
  /** All polls in the order they were opened. */
  polls: Poll[];
  /** pollId → memberId → ballot. */
  ballots: Map<string, Map<string, BallotRecord>>;
  /** memberId → stays in the room, oldest first. Nobody is present until checked in. */
  attendance: Map<string, AttendancePeriod[]>;
  /** itemId → members excluded by a conflict of interest (Mitwirkungsverbot) for that item. */
  exclusions: Map<string, Set<string>>;
  /** Every challenge of the quorum, oldest first. */
  quorumChecks: QuorumCheck[];
}

export const openPoll = (s: MeetingState): Poll | undefined => s.polls.find((p) => p.status === 'open');

export const findPoll = (s: MeetingState, pollId: string): Poll | undefined => s.polls.find((p) => p.id === pollId);

/** The newest poll of an item: the one that counts (earlier rounds were declared invalid). */
export function latestPoll(s: MeetingState, itemId: string | null): Poll | undefined {
  if (itemId === null) return undefined;
  for (let i = s.polls.length - 1; i >= 0; i--) if (s.polls[i]!.itemId === itemId) return s.polls[i];
  return undefined;
}

export const ballotsOf = (s: MeetingState, pollId: string): Map<string, BallotRecord> => s.ballots.get(pollId) ?? new Map();
