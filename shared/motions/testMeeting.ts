import { decideClose, decideOpen, type OpenPollArgs } from '../meeting/decide.ts';
import type { Choice, Poll } from '../meeting/model.ts';
import type { MeetingState } from '../meeting/state.ts';
import { decideAddAmendment } from './decideMotions.ts';

/** A small Kreistag meeting driven through the core's decisions, for the motions tests. */

export const NOW = '2022-03-22T17:30:00.000Z';
export const MEMBERS = ['a', 'b', 'c', 'd', 'e'];

export function state(): MeetingState {
  return {
    meeting: {
      id: 'm',
      body: 'Landkreis Peine',
      organization: 'Kreistag',
      name: '5. Sitzung',
      start: '2022-03-22T17:00:00+01:00',
      location: '',
      rules: 'NKomVG',
      members: MEMBERS.map((id) => ({ id, name: id.toUpperCase(), role: 'member' as const, votingRight: true })),
      agenda: [
        { id: 'i3', number: 'Ö 3', name: 'Drei', public: true, paper: null },
        { id: 'i4', number: 'Ö 4', name: 'Vier', public: true, paper: null },
        { id: 'i5', number: 'Ö 5', name: 'Radverkehr', public: true, paper: '2024/017' },
        { id: 'i7', number: 'Ö 7', name: 'Sieben', public: true, paper: null },
        { id: 'n1', number: 'N 1', name: 'Grundstück', public: false, paper: null },
      ],
      currentItemId: null,
    },
    statutoryMembers: 5,
    polls: [],
    ballots: new Map(),
    secretCounts: new Map(),
    decisionKinds: new Map(),
    attendance: new Map(MEMBERS.map((id) => [id, [{ from: NOW, to: null }]])),
    exclusions: new Map(),
    quorumChecks: [],
    motions: [],
  };
}

let ids = 0;
export function amend(s: MeetingState, itemId: string, mover: string, text = 'Text'): string {
  const r = decideAddAmendment(s, { itemId, mover, text }, `mo${++ids}`);
  if (!r.ok) throw new Error(r.error.message);
  s.motions!.push(r.data);
  return r.data.id;
}

export function open(s: MeetingState, itemId: string, subject: Pick<OpenPollArgs, 'motionId' | 'blocItemIds'> = {}) {
  const input: OpenPollArgs = { itemId, mode: 'open', majority: 'simple', rollCallLive: false, confirmNotQuorate: false, ...subject };
  const r = decideOpen(s, input, `p${s.polls.length + 1}`, NOW);
  if (r.ok) s.polls.push(r.data);
  return r;
}

/** Opens, lets the members vote (`yes` Ja, the rest Nein) and closes the vote. */
export function vote(s: MeetingState, itemId: string, yes: number, subject: Pick<OpenPollArgs, 'motionId' | 'blocItemIds'> = {}): Poll {
  const r = open(s, itemId, subject);
  if (!r.ok) throw new Error(r.error.message);
  const ballots = new Map(MEMBERS.map((m, i) => [m, { memberId: m, choice: (i < yes ? 'yes' : 'no') as Choice, ballotId: `b-${m}-xxxx`, castAt: NOW }]));
  s.ballots.set(r.data.id, ballots);
  const closed = decideClose(s, r.data.id, NOW);
  if (!closed.ok) throw new Error(closed.error.message);
  s.polls = s.polls.map((p) => (p.id === closed.data.id ? closed.data : p));
  return closed.data;
}

