import { describe, expect, it } from 'vitest';
import { decideCast, decideClose, decideOpen } from './decide.ts';
import { decideDecisionKind, decideHandCount, decideInvalidate } from './decideRounds.ts';
import type { Poll } from './model.ts';
import type { MeetingState } from './state.ts';

const NOW = '2022-03-22T17:30:00.000Z';

function state(rules = 'NKomVG'): MeetingState {
  return {
    meeting: {
      id: 'm',
      body: 'Landkreis Peine',
      organization: 'Ausschuss',
      name: '2. Sitzung',
      start: '2022-03-22T17:00:00+01:00',
      location: '',
      rules,
      members: [
        { id: 'a', name: 'A', role: 'chair', votingRight: true },
        { id: 'b', name: 'B', role: 'member', votingRight: true },
        { id: 'c', name: 'C', role: 'member', votingRight: true },
        { id: 'x', name: 'X', role: 'advisory', votingRight: false },
      ],
      agenda: [
        { id: 'i1', number: 'Ö 1', name: 'Eins', public: true, paper: null },
        { id: 'i2', number: 'Ö 2', name: 'Zwei', public: true, paper: null },
      ],
      currentItemId: null,
    },
    statutoryMembers: 3,
    polls: [],
    ballots: new Map(),
    secretCounts: new Map(),
    decisionKinds: new Map(),
    // Everyone is checked in: these tests are about rounds, not attendance.
    attendance: new Map(['a', 'b', 'c', 'x'].map((id) => [id, [{ from: NOW, to: null }]])),
    exclusions: new Map(),
    quorumChecks: [],
  };
}

const open = (s: MeetingState, mode: Poll['mode'] = 'open', itemId = 'i1'): Poll => {
  const r = decideOpen(s, { itemId, mode, majority: 'simple', rollCallLive: false, confirmNotQuorate: false }, `p${s.polls.length + 1}`, NOW);
  if (!r.ok) throw new Error(r.error.message);
  s.polls.push(r.data);
  return r.data;
};
const replace = (s: MeetingState, p: Poll) => (s.polls = s.polls.map((x) => (x.id === p.id ? p : x)));

describe('hand count', () => {
  it('records a closed round counted by hand, for the members entitled to vote', () => {
    const r = decideHandCount(state(), { itemId: 'i1', counts: { yes: 2, no: 0, abstain: 1 }, majority: 'simple' }, 'h1', NOW);
    expect(r).toMatchObject({ ok: true, data: { status: 'closed', countedByHand: true, round: 1, eligibleMemberIds: ['a', 'b', 'c'], closedAt: NOW } });
  });
  it('refuses more votes than members entitled to vote, and abstentions where the law has none', () => {
    expect(decideHandCount(state(), { itemId: 'i1', counts: { yes: 2, no: 1, abstain: 1 }, majority: 'simple' }, 'h', NOW)).toMatchObject({
      ok: false,
      error: { code: 'invalid_counts' },
    });
    expect(decideHandCount(state('GO-BY'), { itemId: 'i1', counts: { yes: 1, no: 0, abstain: 1 }, majority: 'simple' }, 'h', NOW)).toMatchObject({
      ok: false,
      error: { code: 'choice_not_allowed' },
    });
  });
  it('refuses while a vote is open or when the item already has a result', () => {
    const s = state();
    const p = open(s);
    expect(decideHandCount(s, { itemId: 'i2', counts: { yes: 1, no: 0, abstain: 0 }, majority: 'simple' }, 'h', NOW)).toMatchObject({ ok: false, error: { code: 'poll_already_open' } });
    replace(s, { ...p, status: 'closed', counts: { yes: 0, no: 0, abstain: 0 } });
    expect(decideHandCount(s, { itemId: 'i1', counts: { yes: 1, no: 0, abstain: 0 }, majority: 'simple' }, 'h', NOW)).toMatchObject({ ok: false, error: { code: 'result_exists' } });
  });
});

describe('declaring a round invalid', () => {
  it('keeps the round with its times and opens the next with the same settings', () => {
    const s = state();
    const p = open(s, 'rollCall');
    replace(s, { ...p, status: 'published', closedAt: NOW, publishedAt: NOW, counts: { yes: 1, no: 0, abstain: 0 } });
    const r = decideInvalidate(s, p.id, true, 'p2', '2022-03-22T17:35:00.000Z');
    expect(r).toMatchObject({
      ok: true,
      data: {
        invalidated: { id: p.id, status: 'invalid', closedAt: NOW, publishedAt: NOW, invalidatedAt: '2022-03-22T17:35:00.000Z' },
        repeat: { id: 'p2', round: 2, mode: 'rollCall', status: 'open' },
      },
    });
  });
  it('refuses an open or already invalid round; a hand count is repeated by hand', () => {
    const s = state();
    const p = open(s);
    expect(decideInvalidate(s, p.id, true, 'n', NOW)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    replace(s, { ...p, status: 'invalid' });
    expect(decideInvalidate(s, p.id, false, 'n', NOW)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const hand = decideHandCount(s, { itemId: 'i1', counts: { yes: 1, no: 0, abstain: 0 }, majority: 'simple' }, 'h', NOW);
    if (!hand.ok) throw new Error(hand.error.message);
    s.polls.push(hand.data);
    expect(decideInvalidate(s, 'h', true, 'n', NOW)).toMatchObject({ ok: true, data: { repeat: null } });
  });
});

describe('a secret poll', () => {
  it('gives the ballot record no choice and no time, and refuses a change', () => {
    const s = state();
    const p = open(s, 'secret');
    const first = decideCast(s, 'a', { pollId: p.id, choice: 'no', ballotId: 'ballot-aaaa' }, NOW);
    expect(first).toEqual({ ok: true, data: { ballot: { memberId: 'a', choice: null, ballotId: 'ballot-aaaa', castAt: null }, duplicate: false, secretChoice: 'no' } });
    if (!first.ok) return;
    s.ballots.set(p.id, new Map([['a', first.data.ballot]]));
    s.secretCounts.set(p.id, { yes: 0, no: 1, abstain: 0 });
    expect(decideCast(s, 'a', { pollId: p.id, choice: 'no', ballotId: 'ballot-aaaa' }, NOW)).toMatchObject({ ok: true, data: { duplicate: true } });
    expect(decideCast(s, 'a', { pollId: p.id, choice: 'yes', ballotId: 'ballot-bbbb' }, NOW)).toMatchObject({ ok: false, error: { code: 'already_voted' } });
    expect(decideClose(s, p.id, NOW)).toMatchObject({ ok: true, data: { counts: { yes: 0, no: 1, abstain: 0 } } });
  });
});

describe('Beschlussart', () => {
  it('accepts a kind or null for a known item only', () => {
    expect(decideDecisionKind(state(), 'i2', 'noted')).toEqual({ ok: true, data: 'noted' });
    expect(decideDecisionKind(state(), 'i2', null)).toEqual({ ok: true, data: null });
    expect(decideDecisionKind(state(), 'nope', 'noted')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
