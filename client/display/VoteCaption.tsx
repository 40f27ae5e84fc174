import type { PollView } from '../../shared/protocol/snapshot.ts';
import { roundTitle } from '../../shared/elections/wording.ts';
import { lang, t } from '../i18n/i18n.ts';

/** How the vote is taken, in one line: mode, show of hands, repetition (the majority rule comes with the verdict). */
export function VoteCaption({ poll }: { poll: PollView }) {
  const parts = [poll.election ? t(poll.mode === 'secret' ? 'election.display.secret' : 'election.display.open') : t(`display.mode.${poll.mode}`)];
  if (poll.election) parts.push(roundTitle(poll.rules, poll.election.stage, lang.value));
  if (poll.countedByHand) parts.push(t('display.handCounted'));
  if (poll.round > 1 && !poll.election) parts.push(t('display.repeat', { round: poll.round }));
  return <p class="vote-caption">{parts.join(' · ')}</p>;
}
