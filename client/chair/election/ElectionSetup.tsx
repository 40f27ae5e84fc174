import { t } from '../../i18n/i18n.ts';
import type { MeetingConnection } from '../../sync/connection.ts';
import type { RunCommand } from '../runCommand.ts';

/** An item without a vote can become an election of persons (Wahl) instead. */
export function ElectionSetup({ itemId, conn, run }: { itemId: string; conn: MeetingConnection; run: RunCommand }) {
  return (
    <button type="button" class="btn election-setup" onClick={() => void run(() => conn.send('election:setup', { itemId, seats: 1 }))}>
      {t('election.makeElection')}
    </button>
  );
}
