import { describe, expect, it } from 'vitest';
import type { Choice, Poll } from '../meeting/model.ts';
import type { BallotRecord, MeetingState } from '../meeting/state.ts';
import { meetingResults } from './results.ts';
import { resultsCsv } from './resultsCsv.ts';

const poll = (id: string, itemId: string, over: Partial<Poll>): Poll => ({
  id,
  itemId,
  round: 1,
  mode: 'open',
  majority: 'simple',
  status: 'published',
  openedAt: '2022-03-22T17:10:00.000Z',
  closedAt: '2022-03-22T17:12:00.000Z',
  publishedAt: '2022-03-22T17:12:30.000Z',
  eligibleMemberIds: ['p1', 'p2', 'p3'],
  excludedMemberIds: [],
  quorum: { present: 3, total: 3, required: 2, quorate: true },
  quorumOverridden: false,
  rules: 'NKomVG',
  statutoryMembers: 3,
  rollCallLive: false,
  countedByHand: false,
  invalidatedAt: null,
  counts: { yes: 3, no: 0, abstain: 0 },
  ...over,
});
const ballots = (pollId: string, choices: Choice[]) =>
  [pollId, new Map(choices.map((choice, i): [string, BallotRecord] => [`p${i + 1}`, { memberId: `p${i + 1}`, choice, ballotId: `b${i}`, castAt: 'x' }]))] as const;

const state: MeetingState = {
  meeting: {
    id: 'm1',
    body: 'Landkreis Peine',
    organization: 'Ausschuss',
    name: '2. Sitzung',
    start: '2022-03-22T17:00:00+01:00',
    location: 'Ilsede',
    rules: 'NKomVG',
    currentItemId: null,
    members: [
      { id: 'p1', name: 'Herr Marotz', role: 'chair', votingRight: true },
      { id: 'p2', name: '=Frau Wilke', role: 'member', votingRight: true },
      { id: 'p3', name: 'Herr Kühn', role: 'member', votingRight: true },
    ],
    agenda: [
      { id: 'i1', number: 'Ö 1', name: 'Integrationskonzept; Teil "A"', public: true, paper: '2022/032' },
      { id: 'i2', number: 'Ö 2', name: 'Haushalt', public: true, paper: null },
      { id: 'i3', number: 'N 1', name: 'Vergabe Migrationsberatung', public: false, paper: '2022/041' },
      { id: 'i4', number: 'Ö 3', name: 'Läuft noch', public: true, paper: null },
    ],
  },
  statutoryMembers: 3,
  polls: [
    poll('a', 'i1', { status: 'invalid', counts: { yes: 1, no: 1, abstain: 0 } }),
    poll('b', 'i1', { round: 2, mode: 'rollCall', counts: { yes: 2, no: 1, abstain: 0 } }),
    poll('c', 'i2', { mode: 'secret', status: 'closed', publishedAt: null, counts: { yes: 1, no: 0, abstain: 2 } }),
    poll('d', 'i3', { counts: { yes: 1, no: 2, abstain: 0 } }),
    poll('e', 'i4', { status: 'open', closedAt: null, publishedAt: null, counts: null }),
  ],
  ballots: new Map([ballots('b', ['yes', 'no', 'yes']), ballots('c', ['yes', 'abstain', 'abstain']), ballots('e', ['yes'])]),
  attendance: new Map(),
  exclusions: new Map(),
  quorumChecks: [],
  secretCounts: new Map(),
  decisionKinds: new Map(),
};

