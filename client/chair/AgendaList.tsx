import type { PollStatus } from '../../shared/meeting/model.ts';
import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import { latestPollOf, openPollOf } from '../../shared/protocol/selectors.ts';
import { t } from '../i18n/i18n.ts';
import { NonPublicBadge } from '../ui/ItemTitle.tsx';

const STATUS_TONE: Record<PollStatus, string> = { open: 'badge-warn', closed: 'badge-accent', published: 'badge-ok', invalid: 'badge-danger' };

/**
 * While a vote runs, the other items cannot be chosen: the tablets show the current item's
 * buttons, and the server refuses to move on until the vote is closed.
 */
export function AgendaList({ snapshot, onSelect }: { snapshot: MeetingSnapshot; onSelect: (itemId: string) => void }) {
  const running = openPollOf(snapshot);
  const runningItem = running && snapshot.agenda.find((i) => i.id === running.itemId);
  return (
    <nav class="agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" class="section-label">
        {t('chair.agenda')}
      </h2>
      {runningItem && (
        <p id="agenda-locked" class="muted agenda-locked">
          {t('chair.agendaLocked', { number: runningItem.number })}
        </p>
      )}
      <ol class="agenda-list">
        {snapshot.agenda.map((item) => {
          const poll = latestPollOf(snapshot, item.id);
          const current = item.id === snapshot.currentItemId;
          const locked = !!running && running.itemId !== item.id;
          return (
            <li key={item.id} class={`agenda-item${current ? ' is-current' : ''}${item.public ? '' : ' is-closed'}`}>
              <button
                type="button"
                class="agenda-btn"
                aria-current={current ? 'true' : undefined}
                disabled={locked}
                aria-describedby={locked ? 'agenda-locked' : undefined}
                onClick={() => onSelect(item.id)}
              >
                <span class="agenda-number">{item.number}</span>
                <span class="agenda-name">{item.name}</span>
                {(poll || !item.public) && (
                  <span class="agenda-badges">
                    {!item.public && <NonPublicBadge />}
                    {poll && <span class={`badge agenda-status status-${poll.status} ${STATUS_TONE[poll.status]}`}>{t(`chair.status.${poll.status}`)}</span>}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
