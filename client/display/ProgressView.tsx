import type { PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';

/** During a vote only the progress: never a running tally. Compact: one band above the roll-call list. */
export function ProgressView({ poll, compact = false }: { poll: PollView; compact?: boolean }) {
  const share = poll.eligibleCount ? poll.castCount / poll.eligibleCount : 0;
  return (
    <section class={`progress${compact ? ' is-compact' : ''}`} aria-label={t('display.voteRunning')}>
      <p class="progress-label">
        <span class="live-dot" aria-hidden="true" />
        {t('display.voteRunning')}
      </p>
      <p class="progress-count num" role="status">
        <span class="progress-cast">{poll.castCount}</span>{' '}
        <span class="progress-of">
          {t('display.of')} {poll.eligibleCount}
        </span>
        <span class="progress-word"> {t('display.progress')}</span>
      </p>
      <div class="progress-track" aria-hidden="true">
        <div class="progress-fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </section>
  );
}