describe('results export', () => {
  const full = meetingResults(state, 'full', '2022-03-22T20:00:00.000Z');

  it('never exports an open vote', () => {
    expect(full.items.find((i) => i.id === 'i4')!.rounds).toEqual([]);
    expect(JSON.stringify(full)).not.toContain('"pollId":"e"');
  });

  it('keeps the invalid round, words the valid one, names only roll-call votes', () => {
    const [invalid, valid] = full.items[0]!.rounds;
    expect(invalid).toMatchObject({ status: 'invalid', passed: null, result: null, namedVotes: null });
    expect(valid).toMatchObject({ round: 2, passed: true, result: 'Mehrheitlich', decisionKindLabel: 'ungeändert beschlossen' });
    expect(valid!.namedVotes).toEqual([
      { memberId: 'p1', name: 'Herr Marotz', choice: 'yes' },
      { memberId: 'p2', name: '=Frau Wilke', choice: 'no' },
      { memberId: 'p3', name: 'Herr Kühn', choice: 'yes' },
    ]);
    expect(full.items[1]!.rounds[0]).toMatchObject({ mode: 'secret', namedVotes: null, result: 'Einstimmig bei 2 Enthaltungen' });
  });

  it('names roll-call voters and non-voters in the order of the member list, with the notes the minutes carry', () => {
    // Ballots arrive in any order: p3 first, p1 last; p2 is excluded, and nobody else voted.
    const late = new Map<string, BallotRecord>([
      ['p3', { memberId: 'p3', choice: 'no', ballotId: 'x3', castAt: 'x' }],
      ['p1', { memberId: 'p1', choice: 'yes', ballotId: 'x1', castAt: 'x' }],
    ]);
    const s: MeetingState = {
      ...state,
      meeting: { ...state.meeting, members: [...state.meeting.members, { id: 'p4', name: 'Frau Nolte', role: 'member', votingRight: true }] },
      polls: [poll('r', 'i2', { mode: 'rollCall', eligibleMemberIds: ['p1', 'p3', 'p4'], excludedMemberIds: ['p2'], counts: { yes: 1, no: 1, abstain: 0 } })],
      ballots: new Map([['r', late]]),
    };
    const round = meetingResults(s, 'full', 'now').items[1]!.rounds[0]!;
    expect(round.namedVotes!.map((v) => v.name)).toEqual(['Herr Marotz', 'Herr Kühn']);
    expect(round).toMatchObject({ notVoted: ['Frau Nolte'], excludedNames: ['=Frau Wilke'], countedByHand: false, quorumOverride: null, rules: 'NKomVG', statutoryMembers: 3 });
    expect(full.items[1]!.rounds[0]).toMatchObject({ notVoted: null });
  });

  it("uses the clerk's Beschlussart for the item, as the minutes do", () => {
    const amended = meetingResults({ ...state, decisionKinds: new Map([['i1', 'adoptedAmended']]) }, 'full', 'now');
    expect(amended.items[0]!.rounds[1]).toMatchObject({ decisionKind: 'adoptedAmended', decisionKindLabel: 'geändert beschlossen' });
    expect(amended.items[2]!.rounds[0]).toMatchObject({ decisionKind: 'rejected' });
  });

  it('leaves non-public items out of the public scope', () => {
    const pub = meetingResults(state, 'public', 'now');
    expect(pub.items.map((i) => i.number)).toEqual(['Ö 1', 'Ö 2', 'Ö 3']);
    expect(JSON.stringify(pub)).not.toContain('Migrationsberatung');
  });

  it('writes one CSV row per round and one per named vote, quoted and formula-safe', () => {
    const csv = resultsCsv(full);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('TOP;Vorlage;Bezeichnung;Runde;Modus;Regel;Ja;Nein;Enthaltung;Ergebnis;Beschlussart;Beginn;Ende;Mitglied;Stimme');
    expect(lines).toHaveLength(1 + 2 + 3 + 1 + 1);
    expect(lines[1]).toBe('Ö 1;2022/032;"Integrationskonzept; Teil ""A""";1;offen;NKomVG: einfache Mehrheit;1;1;0;ungültig;;2022-03-22T17:10:00.000Z;2022-03-22T17:12:00.000Z;;');
    expect(lines[2]).toContain(';2;namentlich;NKomVG: einfache Mehrheit;2;1;0;Mehrheitlich;ungeändert beschlossen;');
    expect(lines[4]).toMatch(/;'=Frau Wilke;Nein$/);
    expect(lines[7]).toMatch(/^N 1;2022\/041;Vergabe Migrationsberatung;1;offen;.*;1;2;0;Abgelehnt;abgelehnt;/);
  });

  it('neutralises every formula start in text cells (OWASP list and full-width forms), never in numbers', () => {
    const starts = ['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '\uFF1D1+1', '\uFF0B1', '\uFF0D1', '\uFF20A1'];
    const item = full.items[1]!;
    const round = { ...item.rounds[0]!, counts: { yes: -1, no: 0, abstain: 2 } };
    const rows = resultsCsv({ ...full, items: starts.map((name) => ({ ...item, name, rounds: [round] })) })
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(1, -1);
    for (const [i, start] of starts.entries()) {
      const name = /[\r]/.test(start) ? `"'${start}"` : `'${start}`;
      expect(rows[i]).toBe(`Ö 2;;${name};1;geheim;NKomVG: einfache Mehrheit;-1;0;2;Einstimmig bei 2 Enthaltungen;${round.decisionKindLabel};${round.openedAt};${round.closedAt};;`);
    }
  });
});
