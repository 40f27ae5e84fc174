import type { MeetingLanguage, MinuteFormat } from './meetingOptions.ts';

export type { MeetingLanguage, MinuteFormat };
import type { PollElection } from '../elections/model.ts';

/**
 * The meeting model: what a council meeting consists of, independent of storage and transport.
 * Names are English; German appears only in UI strings and minute wording.
 */

export const CHOICES = ['yes', 'no', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

export const ROLES = ['chair', 'deputy', 'member', 'advisory'] as const;
/** Role in the organization. `advisory` members sit and speak but never vote. */
export type MemberRole = (typeof ROLES)[number];

export const VOTE_MODES = ['open', 'rollCall', 'secret'] as const;
export type VoteMode = (typeof VOTE_MODES)[number];

export const MAJORITY_KINDS = ['simple', 'twoThirdsCast', 'statutoryMajority', 'twoThirdsStatutory'] as const;
export type MajorityKind = (typeof MAJORITY_KINDS)[number];

export const POLL_STATUSES = ['open', 'closed', 'published', 'invalid'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];

export interface Counts {
  yes: number;
  no: number;
  abstain: number;
}

export interface Member {
  id: string;
  name: string;
  role: MemberRole;
  votingRight: boolean;
  /** Fraktion or Gruppe as the minutes name it ("CDU-Fraktion"); null or absent = none. */
  group?: string | null;
}

export interface AgendaItem {
  id: string;
  /** As printed on the agenda, e.g. "Ö 12" or "N 3". */
  number: string;
  name: string;
  public: boolean;
  /** Reference of the paper (Vorlage), e.g. "2022/032". */
  paper: string | null;
}

/** One stay in the room: checked in at `from`, out at `to` (null while still present). */
export interface AttendancePeriod {
  from: string;
  to: string | null;
}

/** Beschlussfähigkeit as counted at one moment (see shared/rules/quorum.ts). */
export interface QuorumCount {
  present: number;
  total: number;
  required: number;
  quorate: boolean;
}

/** Quorum challenged ("Beschlussfähigkeit angezweifelt") and established by count. */
export interface QuorumCheck {
  at: string;
  itemId: string | null;
  quorum: QuorumCount;
}

export interface Poll {
  id: string;
  itemId: string;
  /** 1 for the first vote on an item, 2 for its first repetition, … */
  round: number;
  mode: VoteMode;
  majority: MajorityKind;
  status: PollStatus;
  openedAt: string;
  closedAt: string | null;
  publishedAt: string | null;
  /**
   * Members this poll expects a ballot from: eligible when it opened, adjusted while it is
   * open as members check in or out (a member who leaves after voting stays), fixed at close.
   */
  eligibleMemberIds: string[];
  /** Members excluded by a conflict of interest for this item when the poll opened. */
  excludedMemberIds: string[];
  /** Quorum when the poll opened. */
  quorum: QuorumCount;
  /**
   * The meeting's rule set and statutory member count (gesetzliche Mitgliederzahl) when the
   * poll opened: the verdict is computed from these, so a later edit of the meeting never
   * changes a recorded result.
   */
  rules: string;
  statutoryMembers: number;
  /** True when the chair started the vote although the body was not quorate (noted in the minutes). */
  quorumOverridden: boolean;
  /** Final counts, fixed when the poll closes. */
  counts: Counts | null;
  /** Roll-call only: the display fills the grid while the vote runs, not only at publication. */
  rollCallLive: boolean;
  /** Counted by show of hands and entered by the chair (tablets not used or failed). */
  countedByHand: boolean;
  /** When the chair declared this round invalid (Wiederholung follows). */
  invalidatedAt: string | null;
  /** An amendment of the item (shared/motions); absent or null: the item's own proposal. */
  motionId?: string | null;
  /** Sammelabstimmung: every item this one vote decides (`itemId` is the first); absent otherwise. */
  blocItemIds?: string[] | null;
  /** Set when this poll is a Wahlgang of an election of persons (shared/elections). */
  election?: PollElection;
}

export interface MeetingInfo {
  id: string;
  /** Gebietskörperschaft, e.g. "Landkreis Peine". */
  body: string;
  /** Gremium, e.g. "Ausschuss für Gesundheit, Arbeit und Soziales". */
  organization: string;
  name: string;
  /** ISO 8601 with offset. */
  start: string;
  location: string;
  rules: string;
  /** How the minutes write a result (shared/minutes/formats); absent = the ALLRIS block. */
  minuteFormat?: MinuteFormat;
  /** The language every device starts in (its own choice wins); absent = German. */
  language?: MeetingLanguage;
}

export interface Meeting extends MeetingInfo {
  members: Member[];
  agenda: AgendaItem[];
  currentItemId: string | null;
}
