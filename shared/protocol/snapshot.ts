import type {
  AgendaItem,
  AttendancePeriod,
  Choice,
  Counts,
  Member,
  MeetingInfo,
  Poll,
  QuorumCheck,
  QuorumCount,
} from '../meeting/model.ts';
import type { Election } from '../elections/model.ts';
import type { Ineligibility } from '../rules/eligibility.ts';
import type { DecisionKind } from '../minutes/decisionKinds.ts';
import type { Verdict } from '../rules/verdict.ts';
import type { Motion, VoteSubject } from '../motions/model.ts';

/** Who is connected: decides what a snapshot may contain. */
export type ClientRole = 'member' | 'chair' | 'display';

/**
 * A poll as a role sees it: the stored poll's own fields, with the member lists chair-only and
 * the result hidden until this role may see it.
 */
export interface PollView extends Omit<Poll, 'eligibleMemberIds' | 'excludedMemberIds'> {
  eligibleCount: number;
  castCount: number;
  /** Null while the result is not visible to this role (always during the vote). */
  counts: Counts | null;
  verdict: Verdict | null;
  /** How many members were excluded (Mitwirkungsverbot) from this vote. */
  excludedCount: number;
  // The member lists below and the roll-call grid come with the current item's rounds only.
  /** Chair only: who has voted (never how). */
  votedMemberIds?: string[];
  /** Chair only: who may vote in this poll. */
  eligibleMemberIds?: string[];
  /** Chair only: who was excluded from this vote. */
  excludedMemberIds?: string[];
  /**
   * Roll-call only, once the grid may be shown (published, or live by the chair's choice):
   * every eligible member with their choice, null while they have not voted.
   */
  rollCall?: RollCallEntry[];
  /** What the vote decides when it is more than the plain item: an amendment, the amended main motion, a bloc. */
  subject?: VoteSubject;
  /** Chair only: members whose vote the minutes record by name (§ 68). */
  recordedMemberIds?: string[];
  /** Chair only: the result is minuted group-wise. */
  groupWise?: boolean;
}

export interface RollCallEntry {
  memberId: string;
  choice: Choice | null;
}

export interface OwnBallot {
  pollId: string;
  /** Null in a secret poll: not even the member's own device is told its choice back. */
  choice: Choice | null;
  ballotId: string;
  /** Open Wahlgang only: the candidates this member marked. */
  marks?: string[];
}

export interface MemberSelf {
  memberId: string;
  name: string;
  votingRight: boolean;
  /** Checked in right now. */
  present: boolean;
  /** Why this member may not vote on the current item, or null when they may. */
  ineligibility: Ineligibility | null;
  /** The member's ballot in the newest poll of the current item, if any. */
  ballot: OwnBallot | null;
  /** § 68: the minutes record how this member voted in that poll. */
  recorded?: boolean;
}

export interface MeetingSnapshot {
  role: ClientRole;
  meeting: MeetingInfo;
  statutoryMembers: number;
  /** For a member's tablet only its own entry; the full list for chair and display. */
  members: Member[];
  /**
   * The chair gets the whole agenda; a tablet and the display only the current item and the
   * items its rounds decide en bloc. For the display, non-public items carry neither name nor paper.
   */
  agenda: AgendaItem[];
  currentItemId: string | null;
  polls: PollView[];
  /** Beschlussfähigkeit now, for the current item. */
  quorum: QuorumCount;
  /** The latest challenge of the quorum, if any. */
  lastQuorumCheck: QuorumCheck | null;
  /** Chair only: memberId → stays in the room. */
  attendance?: Record<string, AttendancePeriod[]>;
  /** Chair only: itemId → members excluded (Mitwirkungsverbot). */
  exclusions?: Record<string, string[]>;
  self: MemberSelf | null;
  /** Elections of persons by item id (the display gets none for non-public items). */
  elections?: Record<string, Election>;
  /** Chair only: Beschlussart set by the clerk, per item id (absent = default from the verdict). */
  decisionKinds?: Record<string, DecisionKind>;
  /** Chair only: the items' amendments (shared/motions), in the order they were added. */
  motions?: Motion[];
  serverTime: string;
}

/** Coalesced update while a poll is open: sent at most once per event-loop turn. */
export interface PollProgress {
  pollId: string;
  castCount: number;
  eligibleCount: number;
  votedMemberIds?: string[];
  rollCall?: RollCallEntry[];
}
