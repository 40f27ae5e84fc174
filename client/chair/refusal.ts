import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import { openPollOf } from '../../shared/protocol/selectors.ts';
import { t } from '../i18n/i18n.ts';

/** A refusal in the chair's words where the console knows the reason, else the server's message. */
export function refusalText(error: { code?: string; message: string } | undefined, snapshot: MeetingSnapshot | null): string {
  const running = snapshot && openPollOf(snapshot);
  if (error?.code === 'poll_already_open' && running) {
    const number = snapshot.agenda.find((i) => i.id === running.itemId)?.number ?? '';
    return t('chair.agendaLocked', { number });
  }
  return t('chair.error', { message: error?.message ?? '' });
}
