import type { Counts, MajorityKind } from '../meeting/model.ts';

/**
 * How a result is worded. Follows the council minutes: `unanimous` = all cast votes Ja,
 * `unanimousWithAbstentions` = no Nein but abstentions, `majority` = passed against Nein votes.
 */
export type Outcome = 'unanimous' | 'unanimousWithAbstentions' | 'majority' | 'rejected';

export interface Verdict {
  passed: boolean;
  outcome: Outcome;
  majority: MajorityKind;
  /** Ja votes needed to pass, given the Nein votes (simple) or the basis of a qualified majority. */
  required: number;
  /** Ja votes reached. */
  achieved: number;
  /** What the majority is taken of: Ja + Nein cast, or the statutory number of members. */
  basis: number;
}

export interface VerdictContext {
  majority: MajorityKind;
  /** Gesetzliche Mitgliederzahl; needed for the statutory majority kinds. */
  statutoryMembers: number;
}

/**
 * Ja votes needed. Abstentions are never part of the basis: the municipal codes count
 * only Ja and Nein as votes cast (e.g. § 66 Abs. 1 NKomVG).
 */
export function requiredYes(counts: Counts, ctx: VerdictContext): number {
  const cast = counts.yes + counts.no;
  switch (ctx.majority) {
    case 'simple':
      return counts.no + 1; // a tie is rejected
    case 'twoThirdsCast':
      return Math.max(1, Math.ceil((2 * cast) / 3));
    case 'statutoryMajority':
      return Math.floor(ctx.statutoryMembers / 2) + 1;
    case 'twoThirdsStatutory':
      return Math.max(1, Math.ceil((2 * ctx.statutoryMembers) / 3));
  }
}

export function verdict(counts: Counts, ctx: VerdictContext): Verdict {
  const required = requiredYes(counts, ctx);
  // A qualified majority never passes with more Nein than Ja either.
  const passed = counts.yes >= required && counts.yes > counts.no;
  const outcome: Outcome = !passed
    ? 'rejected'
    : counts.no > 0
      ? 'majority'
      : counts.abstain > 0
        ? 'unanimousWithAbstentions'
        : 'unanimous';
  const basis = ctx.majority === 'simple' || ctx.majority === 'twoThirdsCast' ? counts.yes + counts.no : ctx.statutoryMembers;
  return { passed, outcome, majority: ctx.majority, required, achieved: counts.yes, basis };
}
