import { describe, expect, it } from 'vitest';
import type { Meeting } from '../meeting/model.ts';
import type { MeetingState } from '../meeting/state.ts';
import type { Result } from '../protocol/result.ts';
import { ballotRefusal, tallyMarks } from './ballot.ts';
import { decideAddCandidate, decideLot, decideOpenElectionRound, decideSecretDemand, decideSetup, progressOf } from './decide.ts';
import type { Election } from './model.ts';
import { electionMinuteBlock } from './minutes.ts';

const NOW = '2026-12-02T17:00:00.000Z';

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

function state(rules = 'NKomVG', election?: Partial<Election>): MeetingState {
  const members = Array.from({ length: 10 }, (_, i) => ({ id: `m${i}`, name: `Mitglied ${i}`, role: 'member' as const, votingRight: true }));
  const meeting: Meeting = {
    id: 'mt',
    body: 'Landkreis',
    organization: 'Kreistag',
    name: 'Sitzung',
    start: NOW,
    location: '',
    rules,
    members,
    agenda: [{ id: 'i1', number: 'Ö 1', name: 'Wahl der Vorsitzenden', public: true, paper: null }],
    currentItemId: 'i1',
  };
  return {
    meeting,
    statutoryMembers: 10,
    polls: [],
    ballots: new Map(),
    attendance: new Map(members.map((m) => [m.id, [{ from: NOW, to: null }]])),
    exclusions: new Map(),
    quorumChecks: [],
    secretCounts: new Map(),
    decisionKinds: new Map(),
    elections: election
      ? new Map([['i1', { itemId: 'i1', seats: 1, candidates: [{ id: 'a', name: 'Frau A' }, { id: 'b', name: 'Herr B' }], secretDemandedAt: null, lots: [], ...election }]])
      : new Map(),
  };
}

/** Opens, fills and closes the next Wahlgang with these votes per candidate. */
function runRound(s: MeetingState, votes: Record<string, number>, ballots = Object.values(votes).reduce((x, y) => x + y, 0)): string {
  const opened = decideOpenElectionRound(s, 'i1', false, `p${s.polls.length + 1}`, NOW);
  if (!opened.ok) throw new Error(opened.error.message);
  s.polls.push({ ...opened.data, status: 'closed', counts: { yes: ballots, no: 0, abstain: 0 }, election: { ...opened.data.election!, votes } });
  return opened.data.id;
}

describe('election ballots', () => {
  const e = { stage: 1 as const, seats: 2, candidateIds: ['a', 'b', 'c'], votes: null };
  it('accept up to the seats, each candidate once, and refuse everything else', () => {
    expect(ballotRefusal(e, { choice: 'yes', marks: ['a', 'b'] })).toBeNull();
    expect(ballotRefusal(e, { choice: 'abstain', marks: [] })).toBeNull();
    expect(ballotRefusal(e, { choice: 'yes', marks: ['a', 'b', 'c'] })?.error.code).toBe('choice_not_allowed');
    expect(ballotRefusal(e, { choice: 'yes', marks: ['a', 'a'] })?.error.message).toMatch(/once/);
    expect(ballotRefusal(e, { choice: 'yes', marks: ['x'] })?.error.message).toMatch(/Not a candidate/);
    expect(ballotRefusal(e, { choice: 'yes', marks: [] })).not.toBeNull();
    expect(ballotRefusal(e, { choice: 'abstain', marks: ['a'] })).not.toBeNull();
    expect(ballotRefusal(e, { choice: 'no', marks: [] })?.error.message).toMatch(/single candidate/);
    expect(ballotRefusal({ ...e, seats: 1, candidateIds: ['a'] }, { choice: 'no', marks: [] })).toBeNull();
  });

  it('tally marks per candidate', () => {
    expect(tallyMarks(['a', 'b'], [['a'], ['a', 'b'], [], ['x']])).toEqual({ a: 2, b: 1 });
  });
});

