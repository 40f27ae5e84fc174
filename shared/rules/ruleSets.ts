/**
 * Voting rules of the German states as data. Adding a state means adding one entry here;
 * the functions in verdict.ts, quorum.ts and eligibility.ts read only these fields.
 *
 * What the four codes have in common (and so is not a field): decisions need more Ja than
 * Nein votes, abstentions and invalid votes are not counted, a tie rejects the motion, and a
 * member with a conflict of interest neither deliberates nor votes on that item.
 * What differs: whether a member may abstain (not in Bavaria) and how quorum is counted.
 */

export type QuorumShare = 'more-than-half' | 'at-least-half';

export interface QuorumRule {
  /** Share of the voting members that must be present. */
  share: QuorumShare;
  /**
   * Who counts as present: everyone in the room (`present`), or only those present *and*
   * entitled to vote on the item (`presentAndEntitled`), so members excluded by a conflict
   * of interest do not count for that item.
   */
  basis: 'present' | 'presentAndEntitled';
  /**
   * Baden-Württemberg: when more than half of all members are excluded for an item, a
   * quarter present and entitled suffices (§ 37 Abs. 2 Satz 2 GemO).
   */
  whenMostExcluded?: 'at-least-quarter';
}

export interface RuleSet {
  id: string;
  /** Federal state whose municipal code this is. */
  state: string;
  /** Short name of the law. */
  law: string;
  /** Whether members may abstain (Bavaria: no, GO Art. 48 Abs. 1 Satz 2). */
  allowsAbstention: boolean;
  quorum: QuorumRule;
  /** Legal sources, shown in the README and the chair console. */
  sources: { majority: string; quorum: string; exclusion: string; abstention?: string };
}

export const RULE_SETS = {
  // § 65 Abs. 1: quorate when the majority of members is present; then treated as quorate
  // until someone challenges it. § 66 Abs. 1: majority of Ja/Nein votes, tie rejected.
  NKomVG: {
    id: 'NKomVG',
    state: 'Niedersachsen',
    law: 'Niedersächsisches Kommunalverfassungsgesetz',
    allowsAbstention: true,
    quorum: { share: 'more-than-half', basis: 'present' },
    sources: { majority: '§ 66 Abs. 1 NKomVG', quorum: '§ 65 NKomVG', exclusion: '§ 41 NKomVG' },
  },
  // Art. 48 Abs. 1 Satz 2: nobody may abstain. Art. 47 Abs. 2: the majority must be present
  // *and entitled to vote* — members personally involved (Art. 49) do not count for quorum.
  // Art. 51 Abs. 1: majority of those voting, tie rejected — the same outcome as NKomVG,
  // since there are no abstentions to leave out.
  'GO-BY': {
    id: 'GO-BY',
    state: 'Bayern',
    law: 'Gemeindeordnung für den Freistaat Bayern',
    allowsAbstention: false,
    quorum: { share: 'more-than-half', basis: 'presentAndEntitled' },
    sources: { majority: 'Art. 51 Abs. 1 GO', quorum: 'Art. 47 Abs. 2 GO', exclusion: 'Art. 49 GO', abstention: 'Art. 48 Abs. 1 Satz 2 GO' },
  },
  // NRW decides like Lower Saxony: majority of votes cast, abstentions not counted, tie
  // rejected (§ 50 Abs. 1); quorate with more than half of the members present, treated as
  // quorate until its lack is established (§ 49 Abs. 1). No difference in this model.
  'GO-NRW': {
    id: 'GO-NRW',
    state: 'Nordrhein-Westfalen',
    law: 'Gemeindeordnung für das Land Nordrhein-Westfalen',
    allowsAbstention: true,
    quorum: { share: 'more-than-half', basis: 'present' },
    sources: { majority: '§ 50 Abs. 1 GO NRW', quorum: '§ 49 Abs. 1 GO NRW', exclusion: '§ 31 GO NRW' },
  },
  // Baden-Württemberg decides like Lower Saxony (§ 37 Abs. 6) but counts quorum differently
  // (§ 37 Abs. 2): at least half of all members present *and entitled* (so members excluded
  // for bias, § 18, do not count); if more than half are excluded, a quarter suffices.
  // The second meeting after a failed quorum (§ 37 Abs. 3) is outside this tool.
  'GemO-BW': {
    id: 'GemO-BW',
    state: 'Baden-Württemberg',
    law: 'Gemeindeordnung für Baden-Württemberg',
    allowsAbstention: true,
    quorum: { share: 'at-least-half', basis: 'presentAndEntitled', whenMostExcluded: 'at-least-quarter' },
    sources: { majority: '§ 37 Abs. 6 GemO', quorum: '§ 37 Abs. 2 GemO', exclusion: '§ 18 GemO' },
  },
} as const satisfies Record<string, RuleSet>;

export type RuleSetId = keyof typeof RULE_SETS;
export const RULE_SET_IDS = Object.keys(RULE_SETS) as RuleSetId[];
export const DEFAULT_RULE_SET: RuleSetId = 'NKomVG';

export function isRuleSetId(id: string): id is RuleSetId {
  return Object.hasOwn(RULE_SETS, id);
}

export function ruleSet(id: string): RuleSet {
  return isRuleSetId(id) ? RULE_SETS[id] : RULE_SETS[DEFAULT_RULE_SET];
}
