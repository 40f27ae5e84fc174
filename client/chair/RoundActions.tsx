import { useEffect, useRef, useState } from 'preact/hooks';
import type { PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';

/**
 * Declaring a round invalid (Wiederholung) takes a second, explicit step: the round stays in
 * the record either way, and the chair decides whether the tablets vote again at once.
 */
export function RoundActions({ poll, onInvalidate }: { poll: PollView; onInvalidate: (repeat: boolean) => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  // Keyboard and screen-reader users land on the harmless choice when the question unfolds,
  // and back on the button when it folds away.
  useEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (opened.current) trigger.current?.focus();
    opened.current ||= confirming;
  }, [confirming]);
  if (!confirming) {
    return (
      <button type="button" class="btn btn-danger" ref={trigger} onClick={() => setConfirming(true)}>
        {t('chair.invalidate')}
      </button>
    );
  }
  const choose = (repeat: boolean) => {
    setConfirming(false);
    void onInvalidate(repeat);
  };
  return (
    <div class="confirm" role="group" aria-labelledby={`invalidate-${poll.id}`}>
      <p id={`invalidate-${poll.id}`}>{t('chair.invalidate.confirm', { round: poll.round })}</p>
      <div class="button-row">
        {!poll.countedByHand && (
          <button type="button" class="btn btn-danger" onClick={() => choose(true)}>
            {t('chair.invalidate.repeat')}
          </button>
        )}
        <button type="button" class="btn" onClick={() => choose(false)}>
          {t('chair.invalidate.only')}
        </button>
        <button type="button" class="btn" ref={cancel} onClick={() => setConfirming(false)}>
          {t('chair.invalidate.cancel')}
        </button>
      </div>
    </div>
  );
}
