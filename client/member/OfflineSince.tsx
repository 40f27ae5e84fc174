import { t } from '../i18n/i18n.ts';
import type { ConnectionStatus } from '../sync/connection.ts';
import { stateReceivedAt } from '../sync/snapshotCache.ts';
import { formatTime } from '../ui/format.ts';

/** While not live, the screen says how old what it shows is. */
export function OfflineSince({ status }: { status: ConnectionStatus }) {
  const at = stateReceivedAt.value;
  if (status === 'online' || at === null) return null;
  return (
    <p class="offline-since" role="status">
      {t('member.stale', { time: formatTime(new Date(at).toISOString()) })}
    </p>
  );
}
