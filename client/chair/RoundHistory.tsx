import type { PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import { formatTime } from '../ui/format.ts';

/** Every round of the current item with its times; shown once there is more than one or one was declared invalid. */
export function RoundHistory({ polls }: { polls: PollView[] }) {
  if (polls.length < 2 && !polls.some((p) => p.status === 'invalid')) return null;
  return (
    <section class="rounds" aria-labelledby="rounds-heading">
      <h3 id="rounds-heading" class="section-label">
        {t('chair.rounds')}
      </h3>
      <ol class="round-list">
        {polls.map((p) => (
          <li key={p.id} class={`round status-${p.status}`}>
            {t('chair.roundLine', {
              round: p.round,
              from: formatTime(p.openedAt),
              to: p.closedAt ? formatTime(p.closedAt) : '…',
              status:
                p.status === 'invalid' && p.invalidatedAt
                  ? t('chair.roundInvalid', { at: formatTime(p.invalidatedAt) })
                  : t(`chair.status.${p.status}`),
            })}
            {p.countedByHand && ` (${t('chair.handCounted')})`}
          </li>
        ))}
      </ol>
    </section>
  );
}
