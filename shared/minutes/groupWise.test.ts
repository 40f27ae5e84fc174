import { describe, expect, it } from 'vitest';
import type { Choice } from '../meeting/model.ts';
import { groupWiseWording, type GroupBallot } from './groupWise.ts';

/** `ballots('CDU-Fraktion', 'no', 3)` = three CDU members voting Nein. */
const ballots = (group: string | null, choice: Choice, n: number): GroupBallot[] => Array.from({ length: n }, () => ({ group, choice }));

describe('group-wise result wording', () => {
  it('names the groups against and abstaining (the example of the issue)', () => {
    const b = [...ballots('SPD-Fraktion', 'yes', 6), ...ballots('CDU-Fraktion', 'no', 4), ...ballots('FDP-Fraktion', 'abstain', 2)];
    expect(groupWiseWording(b, 'majority')).toBe('Mehrheitlich gegen die Stimmen der CDU-Fraktion bei Enthaltung der FDP-Fraktion');
    expect(groupWiseWording(b, 'majority', 'en')).toBe('By majority against the votes of the CDU-Fraktion with the abstention of the FDP-Fraktion');
  });

  it('says only "Einstimmig" when every vote was Ja', () => {
    expect(groupWiseWording([...ballots('SPD-Fraktion', 'yes', 3), ...ballots(null, 'yes', 1)], 'unanimous')).toBe('Einstimmig');
  });

  it('words unanimity with abstaining groups', () => {
    const b = [...ballots('SPD-Fraktion', 'yes', 5), ...ballots('FDP-Fraktion', 'abstain', 2), ...ballots('Gruppe Grüne/Linke', 'abstain', 3)];
    expect(groupWiseWording(b, 'unanimousWithAbstentions')).toBe('Einstimmig bei Enthaltung der FDP-Fraktion und der Gruppe Grüne/Linke');
  });

  it('counts the votes of a group that split instead of naming it whole', () => {
    const b = [...ballots('SPD-Fraktion', 'yes', 4), ...ballots('SPD-Fraktion', 'no', 2), ...ballots('CDU-Fraktion', 'no', 3), ...ballots('FDP-Fraktion', 'yes', 1), ...ballots('FDP-Fraktion', 'abstain', 1)];
    expect(groupWiseWording(b, 'majority')).toBe(
      'Mehrheitlich gegen die Stimmen der CDU-Fraktion und 2 Stimmen aus der SPD-Fraktion bei einer Enthaltung aus der FDP-Fraktion',
    );
  });

  it('uses the singular for one vote of a split group', () => {
    const b = [...ballots('SPD-Fraktion', 'yes', 4), ...ballots('SPD-Fraktion', 'no', 1)];
    expect(groupWiseWording(b, 'majority')).toBe('Mehrheitlich gegen eine Stimme aus der SPD-Fraktion');
    expect(groupWiseWording(b, 'majority', 'en')).toBe('By majority against 1 vote from the SPD-Fraktion');
  });

  it('names a single-member group as a whole, in the singular', () => {
    const b = [...ballots('SPD-Fraktion', 'yes', 5), ...ballots('Die PARTEI', 'no', 1)];
    expect(groupWiseWording(b, 'majority')).toBe('Mehrheitlich gegen die Stimme der Die PARTEI');
  });

  it('counts members without a group, never as a group of their own', () => {
    const one = [...ballots('SPD-Fraktion', 'yes', 5), ...ballots(null, 'no', 1)];
    expect(groupWiseWording(one, 'majority')).toBe('Mehrheitlich gegen eine Stimme eines fraktionslosen Mitglieds');
    const two = [...ballots('SPD-Fraktion', 'yes', 5), ...ballots(null, 'no', 2), ...ballots(null, 'abstain', 2), ...ballots(null, 'yes', 1)];
    expect(groupWiseWording(two, 'majority')).toBe('Mehrheitlich gegen 2 Stimmen fraktionsloser Mitglieder bei 2 Enthaltungen fraktionsloser Mitglieder');
    expect(groupWiseWording(two, 'majority', 'en')).toBe('By majority against 2 votes of members without a group with 2 abstentions of members without a group');
  });

  it('names, for a rejection, the groups that voted for the motion ("gegen die Stimmen" of the outcome)', () => {
    const b = [...ballots('CDU-Fraktion', 'no', 6), ...ballots('SPD-Fraktion', 'yes', 4), ...ballots('FDP-Fraktion', 'abstain', 1)];
    expect(groupWiseWording(b, 'rejected')).toBe('Abgelehnt gegen die Stimmen der SPD-Fraktion bei Enthaltung der FDP-Fraktion');
  });

  it('words a rejection without any Ja vote plainly', () => {
    expect(groupWiseWording(ballots('CDU-Fraktion', 'no', 3), 'rejected')).toBe('Abgelehnt');
  });

  it('lists three groups with commas and "und"', () => {
    const b = [...ballots('SPD-Fraktion', 'yes', 9), ...ballots('CDU-Fraktion', 'no', 3), ...ballots('AfD-Fraktion', 'no', 2), ...ballots('Gruppe FW', 'no', 1)];
    expect(groupWiseWording(b, 'majority')).toBe('Mehrheitlich gegen die Stimmen der CDU-Fraktion, der AfD-Fraktion und der Gruppe FW');
  });
});
