import { electionRoundResult, type ElectionRoundResult } from '../elections/exportRound.ts';
import { groupOf } from '../meeting/groups.ts';
import type { Choice, Counts, MajorityKind, MeetingLanguage, MinuteFormat, PollStatus, QuorumCount, VoteMode } from '../meeting/model.ts';
import { covers, isGroupWise, recordedIn, type MeetingState } from '../meeting/state.ts';
import { DECISION_KIND_LABELS, type DecisionKind } from '../minutes/decisionKinds.ts';
import { groupWiseWording, type GroupBallot } from '../minutes/groupWise.ts';
import { amendmentsOf, defaultItemDecision } from '../motions/sequence.ts';
import { resultWording } from '../minutes/wording.ts';
import { verdict, type Outcome } from '../rules/verdict.ts';

/**
 * `results.json`: the machine-readable record of a meeting's votes (format documented in the
 * README). Open votes are never in it. `scope: 'public'` leaves out non-public items entirely,
 * for a file that may be published. Pure.
 */

export const RESULTS_FORMAT = 'handzeichen.results/1';

export type ResultsScope = 'full' | 'public';

export interface NamedVote {
  memberId: string;
  name: string;
  choice: Choice;
  /** Roll-call names only: the member's Fraktion/Gruppe, when they have one. */
  group?: string;
}

export interface RoundResult {
  pollId: string;
  round: number;
  mode: VoteMode;
  majority: MajorityKind;
  /** `closed` (counted, not yet announced), `published`, or `invalid` (declared invalid, repeated). */
  status: Exclude<PollStatus, 'open'>;
  openedAt: string;
  closedAt: string | null;
  publishedAt: string | null;
  eligible: number;
  counts: Counts | null;
  /** Null for an invalid round. */
  passed: boolean | null;
  outcome: Outcome | null;
  /** Minute wording, e.g. "Einstimmig bei 2 Enthaltungen". */
  result: string | null;
  decisionKind: DecisionKind | null;
  decisionKindLabel: string | null;
  /** Roll-call votes only: each member's choice, in the order of the member list. Never for open or secret votes. */
  namedVotes: NamedVote[] | null;
  /** Roll-call votes only: members entitled to vote who did not, in the order of the member list. */
  notVoted: string[] | null;
  countedByHand: boolean;
  /** Members excluded from this vote by a Mitwirkungsverbot. */
  excludedNames: string[];
  /** The quorum at the start when the chair voted without it; null otherwise. */
  quorumOverride: QuorumCount | null;
  /** The rule set and statutory member count the round was held under. */
  rules: string;
  statutoryMembers: number;
  /** The amendment this round voted on (number in the item's order, mover, wording); null for the item's own proposal. */
  amendment?: { number: number; mover: string; text: string } | null;
  /** Sammelabstimmung: the numbers of every item this one vote decided; null otherwise. */
  bloc?: string[] | null;
  /** Minuted group-wise by the chair's choice: `result` is then worded so. */
  groupWise: boolean;
  /** Group-wise only: each ballot's Fraktion/Gruppe and choice (no names), to word it in another language. */
  groupBallots: GroupBallot[] | null;
  /** § 68: members who had the minutes record how they voted, with their choice. */
  recordedVotes: NamedVote[];
  /** A Wahlgang of an election of persons: candidates with their votes and who is elected; null for decisions. */
  election?: ElectionRoundResult | null;
}

export interface ItemResult {
  id: string;
  number: string;
  name: string;
  public: boolean;
  paper: string | null;
  rounds: RoundResult[];
}

export interface MeetingResults {
  format: typeof RESULTS_FORMAT;
  scope: ResultsScope;
  generatedAt: string;
  meeting: {
    id: string;
    body: string;
    organization: string;
    name: string;
    start: string;
    location: string;
    rules: string;
    statutoryMembers: number;
    minuteFormat: MinuteFormat;
    language: MeetingLanguage;
  };
  items: ItemResult[];
}

