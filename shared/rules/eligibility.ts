import type { Member } from '../meeting/model.ts';

/**
 * Who may vote in a poll: a member with a voting right, checked in, and not excluded by a
 * conflict of interest (Mitwirkungsverbot, e.g. § 41 NKomVG) for the item. Advisory members
 * never vote; absent and excluded members are not "expected" either.
 */
export type Ineligibility = 'noVotingRight' | 'absent' | 'excluded';

/** A set or a cheap lookup: a ballot asks about one member and must not scan the roster. */
export interface MemberLookup {
  has(memberId: string): boolean;
}

export interface EligibilityFacts {
  /** Members checked in right now. */
  present: MemberLookup;
  /** Members excluded for the item being voted on. */
  excluded: MemberLookup;
}

export function ineligibility(member: Member, f: EligibilityFacts): Ineligibility | null {
  if (!member.votingRight) return 'noVotingRight';
  if (f.excluded.has(member.id)) return 'excluded';
  if (!f.present.has(member.id)) return 'absent';
  return null;
}

export const eligibleMemberIds = (members: readonly Member[], f: EligibilityFacts): string[] =>
  members.filter((m) => ineligibility(m, f) === null).map((m) => m.id);

/**
 * The members an open poll waits for after attendance changed: everyone eligible now, plus
 * whoever already voted — a member who leaves after voting keeps the ballot, so it stays
 * counted and expected. Roster order.
 */
export const expectedVoters = (members: readonly Member[], f: EligibilityFacts, voted: MemberLookup): string[] =>
  members.filter((m) => voted.has(m.id) || ineligibility(m, f) === null).map((m) => m.id);
