/**
 * Voting rules of the German states as data. Adding a state means adding one entry here;
 * the functions in verdict.ts and quorum.ts read only these fields.
 */

export interface RuleSet {
  id: string;
  /** Federal state whose municipal code this is. */
  state: string;
  /** Short name of the law. */
  law: string;
  /** Whether members may abstain (Bavaria: no, GO Art. 48 Abs. 1 Satz 2). */
  allowsAbstention: boolean;
  /**
   * Quorum threshold: `more-than-half` = more than half of the voting members present,
   * `at-least-half` = at least half present (Baden-Württemberg).
   */
  quorum: 'more-than-half' | 'at-least-half';
  /** Legal sources, shown in the README and in tooltips. */
  sources: { majority: string; quorum: string; exclusion: string };
}

export const RULE_SETS = {
  NKomVG: {
    id: 'NKomVG',
    state: 'Niedersachsen',
    law: 'Niedersächsisches Kommunalverfassungsgesetz',
    allowsAbstention: true,
    quorum: 'more-than-half',
    sources: { majority: '§ 66 Abs. 1 NKomVG', quorum: '§ 65 NKomVG', exclusion: '§ 41 NKomVG' },
  },
  'GO-BY': {
    id: 'GO-BY',
    state: 'Bayern',
    law: 'Gemeindeordnung für den Freistaat Bayern',
    allowsAbstention: false,
    quorum: 'more-than-half',
    sources: { majority: 'Art. 51 Abs. 1 GO', quorum: 'Art. 47 Abs. 2 GO', exclusion: 'Art. 49 GO' },
  },
  // NRW decides like Lower Saxony: majority of votes cast, abstentions not counted, tie rejected;
  // quorate with more than half of the statutory members present.
  'GO-NRW': {
    id: 'GO-NRW',
    state: 'Nordrhein-Westfalen',
    law: 'Gemeindeordnung für das Land Nordrhein-Westfalen',
    allowsAbstention: true,
    quorum: 'more-than-half',
    sources: { majority: '§ 50 Abs. 1 GO NRW', quorum: '§ 49 Abs. 1 GO NRW', exclusion: '§ 31 GO NRW' },
  },
  // Baden-Württemberg differs only in the quorum: at least half of all members present and entitled to vote.
  'GemO-BW': {
    id: 'GemO-BW',
    state: 'Baden-Württemberg',
    law: 'Gemeindeordnung für Baden-Württemberg',
    allowsAbstention: true,
    quorum: 'at-least-half',
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
