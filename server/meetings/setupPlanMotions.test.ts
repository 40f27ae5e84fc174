import { describe, expect, it } from 'vitest';
import { state, vote } from '../../shared/motions/testMeeting.ts';
import { planSetup } from './setupPlan.ts';

describe('replacing the setup after a Sammelabstimmung', () => {
  it('keeps every item of the bloc, not only the one it was opened on', () => {
    const s = state();
    vote(s, 'i3', 5, { blocItemIds: ['i3', 'i4', 'i7'] });
    const { meeting } = s;
    const plan = planSetup(s, { ...meeting, statutoryMembers: 5, members: meeting.members, agenda: [{ ...meeting.agenda[2]!, sourceId: null }] });
    expect(plan.agenda.map((i) => i.number)).toEqual(['Ö 5', 'Ö 3', 'Ö 4', 'Ö 7']);
    expect(plan.warnings).toEqual(['TOP Ö 3 kept: has recorded votes', 'TOP Ö 4 kept: has recorded votes', 'TOP Ö 7 kept: has recorded votes']);
  });
});
