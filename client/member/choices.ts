import type { Choice } from '../../shared/meeting/model.ts';

/**
 * The tablet's buttons in order. Written out instead of filtering the model's CHOICES: a run-time
 * import of shared/meeting/model.ts makes the tablet load the shared chunk of every enum of the
 * model (≈170 B gzip), room the member app's 40 KB budget needs for the amendment caption.
 * choices.test.ts keeps the two the same.
 */
export const ballotChoices = (allowsAbstention: boolean): Choice[] => (allowsAbstention ? ['yes', 'no', 'abstain'] : ['yes', 'no']);
