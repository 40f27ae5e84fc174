import { ruleSet } from './ruleSets.ts';

export interface Quorum {
  present: number;
  total: number;
  quorate: boolean;
}

/** Beschlussfähigkeit from the voting members present, per the state's threshold. */
export function quorum(rules: string, presentVoting: number, totalVoting: number): Quorum {
  const threshold = ruleSet(rules).quorum;
  const quorate =
    totalVoting > 0 &&
    (threshold === 'at-least-half' ? presentVoting * 2 >= totalVoting : presentVoting * 2 > totalVoting);
  return { present: presentVoting, total: totalVoting, quorate };
}
