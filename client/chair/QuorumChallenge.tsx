import { useState } from 'preact/hooks';
import type { QuorumCheck } from '../../shared/meeting/model.ts';
import { t } from '../i18n/i18n.ts';
import { formatTime } from '../ui/format.ts';
import { useConfirmFocus } from './useConfirmFocus.ts';

/**
 * A member doubts the quorum ("Beschlussfähigkeit angezweifelt"): after one confirming step the
 * count at that moment goes into the minutes — a stray click must not put a challenge there.
 */
export function QuorumChallenge({ check, onChallenge }: { check: QuorumCheck | null; onChallenge: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const { harmless, trigger } = useConfirmFocus(confirming);
  return (
    <div class="quorum-challenge">
      {confirming ? (
        <div class="confirm confirm-quorum" role="group" aria-labelledby="quorum-confirm">
          <p id="quorum-confirm">{t('quorum.challenge.confirm')}</p>
          <div class="button-row">
            <button
              type="button"
              class="btn btn-primary"
              onClick={() => {
                setConfirming(false);
                onChallenge();
              }}
            >
              {t('quorum.challenge.record')}
            </button>
            <button type="button" class="btn" ref={harmless} onClick={() => setConfirming(false)}>
              {t('quorum.challenge.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="btn" ref={trigger} onClick={() => setConfirming(true)}>
          {t('quorum.challenge')}
        </button>
      )}
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
