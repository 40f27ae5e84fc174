import type german from '../de/results.ts';

/** English: The printable results of a meeting. Typed against the German keys: a missing key fails the type check. */
export default {
  'results.title': 'Voting results',
  'results.print': 'Print',
  'results.generated': 'As of {at}',
  'results.noToken': 'No access: please open this from the chair console or the admin view.',
  'results.error': 'The results could not be loaded: {message}',
  'results.noVote': 'No vote',
  'results.nonPublic': 'non-public',
  'results.invalid': 'invalid (repeated)',
  'results.decisionKind': 'Decision',
  'results.result': 'Result',
  'results.yes': 'Yes votes',
  'results.no': 'No votes',
  'results.counts': 'Votes',
  'results.abstain': 'Abstentions',
  'results.mode.open': 'open',
  'results.mode.rollCall': 'roll call',
  'results.mode.secret': 'secret',
  'results.majority.simple': 'simple majority',
  'results.majority.twoThirdsCast': 'two-thirds of votes cast',
  'results.majority.statutoryMajority': 'majority of statutory members',
  'results.majority.twoThirdsStatutory': 'two-thirds of statutory members',
  'results.round': 'Vote {round}',
  'results.notPublished': 'Not published yet',
} satisfies Record<keyof typeof german, string>;
