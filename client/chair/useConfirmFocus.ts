import { useEffect, useRef } from 'preact/hooks';

/**
 * An in-place confirmation: keyboard and screen-reader users land on the harmless choice when
 * the question unfolds, and back on the button that asked when it folds away.
 */
export function useConfirmFocus(confirming: boolean) {
  const harmless = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (confirming) harmless.current?.focus();
    else if (opened.current) trigger.current?.focus();
    opened.current ||= confirming;
  }, [confirming]);
  return { harmless, trigger };
}
