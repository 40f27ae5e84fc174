import { ruleSet, type QuorumShare } from './ruleSets.ts';

export interface QuorumFacts {
  /** Voting members on the roster. */
  total: number;
  /** Voting members checked in. */
  present: number;
  /** Voting members excluded (Mitwirkungsverbot) for the item at hand, all of them … */
  excluded: number;
  /** … and those of them who are present. */
  excludedPresent: number;
}

export interface Quorum {
  /** Members counted as present under the rule set's basis. */
  present: number;
  total: number;
  /** Fewest members present for quorum. */
  required: number;
  quorate: boolean;
}

const needed = (share: QuorumShare | 'at-least-quarter', total: number): number => {
  switch (share) {
    case 'more-than-half':
      return Math.floor(total / 2) + 1;
    case 'at-least-half':
      return Math.ceil(total / 2);
    case 'at-least-quarter':
      return Math.ceil(total / 4);
  }
};

/** Beschlussfähigkeit from the voting members present, per the state's rule. */
export function quorum(rules: string, f: QuorumFacts): Quorum {
  const rule = ruleSet(rules).quorum;
  const present = rule.basis === 'presentAndEntitled' ? f.present - f.excludedPresent : f.present;
  const share = rule.whenMostExcluded && f.excluded * 2 > f.total ? rule.whenMostExcluded : rule.share;
  const required = Math.max(1, needed(share, f.total));
  return { present, total: f.total, required, quorate: f.total > 0 && present >= required };
}
