import { DEFAULT_RULE_SET, isRuleSetId, type RuleSetId } from '../rules/ruleSets.ts';

/**
 * How each state's municipal code elects persons. Kept apart from ruleSets.ts (decisions) so
 * the two can be read and reviewed on their own. Where the statute is silent the choice made is
 * written down in `review`: those points want a look by the council's legal office.
 */
export interface ElectionRule {
  /**
   * What the majority of the first Wahlgang is taken of:
   * `statutoryMembers` — the members of the body (gesetzliche Mitgliederzahl),
   * `validVotes` — the valid ballots cast,
   * `presentEligible` — the members present and entitled to vote in this Wahlgang.
   */
  firstRoundBasis: 'statutoryMembers' | 'validVotes' | 'presentEligible';
  /** Whether a Nein on a single candidate's ballot is a valid vote (counts for the basis). */
  noIsValid: boolean;
  /** Second Wahlgang: all candidates (plurality) or a Stichwahl between the best two. */
  secondRound: 'allCandidates' | 'runoffTopTwo';
  /** A single candidate who missed the majority gets a second Wahlgang. */
  singleCandidateSecondRound: boolean;
  /** Elections are always secret (no open election possible). */
  alwaysSecret: boolean;
  /** Several seats in one Wahlgang, each member marking up to that many candidates. */
  multiSeat: boolean;
  source: string;
  /** Points where the statute leaves room and a legal review is advisable. */
  review: string;
}

export const ELECTION_RULES: Record<RuleSetId, ElectionRule> = {
  // § 67 Satz 3–7 NKomVG: elected is whom the majority of the members of the body voted for;
  // otherwise a second Wahlgang in which the most votes win; a tie there is decided by the lot the
  // chair draws. Several positions are elected one after another (e.g. § 91 Abs. 5 i.V.m. § 67).
  NKomVG: {
    firstRoundBasis: 'statutoryMembers',
    noIsValid: true,
    secondRound: 'allCandidates',
    singleCandidateSecondRound: true,
    alwaysSecret: false,
    multiSeat: false,
    source: '§ 67 NKomVG',
    review:
      'Single candidate in the second Wahlgang: elected with more Ja than Nein votes (the statute says "die meisten Stimmen"). "Mitglieder der Vertretung" is taken as the configured statutory member count.',
  },
  // Art. 51 Abs. 3 GO: elections are secret; elected is who has more than half of the valid
  // votes; Nein votes and blank ballots are invalid; otherwise a Stichwahl between the two with
  // the most votes; a tie in the Stichwahl is decided by lot.
  'GO-BY': {
    firstRoundBasis: 'validVotes',
    noIsValid: false,
    secondRound: 'runoffTopTwo',
    singleCandidateSecondRound: false,
    alwaysSecret: true,
    multiSeat: false,
    source: 'Art. 51 Abs. 3 GO',
    review:
      'A tie for second place deciding who enters the Stichwahl is settled by lot (by analogy). Nein and blank ballots being invalid means a single candidate is elected with any Ja vote; check the current wording of Art. 51 Abs. 3.',
  },
  // § 50 Abs. 2 GO NRW: open unless someone objects, then by ballot; elected is who has more than
  // half of the valid votes, Nein votes count as valid; otherwise an engere Wahl between the two
  // with the most votes, the most votes win, a tie is decided by lot.
  'GO-NRW': {
    firstRoundBasis: 'validVotes',
    noIsValid: true,
    secondRound: 'runoffTopTwo',
    singleCandidateSecondRound: false,
    alwaysSecret: false,
    multiSeat: true,
    source: '§ 50 Abs. 2 GO NRW',
    review:
      'Several seats in one Wahlgang (Mehrheitswahl): each candidate needs the majority of valid ballots, remaining seats go to an engere Wahl between twice as many candidates as seats are left. Committee seats by proportional representation (§ 50 Abs. 3) are outside this tool.',
  },
  // § 37 Abs. 7 GemO: secret with ballots, open when no member objects; elected is who has more
  // than half of the votes of the members present and entitled to vote; otherwise a Stichwahl
  // between the two with the most votes, simple majority; a tie is decided by lot; a single
  // candidate gets a second Wahlgang.
  'GemO-BW': {
    firstRoundBasis: 'presentEligible',
    noIsValid: true,
    secondRound: 'runoffTopTwo',
    singleCandidateSecondRound: true,
    alwaysSecret: false,
    multiSeat: true,
    source: '§ 37 Abs. 7 GemO',
    review:
      'Several seats in one Wahlgang as in GO-NRW. "Anwesende Stimmberechtigte" is taken as the members the Wahlgang expected a ballot from when it closed. Single candidate in the second Wahlgang: elected with more Ja than Nein votes.',
  },
};

export const electionRule = (rules: string): ElectionRule => ELECTION_RULES[isRuleSetId(rules) ? rules : DEFAULT_RULE_SET];
