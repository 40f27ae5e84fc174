import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import { Icon } from '../ui/Icon.tsx';
import { useConfirmFocus } from './useConfirmFocus.ts';

/**
 * Ending a vote while members are still missing takes a second step: a closed vote cannot be
 * reopened, and a late tap on a tablet would be lost. When everyone has voted it ends at once.
 */
export function CloseVote({ missing, onClose }: { missing: number; onClose: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const { harmless, trigger } = useConfirmFocus(confirming);
  if (confirming && missing > 0) {
    return (
      <div class="confirm confirm-close" role="group" aria-labelledby="close-confirm">
        <p id="close-confirm">{t(missing === 1 ? 'chair.close.confirmOne' : 'chair.close.confirm', { n: missing })}</p>
        <div class="button-row">
          <button type="button" class="btn btn-danger" onClick={onClose}>
            {t('chair.close.anyway')}
          </button>
          <button type="button" class="btn" ref={harmless} onClick={() => setConfirming(false)}>
            {t('chair.close.wait')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <button type="button" class="btn btn-primary btn-large btn-next" ref={trigger} onClick={() => (missing > 0 ? setConfirming(true) : onClose())}>
      <Icon name="stop" />
      {t('chair.close')}
    </button>
  );
}
