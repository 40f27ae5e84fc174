import type german from '../de/record.ts';

/** English: § 68 on the tablet. */
export default {
  'record.ask': 'Have my vote recorded in the minutes',
  'record.confirm': 'The minutes will then state, with your name, how you voted. Record it?',
  'record.yes': 'Yes, record it',
  'record.cancel': 'Cancel',
  'record.done': 'The minutes record how you voted.',
  'record.undo': 'Take back',
  'record.failed': 'That did not work. Please try again.',
} satisfies Record<keyof typeof german, string>;
