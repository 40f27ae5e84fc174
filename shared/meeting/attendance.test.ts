import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULE_SET_IDS } from '../rules/ruleSets.ts';
import { attendanceView, withAttendanceChange } from './attendance.ts';
import type { Member } from './model.ts';
import type { MeetingState } from './state.ts';

const AT = '2026-12-02T17:00:00.000Z';

function state(members: Member[], rules: string, excluded: string[]): MeetingState {
  return {
    meeting: {
      id: 'm',
      body: 'Landkreis',
      organization: 'Kreistag',
      name: 'Sitzung',
      start: AT,
      location: '',
      rules,
      members,
      agenda: [{ id: 'i1', number: 'Ö 1', name: 'Eins', public: true, paper: null }],
      currentItemId: 'i1',
    },
    statutoryMembers: members.length,
    polls: [],
    ballots: new Map(),
    secretCounts: new Map(),
    decisionKinds: new Map(),
    attendance: new Map(),
    exclusions: new Map([['i1', new Set(excluded)]]),
    quorumChecks: [],
  };
}

const roster = fc.array(fc.record({ votingRight: fc.boolean(), excluded: fc.boolean() }), { minLength: 1, maxLength: 12 });

describe('the attendance view moved by single check-ins', () => {
  it('equals a full recount after any sequence of check-ins and check-outs, under every rule set', () => {
    fc.assert(
      fc.property(roster, fc.constantFrom(...RULE_SET_IDS), fc.array(fc.nat(), { maxLength: 40 }), (people, rules, taps) => {
        const members = people.map((p, i): Member => ({ id: `m${i}`, name: `M${i}`, role: p.votingRight ? 'member' : 'advisory', votingRight: p.votingRight }));
        const s = state(members, rules, members.filter((_, i) => people[i]!.excluded).map((m) => m.id));
        let view = attendanceView(s);
        for (const tap of taps) {
          const id = members[tap % members.length]!.id;
          const periods = s.attendance.get(id) ?? [];
          s.attendance.set(id, periods);
          const present = !(periods.length > 0 && periods.at(-1)!.to === null);
          if (present) periods.push({ from: AT, to: null });
          else periods.at(-1)!.to = AT;
          view = withAttendanceChange(view, s, id, present);
          const recount = attendanceView(s);
          expect(view.counted).toEqual(recount.counted);
          expect(view.quorum).toEqual(recount.quorum);
        }
      }),
    );
  });
});