export function meetingResults(s: MeetingState, scope: ResultsScope, now: string): MeetingResults {
  const { members, agenda, currentItemId: _current, ...info } = s.meeting;
  const names = new Map(members.map((m) => [m.id, m.name]));
  const byId = new Map(members.map((m) => [m.id, m]));
  const items = agenda
    .filter((item) => scope === 'full' || item.public)
    .map((item): ItemResult => ({
      id: item.id,
      number: item.number,
      name: item.name,
      public: item.public,
      paper: item.paper,
      rounds: s.polls
        .filter((p) => covers(p, item.id) && p.status !== 'open')
        .map((p): RoundResult => {
          // A Wahlgang has no Ja/Nein verdict and no Beschlussart: its result is who is elected.
          const counted = p.status !== 'invalid' && p.counts !== null && !p.election;
          const v = counted ? verdict(p.counts!, { majority: p.majority, statutoryMembers: p.statutoryMembers }) : null;
          // The clerk's Beschlussart for the item, else the default from the verdict (as in the minutes).
          // An amendment's round has no Beschlussart of its own: the item's comes from the main motion.
          const kind = v && !p.motionId ? (s.decisionKinds.get(item.id) ?? defaultItemDecision(s, item.id, v.passed)) : null;
          const amendments = p.motionId ? amendmentsOf(s, item.id) : [];
          const at = amendments.findIndex((m) => m.id === p.motionId);
          const rollCall = p.mode === 'rollCall';
          const choices = new Map<string, Choice>();
          for (const b of rollCall ? (s.ballots.get(p.id)?.values() ?? []) : []) if (b.choice) choices.set(b.memberId, b.choice);
          const ballots = s.ballots.get(p.id);
          const open = p.mode !== 'secret' && !p.countedByHand;
          const groupWise = counted && open && isGroupWise(s, p.id);
          const groupBallots = groupWise
            ? members.flatMap((m) => {
                const choice = ballots?.get(m.id)?.choice;
                return choice ? [{ group: groupOf(m), choice }] : [];
              })
            : null;
          const recorded = open ? recordedIn(s, p.id) : new Set<string>();
          const recordedVotes = members.flatMap((m) => {
            const choice = recorded.has(m.id) ? ballots?.get(m.id)?.choice : null;
            return choice ? [{ memberId: m.id, name: m.name, choice }] : [];
          });
          return {
            pollId: p.id,
            round: p.round,
            mode: p.mode,
            majority: p.majority,
            status: p.status as RoundResult['status'],
            openedAt: p.openedAt,
            closedAt: p.closedAt,
            publishedAt: p.publishedAt,
            eligible: p.eligibleMemberIds.length,
            counts: p.counts,
            passed: v?.passed ?? null,
            outcome: v?.outcome ?? null,
            result: v ? (groupBallots ? groupWiseWording(groupBallots, v.outcome) : resultWording(v.outcome, p.counts!.abstain)) : null,
            decisionKind: kind,
            decisionKindLabel: kind ? DECISION_KIND_LABELS.de[kind] : null,
            namedVotes: rollCall
              ? p.eligibleMemberIds.flatMap((id) => {
                  const group = groupOf(byId.get(id));
                  return choices.has(id) ? [{ memberId: id, name: names.get(id) ?? id, choice: choices.get(id)!, ...(group ? { group } : {}) }] : [];
                })
              : null,
            notVoted: rollCall ? p.eligibleMemberIds.filter((id) => !choices.has(id)).map((id) => names.get(id) ?? id) : null,
            countedByHand: p.countedByHand,
            excludedNames: members.filter((m) => p.excludedMemberIds.includes(m.id)).map((m) => m.name),
            quorumOverride: p.quorumOverridden ? p.quorum : null,
            rules: p.rules,
            statutoryMembers: p.statutoryMembers,
            amendment: at < 0 ? null : { number: at + 1, mover: amendments[at]!.mover, text: amendments[at]!.text },
            bloc: p.blocItemIds ? agenda.filter((i) => p.blocItemIds!.includes(i.id)).map((i) => i.number) : null,
            groupWise,
            groupBallots,
            recordedVotes,
            election: electionRoundResult(s, p),
          };
        }),
    }));
  return { format: RESULTS_FORMAT, scope, generatedAt: now, meeting: { ...info, statutoryMembers: s.statutoryMembers, minuteFormat: info.minuteFormat ?? 'allris', language: info.language ?? 'de' }, items };
}
