import type { ConnectionStatus } from '../sync/connection.ts';
import { t } from '../i18n/i18n.ts';

/** Always visible, never alarming: a dot and a word. */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  return (
    <span class="conn" data-status={status} role="status" aria-live="polite">
      {t(`conn.${status}`)}
    </span>
  );
}
