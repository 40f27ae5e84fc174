import type { PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';

/** How the vote is taken, in one line: mode, show of hands, repetition (the majority rule comes with the verdict). */
export function VoteCaption({ poll }: { poll: PollView }) {
  const parts = [t(`display.mode.${poll.mode}`)];
  if (poll.countedByHand) parts.push(t('display.handCounted'));
  if (poll.round > 1) parts.push(t('display.repeat', { round: poll.round }));
  return <p class="vote-caption">{parts.join(' · ')}</p>;
}
