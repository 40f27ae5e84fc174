import { useEffect, useState } from 'preact/hooks';

interface Props {
  /** The state as the server has it (from the snapshot). */
  checked: boolean;
  /** Sends the change; resolves to false when the server refused it. */
  send: (checked: boolean) => Promise<boolean>;
  disabled?: boolean;
  title?: string;
  'aria-label'?: string;
}

/** After this long without the server's state catching up, the box shows the server's state again. */
const FOLLOW_SERVER_AFTER_MS = 3_000;

/**
 * A checkbox that shows server state, and the state asked for while the change is on its way.
 * A plain controlled checkbox flips back the moment anything else re-renders the console (a
 * progress tick, another device's change) and forward again once the change arrives; a
 * check-in reaches the console only with its next coalesced snapshot, up to a second later.
 * The asked state is dropped once the server's state matches it, when the server refuses the
 * change, or after a few seconds.
 */
export function ServerCheckbox({ checked, send, ...rest }: Props) {
  const [asked, setAsked] = useState<boolean | null>(null);
  useEffect(() => {
    if (asked === null) return;
    if (checked === asked) return setAsked(null);
    const timer = setTimeout(() => setAsked(null), FOLLOW_SERVER_AFTER_MS);
    return () => clearTimeout(timer);
  }, [checked, asked]);
  return (
    <input
      {...rest}
      type="checkbox"
      checked={asked ?? checked}
      onChange={(e) => {
        const next = e.currentTarget.checked;
        setAsked(next);
        void send(next).then((ok) => {
          if (!ok) setAsked((current) => (current === next ? null : current));
        });
      }}
    />
  );
}
