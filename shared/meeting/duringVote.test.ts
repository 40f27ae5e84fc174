import { describe, expect, it } from 'vitest';
import { decideCast, decideOpen, decideSelect } from './decide.ts';
import type { Poll } from './model.ts';
import { progressFor, snapshotFor } from './project.ts';
import type { MeetingState } from './state.ts';

const NOW = '2022-03-22T17:30:00.000Z';

function state(): MeetingState {
  return {
    meeting: {
      id: 'm',
      body: 'Landkreis Peine',
      organization: 'Ausschuss',
      name: '2. Sitzung',
      start: '2022-03-22T17:00:00+01:00',
      location: '',
      rules: 'NKomVG',
      members: [
        { id: 'a', name: 'A', role: 'chair', votingRight: true },
        { id: 'b', name: 'B', role: 'member', votingRight: true },
        { id: 'c', name: 'C', role: 'member', votingRight: true },
      ],
      agenda: [
        { id: 'i1', number: 'Ö 1', name: 'Eins', public: true, paper: null },
        { id: 'i2', number: 'Ö 2', name: 'Zwei', public: true, paper: null },
        { id: 'n1', number: 'N 1', name: 'Vertraulich', public: false, paper: null },
      ],
      currentItemId: null,
    },
    statutoryMembers: 3,
    polls: [],
    ballots: new Map(),
    secretCounts: new Map(),
    decisionKinds: new Map(),
    attendance: new Map(['a', 'b', 'c'].map((id) => [id, [{ from: NOW, to: null }]])),
    exclusions: new Map(),
    quorumChecks: [],
  };
}

function open(s: MeetingState, itemId: string, mode: Poll['mode'] = 'open', rollCallLive = false): Poll {
  const r = decideOpen(s, { itemId, mode, majority: 'simple', rollCallLive, confirmNotQuorate: false }, `p-${itemId}`, NOW);
  if (!r.ok) throw new Error(r.error.message);
  s.polls.push(r.data);
  s.meeting.currentItemId = itemId;
  return r.data;
}

function cast(s: MeetingState, poll: Poll, memberId: string): void {
  const r = decideCast(s, memberId, { pollId: poll.id, choice: 'yes', ballotId: `ballot-${memberId}` }, NOW);
  if (!r.ok) throw new Error(r.error.message);
  let perPoll = s.ballots.get(poll.id);
  if (!perPoll) s.ballots.set(poll.id, (perPoll = new Map()));
  perPoll.set(memberId, r.data.ballot);
}

describe('progress of a running vote', () => {
  it('tells the display nothing of a non-public item, not even a live roll call; members and chair follow it', () => {
    const s = state();
    const poll = open(s, 'n1', 'rollCall', true);
    cast(s, poll, 'b');
    expect(progressFor(s, poll, { role: 'display' })).toBeNull();
    expect(progressFor(s, poll, { role: 'member' })).toMatchObject({ pollId: poll.id, castCount: 1, rollCall: expect.arrayContaining([{ memberId: 'b', choice: 'yes' }]) });
    expect(progressFor(s, poll, { role: 'chair' })).toMatchObject({ castCount: 1, votedMemberIds: ['b'] });
  });

  it('shows the display the count and live roll call of a public item', () => {
    const s = state();
    const poll = open(s, 'i1', 'rollCall', true);
    cast(s, poll, 'c');
    const shown = progressFor(s, poll, { role: 'display' });
    expect(shown).toMatchObject({ pollId: poll.id, castCount: 1, eligibleCount: 3 });
    expect(shown?.rollCall).toContainEqual({ memberId: 'c', choice: 'yes' });
    expect(shown?.votedMemberIds).toBeUndefined();
  });
});

describe('calling up an item', () => {
  it('refuses another item, or none, while a vote runs, naming the item whose vote to end', () => {
    const s = state();
    open(s, 'i1');
    expect(decideSelect(s, 'i2')).toEqual({ ok: false, error: { code: 'poll_already_open', message: 'Close the running vote on Ö 1 first' } });
    expect(decideSelect(s, null)).toMatchObject({ ok: false, error: { code: 'poll_already_open' } });
    expect(decideSelect(s, 'i1')).toEqual({ ok: true, data: 'i1' });
  });

  it('allows any item once the vote is closed, and refuses an unknown one', () => {
    const s = state();
    const poll = open(s, 'i1');
    s.polls = s.polls.map((p) => (p.id === poll.id ? { ...p, status: 'closed' } : p));
    expect(decideSelect(s, 'i2')).toEqual({ ok: true, data: 'i2' });
    expect(decideSelect(s, null)).toEqual({ ok: true, data: null });
    expect(decideSelect(s, 'nope')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('snapshots in a long voting session', () => {
  it("give tablets and the display only the current item's rounds, the chair the whole record", () => {
    const s = state();
    const first = open(s, 'i1');
    s.polls = s.polls.map((p) => (p.id === first.id ? { ...p, status: 'published' } : p));
    const second = open(s, 'i2');
    const ids = (viewer: Parameters<typeof snapshotFor>[1]) => snapshotFor(s, viewer, NOW).polls.map((p) => p.id);
    expect(ids({ role: 'member', memberId: 'a' })).toEqual([second.id]);
    expect(ids({ role: 'display' })).toEqual([second.id]);
    expect(ids({ role: 'chair' })).toEqual([first.id, second.id]);
  });

  it("give the chair the member lists and the roll-call grid of the current item's rounds only", () => {
    const s = state();
    const first = open(s, 'i1', 'rollCall', true);
    cast(s, first, 'b');
    s.polls = s.polls.map((p) => (p.id === first.id ? { ...p, status: 'published', counts: { yes: 1, no: 0, abstain: 0 } } : p));
    const second = open(s, 'i2', 'rollCall', true);
    cast(s, second, 'c');
    const [earlier, now] = snapshotFor(s, { role: 'chair' }, NOW).polls;
    expect(earlier).toMatchObject({ id: first.id, status: 'published', castCount: 1, counts: { yes: 1, no: 0, abstain: 0 } });
    for (const list of ['votedMemberIds', 'eligibleMemberIds', 'excludedMemberIds', 'recordedMemberIds', 'rollCall'] as const) {
      expect(earlier).not.toHaveProperty(list);
    }
    expect(now).toMatchObject({ id: second.id, votedMemberIds: ['c'], eligibleMemberIds: ['a', 'b', 'c'], excludedMemberIds: [], recordedMemberIds: [] });
    expect(now!.rollCall).toEqual([
      { memberId: 'a', choice: null },
      { memberId: 'b', choice: null },
      { memberId: 'c', choice: 'yes' },
    ]);
    // Back on the first item, its lists come back.
    s.meeting.currentItemId = 'i1';
    expect(snapshotFor(s, { role: 'chair' }, NOW).polls[0]).toMatchObject({ id: first.id, votedMemberIds: ['b'] });
  });
});
