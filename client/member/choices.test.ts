import { describe, expect, it } from 'vitest';
import { CHOICES } from '../../shared/meeting/model.ts';
import { ballotChoices } from './choices.ts';

describe('the tablet’s buttons', () => {
  it('are the model’s choices in its order, without Enthaltung where the rules allow none', () => {
    expect(ballotChoices(true)).toEqual([...CHOICES]);
    expect(ballotChoices(false)).toEqual(CHOICES.filter((c) => c !== 'abstain'));
  });
});
