import { describe, expect, it } from 'vitest';
import { decideHandCount, decideInvalidate } from '../meeting/decideRounds.ts';
import { decideExclusion } from '../meeting/decideAttendance.ts';
import { decideClose } from '../meeting/decide.ts';
import { latestPoll, validPoll } from '../meeting/state.ts';
import { snapshotFor } from '../meeting/project.ts';
import { meetingResults } from '../export/results.ts';
import { resultsCsv } from '../export/resultsCsv.ts';
import { decideAddAmendment, decideMoveAmendment, decideRemoveAmendment } from './decideMotions.ts';
import { amend, NOW, open, state, vote } from './testMeeting.ts';
import { amendmentsOf, defaultItemDecision, isAmended, nextSubject, subjectOf } from './sequence.ts';

describe('amendments are voted first, in the chair’s order, then the main motion', () => {
  it('refuses the main motion and a later amendment while an earlier one is open', () => {
    const s = state();
    const spd = amend(s, 'i5', 'der SPD-Fraktion');
    const cdu = amend(s, 'i5', 'der CDU-Fraktion');
    expect(nextSubject(s, 'i5')).toMatchObject({ kind: 'amendment', number: 1, motion: { id: spd } });
    expect(open(s, 'i5')).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Vote on amendment 1 before the main motion' } });
    expect(open(s, 'i5', { motionId: cdu })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const first = vote(s, 'i5', 3, { motionId: spd });
    expect(first).toMatchObject({ round: 1, motionId: spd, counts: { yes: 3, no: 2 } });
    expect(open(s, 'i5', { motionId: spd })).toMatchObject({ ok: false, error: { code: 'result_exists' } });
    expect(nextSubject(s, 'i5')).toMatchObject({ kind: 'amendment', number: 2 });
    vote(s, 'i5', 2, { motionId: cdu });
    expect(nextSubject(s, 'i5')).toEqual({ kind: 'main' });
    const main = vote(s, 'i5', 4);
    // Each question counts its own rounds.
    expect(main.round).toBe(1);
    expect(validPoll(s, 'i5')?.id).toBe(main.id);
    expect(subjectOf(s, main)).toEqual({ kind: 'main', amended: true });
    expect(subjectOf(s, s.polls[0]!)).toEqual({ kind: 'amendment', motionId: spd, number: 1, mover: 'der SPD-Fraktion', text: 'Text' });
  });

  it('the chair reorders unvoted amendments; one that was voted keeps its place and stays in the record', () => {
    const s = state();
    const a = amend(s, 'i5', 'der SPD-Fraktion');
    const b = amend(s, 'i5', 'der CDU-Fraktion');
    const c = amend(s, 'i5', 'der Gruppe FDP/Grüne');
    const apply = (r: ReturnType<typeof decideMoveAmendment>) => {
      if (!r.ok) throw new Error(r.error.message);
      const moved = new Map(r.data.map((m) => [m.id, m]));
      s.motions = s.motions!.map((m) => moved.get(m.id) ?? m);
    };
    apply(decideMoveAmendment(s, { motionId: c, direction: 'up' }));
    expect(amendmentsOf(s, 'i5').map((m) => m.id)).toEqual([a, c, b]);
    expect(decideMoveAmendment(s, { motionId: a, direction: 'up' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    vote(s, 'i5', 1, { motionId: a });
    expect(decideMoveAmendment(s, { motionId: c, direction: 'up' })).toMatchObject({ ok: false, error: { message: 'An amendment that was voted on keeps its place' } });
    expect(decideRemoveAmendment(s, a)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(decideRemoveAmendment(s, b)).toMatchObject({ ok: true, data: { id: b } });
  });

  it('an amendment may be added on the spot, but not once the main motion is being voted on', () => {
    const s = state();
    const first = amend(s, 'i5', 'der SPD-Fraktion');
    vote(s, 'i5', 5, { motionId: first });
    const late = amend(s, 'i5', 'der CDU-Fraktion');
    expect(nextSubject(s, 'i5')).toMatchObject({ kind: 'amendment', motion: { id: late }, number: 2 });
    vote(s, 'i5', 0, { motionId: late });
    expect(open(s, 'i5')).toMatchObject({ ok: true });
    expect(decideAddAmendment(s, { itemId: 'i5', mover: 'der AfD-Fraktion', text: 'x' }, 'z')).toMatchObject({ ok: false, error: { code: 'poll_already_open' } });
  });
});

describe('Beschlussart follows the amendments', () => {
  it('"geändert beschlossen" when an amendment and then the main motion passed', () => {
    const s = state();
    vote(s, 'i5', 3, { motionId: amend(s, 'i5', 'der SPD-Fraktion') });
    vote(s, 'i5', 1, { motionId: amend(s, 'i5', 'der CDU-Fraktion') });
    const main = vote(s, 'i5', 4);
    expect(isAmended(s, 'i5')).toBe(true);
    expect(defaultItemDecision(s, 'i5', true)).toBe('adoptedAmended');
    expect(meetingResults(s, 'full', NOW).items[2]!.rounds.map((r) => [r.amendment?.number ?? null, r.decisionKind])).toEqual([
      [1, null],
      [2, null],
      [null, 'adoptedAmended'],
    ]);
    expect(main.counts).toEqual({ yes: 4, no: 1, abstain: 0 });
    // results.csv tells the item's rounds apart by what they decided.
    const csv = resultsCsv(meetingResults(s, 'full', NOW));
    expect(csv).toContain(';Radverkehr – Änderungsantrag 1 der SPD-Fraktion;1;offen;');
    expect(csv).toContain(';Radverkehr – Änderungsantrag 2 der CDU-Fraktion;1;offen;');
    expect(csv).toMatch(/;Radverkehr;1;offen;.*;geändert beschlossen;/);
  });

  it('amended but the main motion rejected: abgelehnt', () => {
    const s = state();
    vote(s, 'i5', 5, { motionId: amend(s, 'i5', 'der SPD-Fraktion') });
    vote(s, 'i5', 2);
    expect(defaultItemDecision(s, 'i5', false)).toBe('rejected');
  });

  it('all amendments rejected: the main motion is the unchanged one', () => {
    const s = state();
    vote(s, 'i5', 2, { motionId: amend(s, 'i5', 'der SPD-Fraktion') });
    vote(s, 'i5', 0, { motionId: amend(s, 'i5', 'der CDU-Fraktion') });
    const main = vote(s, 'i5', 5);
    expect(subjectOf(s, main)).toEqual({ kind: 'main', amended: false });
    expect(defaultItemDecision(s, 'i5', true)).toBe('adoptedUnchanged');
  });

  it('a tie rejects an amendment', () => {
    const s = state();
    const m = amend(s, 'i5', 'der SPD-Fraktion');
    const r = open(s, 'i5', { motionId: m });
    if (!r.ok) throw new Error();
    s.ballots.set(r.data.id, new Map([['a', { memberId: 'a', choice: 'yes', ballotId: 'b-a-xxxx', castAt: NOW }], ['b', { memberId: 'b', choice: 'no', ballotId: 'b-b-xxxx', castAt: NOW }]]));
    const closed = decideClose(s, r.data.id, NOW);
    if (!closed.ok) throw new Error();
    s.polls = [closed.data];
    expect(isAmended(s, 'i5')).toBe(false);
  });
});

describe('repeating an amendment round', () => {
  it('repeats the same amendment with its own round number; refused once the main motion has a result', () => {
    const s = state();
    const m = amend(s, 'i5', 'der SPD-Fraktion');
    const first = vote(s, 'i5', 1, { motionId: m });
    const r = decideInvalidate(s, first.id, true, 'again', NOW);
    expect(r).toMatchObject({ ok: true, data: { invalidated: { status: 'invalid' }, repeat: { id: 'again', motionId: m, round: 2, status: 'open' } } });
    if (!r.ok || !r.data.repeat) throw new Error();
    s.polls = [r.data.invalidated, r.data.repeat];
    const closed = decideClose(s, 'again', NOW);
    if (!closed.ok) throw new Error();
    s.polls = [r.data.invalidated, { ...closed.data, counts: { yes: 4, no: 1, abstain: 0 } }];
    expect(isAmended(s, 'i5')).toBe(true);
    vote(s, 'i5', 5);
    expect(decideInvalidate(s, 'again', true, 'x', NOW)).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Declare the result of the main motion on Ö 5 invalid first' } });
  });

  it('an amendment counted by hand takes its place in the order', () => {
    const s = state();
    const m = amend(s, 'i5', 'der SPD-Fraktion');
    const hand = decideHandCount(s, { itemId: 'i5', counts: { yes: 3, no: 2, abstain: 0 }, majority: 'simple', motionId: m }, 'h1', NOW);
    expect(hand).toMatchObject({ ok: true, data: { motionId: m, countedByHand: true, round: 1 } });
    if (!hand.ok) throw new Error();
    s.polls.push(hand.data);
    expect(nextSubject(s, 'i5')).toEqual({ kind: 'main' });
  });
});

describe('Sammelabstimmung (en bloc)', () => {
  it('one vote, and every item of the bloc has its result', () => {
    const s = state();
    const bloc = vote(s, 'i3', 5, { blocItemIds: ['i7', 'i3', 'i4'] });
    // Agenda order, the item it was opened on first.
    expect(bloc.blocItemIds).toEqual(['i3', 'i4', 'i7']);
    for (const id of ['i3', 'i4', 'i7']) expect(validPoll(s, id)?.id).toBe(bloc.id);
    expect(latestPoll(s, 'i7')?.id).toBe(bloc.id);
    expect(validPoll(s, 'i5')).toBeUndefined();
    expect(open(s, 'i4')).toMatchObject({ ok: false, error: { code: 'result_exists' } });
    const results = meetingResults(s, 'full', NOW).items;
    expect(results.filter((i) => i.rounds.length).map((i) => [i.number, i.rounds[0]!.bloc, i.rounds[0]!.decisionKind])).toEqual([
      ['Ö 3', ['Ö 3', 'Ö 4', 'Ö 7'], 'adoptedUnchanged'],
      ['Ö 4', ['Ö 3', 'Ö 4', 'Ö 7'], 'adoptedUnchanged'],
      ['Ö 7', ['Ö 3', 'Ö 4', 'Ö 7'], 'adoptedUnchanged'],
    ]);
    expect(resultsCsv(meetingResults(s, 'full', NOW))).toContain('Ö 4;;Vier – Sammelabstimmung TOP Ö 3, Ö 4, Ö 7;1;');
  });

  it('an item removed from the bloc on objection is voted on by itself', () => {
    const s = state();
    vote(s, 'i3', 5, { blocItemIds: ['i3', 'i7'] });
    expect(validPoll(s, 'i4')).toBeUndefined();
    expect(vote(s, 'i4', 1)).toMatchObject({ itemId: 'i4', round: 1 });
  });

  it('refuses a bloc with a decided item, an item with amendments or a Mitwirkungsverbot, mixed public and non-public, or one item twice', () => {
    const s = state();
    vote(s, 'i7', 5);
    expect(open(s, 'i3', { blocItemIds: ['i3', 'i7'] })).toMatchObject({ ok: false, error: { code: 'result_exists', message: 'Ö 7 already has a result' } });
    amend(s, 'i5', 'der SPD-Fraktion');
    expect(open(s, 'i3', { blocItemIds: ['i3', 'i5'] })).toMatchObject({ ok: false, error: { message: 'Ö 5 has amendments: vote on it separately' } });
    s.exclusions.set('i4', new Set(['a']));
    expect(open(s, 'i3', { blocItemIds: ['i3', 'i4'] })).toMatchObject({ ok: false, error: { message: 'Ö 4 has a Mitwirkungsverbot: vote on it separately' } });
    s.exclusions.clear();
    expect(open(s, 'i3', { blocItemIds: ['i3', 'n1'] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(open(s, 'i3', { blocItemIds: ['i3', 'i3'] })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(open(s, 'i3', { blocItemIds: ['i4', 'i5'] })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(open(s, 'i3', { blocItemIds: ['i3', 'nope'] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a repeated bloc is the same bloc, round 2; declared invalid without repeat, its items can be voted singly', () => {
    const s = state();
    const bloc = vote(s, 'i3', 5, { blocItemIds: ['i3', 'i4', 'i7'] });
    const r = decideInvalidate(s, bloc.id, true, 'again', NOW);
    expect(r).toMatchObject({ ok: true, data: { repeat: { blocItemIds: ['i3', 'i4', 'i7'], round: 2 } } });
    const t = decideInvalidate(s, bloc.id, false, 'x', NOW);
    if (!t.ok) throw new Error();
    s.polls = [t.data.invalidated];
    expect(vote(s, 'i7', 3)).toMatchObject({ itemId: 'i7', round: 2 });
  });

  it('counted by hand en bloc; no Mitwirkungsverbot changes on any of its items while it runs', () => {
    const s = state();
    const hand = decideHandCount(s, { itemId: 'i3', counts: { yes: 4, no: 0, abstain: 1 }, majority: 'simple', blocItemIds: ['i3', 'i4'] }, 'h1', NOW);
    expect(hand).toMatchObject({ ok: true, data: { blocItemIds: ['i3', 'i4'], countedByHand: true, status: 'closed' } });
    open(s, 'i5', { blocItemIds: ['i5', 'i7'] });
    expect(decideExclusion(s, { itemId: 'i7', memberId: 'a', excluded: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(decideExclusion(s, { itemId: 'i3', memberId: 'a', excluded: true })).toMatchObject({ ok: true });
  });

  it('tablets and the display learn what is voted on; only the chair gets the list of amendments', () => {
    const s = state();
    s.meeting.currentItemId = 'i3';
    open(s, 'i3', { blocItemIds: ['i3', 'i4', 'i7'] });
    const tablet = snapshotFor(s, { role: 'member', memberId: 'a' }, NOW);
    expect(tablet.polls[0]).toMatchObject({ blocItemIds: ['i3', 'i4', 'i7'], subject: { kind: 'bloc', itemIds: ['i3', 'i4', 'i7'] } });
    expect(tablet.motions).toBeUndefined();
    expect(snapshotFor(s, { role: 'chair' }, NOW).motions).toEqual([]);
    // Another item of the bloc called up: its round is the bloc's.
    s.meeting.currentItemId = 'i7';
    expect(snapshotFor(s, { role: 'display' }, NOW).polls.map((p) => p.blocItemIds)).toEqual([['i3', 'i4', 'i7']]);
  });

  it("tablets and the display get the current item and the bloc's items of the agenda, the chair all of it", () => {
    const s = state();
    const agendaOf = (viewer: Parameters<typeof snapshotFor>[1]) => snapshotFor(s, viewer, NOW).agenda.map((i) => i.id);
    expect(agendaOf({ role: 'member', memberId: 'a' })).toEqual([]);
    s.meeting.currentItemId = 'i5';
    expect(agendaOf({ role: 'member', memberId: 'a' })).toEqual(['i5']);
    expect(agendaOf({ role: 'display' })).toEqual(['i5']);
    s.meeting.currentItemId = 'i3';
    open(s, 'i3', { blocItemIds: ['i3', 'i4', 'i7'] });
    expect(agendaOf({ role: 'member', memberId: 'a' })).toEqual(['i3', 'i4', 'i7']);
    expect(agendaOf({ role: 'display' })).toEqual(['i3', 'i4', 'i7']);
    expect(agendaOf({ role: 'chair' })).toEqual(s.meeting.agenda.map((i) => i.id));
  });
});
