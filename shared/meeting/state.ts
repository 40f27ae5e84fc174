import type { Election } from '../elections/model.ts';
import type { DecisionKind } from '../minutes/decisionKinds.ts';
import type { Motion } from '../motions/model.ts';
import type { AttendancePeriod, Choice, Counts, Meeting, Poll, QuorumCheck } from './model.ts';

/**
 * That a member has voted. In a secret poll it carries neither the choice nor the time:
 * the choice went into the poll's counters and nothing links the two.
 */
export interface BallotRecord {
  memberId: string;
  choice: Choice | null;
  ballotId: string;
  castAt: string | null;
  /** Open election ballots: the marked candidates (a secret one keeps them only in counters). */
  marks?: string[];
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
  /** Secret polls: pollId → running counters, the only place their choices live. */
  secretCounts: Map<string, Counts>;
  /** Beschlussart set by the clerk, per agenda item; absent = default from the verdict. */
  decisionKinds: Map<string, DecisionKind>;
  /** Amendments of the items (shared/motions), in the order they were added; absent = none. */
  motions?: Motion[];
  /** § 68: pollId → members who had the minutes record how they voted (absent = none). */
  recordedVotes?: Map<string, Set<string>>;
  /** Polls the chair had minuted group-wise ("fraktionsweise protokollieren"). */
  groupWisePolls?: Set<string>;
  /** Elections of persons, per agenda item (absent in states made before elections existed). */
  elections?: Map<string, Election>;
  /** Secret Wahlgänge: pollId → votes per candidate, the only place their marks live. */
  secretVotes?: Map<string, Record<string, number>>;
}

export const openPoll = (s: MeetingState): Poll | undefined => s.polls.find((p) => p.status === 'open');

/** Newest first: ballots and commands are nearly always for the newest round, and a plenary's 300th vote should not scan 299 others per ballot. */
export function findPoll(s: MeetingState, pollId: string): Poll | undefined {
  for (let i = s.polls.length - 1; i >= 0; i--) if (s.polls[i]!.id === pollId) return s.polls[i];
  return undefined;
}

/** The poll votes on the item: on it (its amendments too) or in a Sammelabstimmung that includes it. */
export const covers = (p: Poll, itemId: string): boolean => p.itemId === itemId || !!p.blocItemIds?.includes(itemId);

/** The newest poll of an item, amendments included (possibly one declared invalid). */
export function latestPoll(s: MeetingState, itemId: string | null): Poll | undefined {
  if (itemId === null) return undefined;
  for (let i = s.polls.length - 1; i >= 0; i--) if (covers(s.polls[i]!, itemId)) return s.polls[i];
  return undefined;
}

export const ballotsOf = (s: MeetingState, pollId: string): Map<string, BallotRecord> => s.ballots.get(pollId) ?? new Map();

/**
 * The round that counts for an item: the newest one on the item's own proposal (not on an
 * amendment; possibly in a Sammelabstimmung) not declared invalid.
 */
export function validPoll(s: MeetingState, itemId: string): Poll | undefined {
  return s.polls.findLast((p) => covers(p, itemId) && !p.motionId && p.status !== 'invalid');
}

/** Members whose vote in this poll the minutes record by name (§ 68), in no particular order. */
export const recordedIn = (s: MeetingState, pollId: string): ReadonlySet<string> => s.recordedVotes?.get(pollId) ?? new Set();

export const isGroupWise = (s: MeetingState, pollId: string): boolean => s.groupWisePolls?.has(pollId) ?? false;
