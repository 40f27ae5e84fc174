import { describe, expect, it } from 'vitest';
import type { Member, Poll } from '../meeting/model.ts';
import { recordNotes, voteNotes } from './recordNotes.ts';

const members: Member[] = [
  { id: 'a', name: 'Herr A', role: 'chair', votingRight: true },
  { id: 'b', name: 'Frau B', role: 'member', votingRight: true },
  { id: 'c', name: 'Herr C', role: 'member', votingRight: true },
];
const poll: Poll = {
  id: 'p2',
  itemId: 'i1',
  round: 2,
  mode: 'open',
  majority: 'simple',
  status: 'published',
  openedAt: '2022-03-22T16:50:00.000Z',
  closedAt: '2022-03-22T16:52:00.000Z',
  publishedAt: '2022-03-22T16:52:00.000Z',
  eligibleMemberIds: ['a', 'b', 'c'],
  excludedMemberIds: [],
  quorum: { present: 3, total: 3, required: 2, quorate: true },
  quorumOverridden: false,
  rules: 'NKomVG',
  statutoryMembers: 3,
  counts: { yes: 2, no: 0, abstain: 0 },
  rollCallLive: false,
  countedByHand: false,
  invalidatedAt: null,
};
const first: Poll = { ...poll, id: 'p1', round: 1, status: 'invalid', openedAt: '2022-03-22T16:42:00.000Z', invalidatedAt: '2022-03-22T16:45:00.000Z' };

describe('record notes below a result block', () => {
  it('lists a roll-call by name per option, with who did not vote', () => {
    const lines = recordNotes({ poll: { ...poll, mode: 'rollCall' }, invalidRounds: [], members, rollCall: new Map([['a', 'yes'], ['c', 'yes']]), rules: 'NKomVG' });
    expect(lines).toEqual(['Namentliche Abstimmung:', '  Ja: Herr A, Herr C', '  Nein: keine', '  Enthaltung: keine', '  Nicht abgestimmt: Frau B']);
  });
  it('has no abstention line in Bavaria', () => {
    const lines = recordNotes({ poll: { ...poll, mode: 'rollCall' }, invalidRounds: [], members, rollCall: new Map([['a', 'yes']]), rules: 'GO-BY' });
    expect(lines.join('\n')).not.toContain('Enthaltung');
  });
  it('marks a hand count, a secret ballot and a repeated vote with the local time', () => {
    expect(recordNotes({ poll: { ...poll, countedByHand: true }, invalidRounds: [], members, rollCall: new Map(), rules: 'NKomVG' })).toEqual(['Abstimmung per Handzeichen.']);
    expect(recordNotes({ poll: { ...poll, mode: 'secret' }, invalidRounds: [first], members, rollCall: new Map(), rules: 'NKomVG' })).toEqual([
      'Geheime Abstimmung.',
      'Die 1. Abstimmung (17:42 Uhr) wurde für ungültig erklärt und wiederholt.',
    ]);
    expect(recordNotes({ poll, invalidRounds: [first], members, rollCall: new Map(), rules: 'NKomVG' }, 'en')).toEqual(['Vote 1 (17:42) was declared invalid and repeated.']);
  });
});

describe('roll-call names grouped by Fraktion', () => {
  it('lists the names per option by group, members without a group last', () => {
    const lines = voteNotes({
      countedByHand: false,
      mode: 'rollCall',
      rules: 'NKomVG',
      named: [
        { name: 'Herr A', choice: 'yes', group: 'SPD-Fraktion' },
        { name: 'Herr B', choice: 'yes', group: null },
        { name: 'Frau C', choice: 'yes', group: 'SPD-Fraktion' },
        { name: 'Frau D', choice: 'no', group: 'CDU-Fraktion' },
      ],
      notVoted: [],
    });
    expect(lines).toEqual([
      'Namentliche Abstimmung:',
      '  Ja: Herr A, Frau C (SPD-Fraktion); Herr B (fraktionslos)',
      '  Nein: Frau D (CDU-Fraktion)',
      '  Enthaltung: keine',
    ]);
  });
});
