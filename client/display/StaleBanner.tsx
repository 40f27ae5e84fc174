import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import type { ConnectionStatus } from '../sync/connection.ts';
import { formatTime } from '../ui/format.ts';
import { Icon } from '../ui/Icon.tsx';

/** When the display lost the server: null while connected. */
export function useLostSince(status: ConnectionStatus): Date | null {
  const [since, setSince] = useState<Date | null>(null);
  useEffect(() => {
    if (status === 'online') setSince(null);
    else setSince((s) => s ?? new Date());
  }, [status]);
  return status === 'online' ? null : since;
}

/**
 * The room must not read old numbers as live ones: a calm line that says what is shown is the
 * state of a given minute, while the picture below greys out and stops moving.
 */
export function StaleBanner({ since }: { since: Date }) {
  return (
    <section class="display-notice stale-banner" role="status">
      <Icon name="clock" />
      <p>
        <strong>{t('conn.reconnecting')}</strong> {t('display.staleSince', { time: formatTime(since.toISOString()) })}
      </p>
    </section>
  );
}
