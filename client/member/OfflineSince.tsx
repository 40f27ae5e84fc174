import { t } from '../i18n/i18n.ts';
import type { ConnectionStatus } from '../sync/connection.ts';
import { stateReceivedAt } from '../sync/snapshotCache.ts';
import { formatTime } from '../ui/format.ts';

/**
 * While not live, the screen says how old what it shows is. Not during the first connect of a
 * start (a fraction of a second on the council's Wi-Fi): the cached state is shown at once and
 * "offline" would be wrong; a device without network starts as 'offline', and a connect that
 * fails turns into 'reconnecting' within the handshake timeout, and then the notice shows.
 */
export function OfflineSince({ status }: { status: ConnectionStatus }) {
  const at = stateReceivedAt.value;
  if (status === 'online' || status === 'connecting' || at === null) return null;
  return (
    <p class="offline-since" role="status">
      {t('member.stale', { time: formatTime(new Date(at).toISOString()) })}
    </p>
  );
}
