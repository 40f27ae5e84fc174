import type { QuorumCheck } from '../../shared/meeting/model.ts';
import { t } from '../i18n/i18n.ts';
import { formatTime } from '../ui/format.ts';

/** "Beschlussfähigkeit angezweifelt": one click records the count at that moment for the minutes. */
export function QuorumChallenge({ check, onChallenge }: { check: QuorumCheck | null; onChallenge: () => void }) {
  return (
    <div class="quorum-challenge">
      <button type="button" class="btn" onClick={onChallenge}>
        {t('quorum.challenge')}
      </button>
      {check && (
        <p class="muted quorum-checked">
          {t('quorum.checked', {
            time: formatTime(check.at),
            present: check.quorum.present,
            total: check.quorum.total,
            result: t(check.quorum.quorate ? 'quorum.quorate' : 'quorum.notQuorate'),
          })}
        </p>
      )}
    </div>
  );
}
