import type { PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';

/** The terms a running vote was started with: mode and required majority. */
export function PollTerms({ poll }: { poll: PollView }) {
  return (
    <p class="poll-terms muted">
      {t('startVote.mode')}: {t(`startVote.mode.${poll.mode}`)} · {t('startVote.majority')}:{' '}
      {t(`startVote.majority.${poll.majority}`, { n: poll.statutoryMembers })}
    </p>
  );
}
