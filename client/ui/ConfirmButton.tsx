import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';

interface Props {
  /** What the button says, e.g. "Abstimmung abbrechen". */
  label: ComponentChildren;
  /** The question asked before acting, e.g. "Abstimmung wirklich abbrechen? Die Stimmen werden verworfen." */
  question: string;
  /** The confirming button's text; defaults to the label. */
  confirmLabel?: ComponentChildren;
  onConfirm: () => void | Promise<void>;
  disabled?: boolean;
  /** Extra classes for the first button, e.g. "btn-large". */
  class?: string;
}

/**
 * A dangerous action in two steps, without a pop-up: the first tap unfolds the question in
 * place with "confirm" and "back"; focus goes to "back" so a double tap or a stray Enter never
 * confirms. Escape or "back" folds it again and returns focus to the button.
 */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, disabled, class: cls }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const backRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) backRef.current?.focus();
    else if (wasAsking.current) triggerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={triggerRef} type="button" class={`btn btn-danger${cls ? ` ${cls}` : ''}`} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };

  return (
    <div
      class="confirm"
      role="group"
      aria-labelledby={`${id}-q`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setAsking(false);
      }}
    >
      <p id={`${id}-q`} class="confirm-question">
        {question}
      </p>
      <div class="confirm-actions">
        <button type="button" class="btn btn-danger is-confirm" disabled={busy} onClick={() => void confirm()}>
          {confirmLabel ?? label}
        </button>
        <button ref={backRef} type="button" class="btn" onClick={() => setAsking(false)}>
          {t('confirm.back')}
        </button>
      </div>
    </div>
  );
}
