import type { DecisionKind } from '../../shared/minutes/decisionKinds.ts';

/**
 * Whether a Beschlussart chosen by hand contradicts the vote's verdict, as "zur Kenntnis
 * genommen" over "Abgelehnt" would in the minutes. A rejected motion can only be "abgelehnt";
 * a passed one cannot be "abgelehnt", "zur Kenntnis genommen" (needs no vote) or "zurückgezogen".
 */
export function contradictsVerdict(kind: DecisionKind, passed: boolean): boolean {
  return passed ? kind === 'rejected' || kind === 'noted' || kind === 'withdrawn' : kind !== 'rejected';
}
