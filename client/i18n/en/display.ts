import type german from '../de/display.ts';

/** English: The room display. Typed against the German keys: a missing key fails the type check. */
export default {
  'display.quorum.ok': 'Present: {present} of {total} · quorate',
  'display.quorum.no': 'Present: {present} of {total} · not quorate',
  'display.progress': 'cast',
  'display.of': 'of',
  'display.voteRunning': 'Vote in progress',
  'display.waiting': 'Please wait for the next vote.',
  'display.yes': 'Yes',
  'display.no': 'No',
  'display.abstain': 'Abstain',
  'display.result': 'Result',
  'display.theme': 'Light/Dark',
  'display.mode.open': 'Open vote',
  'display.mode.rollCall': 'Roll-call vote',
  'display.mode.secret': 'Secret ballot',
  'display.handCounted': 'by show of hands',
  'display.repeat': 'Vote {round} (repeated)',
  'display.closed': 'Voting has ended – the result follows.',
  'display.notVoted': 'no vote',
  'display.pending': 'pending',
  'display.rollCall': 'Votes of the members',
} satisfies Record<keyof typeof german, string>;