describe('election decisions', () => {
  it('one seat per election where the statute elects each position on its own', () => {
    expect(decideSetup(state('NKomVG'), 'i1', 2).ok).toBe(false);
    expect(decideSetup(state('GO-BY'), 'i1', 2).ok).toBe(false);
    expect(decideSetup(state('GO-NRW'), 'i1', 3)).toMatchObject({ ok: true, data: { seats: 3 } });
    expect(decideSetup(state('GemO-BW'), 'i1', 3).ok).toBe(true);
  });

  it('opens secret when a member demanded it, and always under GO-BY', () => {
    const open = state('NKomVG', {});
    expect(decideOpenElectionRound(open, 'i1', false, 'p1', NOW)).toMatchObject({ ok: true, data: { mode: 'open', election: { stage: 1, candidateIds: ['a', 'b'] } } });
    const demanded = state('NKomVG', {});
    demanded.elections!.set('i1', must(decideSecretDemand(demanded, 'i1', true, NOW)));
    expect(decideOpenElectionRound(demanded, 'i1', false, 'p1', NOW)).toMatchObject({ ok: true, data: { mode: 'secret' } });
    expect(decideOpenElectionRound(state('GO-BY', {}), 'i1', false, 'p1', NOW)).toMatchObject({ ok: true, data: { mode: 'secret' } });
  });

  it('refuses new candidates once a Wahlgang ran, and a second vote while one is open', () => {
    const s = state('NKomVG', {});
    runRound(s, { a: 5, b: 5 });
    expect(decideAddCandidate(s, 'i1', 'Frau C', 'c')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const t = state('NKomVG', {});
    t.polls.push(must(decideOpenElectionRound(t, 'i1', false, 'p1', NOW)));
    expect(decideOpenElectionRound(t, 'i1', false, 'p2', NOW)).toMatchObject({ ok: false, error: { code: 'poll_already_open' } });
  });

  it('GemO BW: Stichwahl between the best two, a tie there decided by a lot entered by hand', () => {
    const s = state('GemO-BW', { candidates: [{ id: 'a', name: 'Frau A' }, { id: 'b', name: 'Herr B' }, { id: 'c', name: 'Frau C' }] });
    runRound(s, { a: 4, b: 3, c: 3 });
    // A tie for second place: the lot decides who enters the Stichwahl.
    let next = progressOf(s, s.elections!.get('i1')!).next;
    expect(next).toMatchObject({ kind: 'lot', purpose: 'runoff', among: ['b', 'c'], count: 1 });
    expect(decideOpenElectionRound(s, 'i1', false, 'px', NOW)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(decideLot(s, 'p1', ['a'], () => [], NOW)).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const lot = decideLot(s, 'p1', ['c'], () => [], NOW);
    expect(lot).toMatchObject({ ok: true, data: { winners: ['c'], method: 'hand', purpose: 'runoff' } });
    s.elections!.get('i1')!.lots.push(must(lot));
    next = progressOf(s, s.elections!.get('i1')!).next;
    expect(next).toEqual({ kind: 'open', stage: 2, candidateIds: ['a', 'c'], seats: 1 });
    const second = runRound(s, { a: 5, c: 5 });
    // The server's draw: whatever the random source picks among the tied.
    const drawn = decideLot(s, second, undefined, (among) => [among[1]!], NOW);
    expect(drawn).toMatchObject({ ok: true, data: { winners: ['c'], method: 'server', purpose: 'seat' } });
    s.elections!.get('i1')!.lots.push(must(drawn));
    expect(progressOf(s, s.elections!.get('i1')!)).toMatchObject({ next: { kind: 'done' }, elected: [{ candidateId: 'c', votes: 5, byLot: true }] });
    expect(decideOpenElectionRound(s, 'i1', false, 'py', NOW)).toMatchObject({ ok: false, error: { code: 'result_exists' } });

    expect(electionMinuteBlock(s, s.meeting.agenda[0]!, s.elections!.get('i1')!)).toBe(
      [
        'TOP Ö 1 – Wahl der Vorsitzenden',
        'Wahl nach § 37 Abs. 7 GemO, offen',
        '1. Wahlgang – erforderlich: 6 Stimmen (Mehrheit der 10 anwesenden Stimmberechtigten)',
        'Frau A: 4 Stimmen',
        'Herr B: 3 Stimmen',
        'Frau C: 3 Stimmen',
        'Enthaltung/en: -',
        'Stimmengleichheit um die Teilnahme an der Stichwahl. Losentscheid (im Saal von Hand gezogen): Frau C',
        'Die erforderliche Mehrheit wurde nicht erreicht.',
        'Stichwahl – gewählt ist, wer die meisten Stimmen erhält',
        'Frau A: 5 Stimmen',
        'Frau C: 5 Stimmen',
        'Enthaltung/en: -',
        'Stimmengleichheit. Losentscheid (von der Sitzungsleitung in der Konsole gezogen): Frau C',
        'Gewählt ist Frau C mit 5 Stimmen.',
      ].join('\n'),
    );
  });

  it('several seats: the minutes name everyone elected, in English too', () => {
    const s = state('GO-NRW', { seats: 2, candidates: [{ id: 'a', name: 'Frau A' }, { id: 'b', name: 'Herr B' }, { id: 'c', name: 'Frau C' }] });
    runRound(s, { a: 8, b: 6, c: 4 }, 10);
    const block = electionMinuteBlock(s, s.meeting.agenda[0]!, s.elections!.get('i1')!, 'en')!;
    expect(block.split('\n').slice(1)).toEqual([
      'Election under § 50 Abs. 2 GO NRW, open, 2 seats',
      'First ballot – required: 6 votes (more than half of the 10 valid votes)',
      'Frau A: 8 votes',
      'Herr B: 6 votes',
      'Frau C: 4 votes',
      'Abstentions: -',
      'Elected: Frau A with 8 votes.',
      'Elected: Herr B with 6 votes.',
    ]);
  });
});
