import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import { latestPollOf } from '../../shared/protocol/selectors.ts';
import { t } from '../i18n/i18n.ts';

export function AgendaList({ snapshot, onSelect }: { snapshot: MeetingSnapshot; onSelect: (itemId: string) => void }) {
  return (
    <nav class="agenda" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" class="section-label">
        {t('chair.agenda')}
      </h2>
      <ol class="agenda-list">
        {snapshot.agenda.map((item) => {
          const poll = latestPollOf(snapshot, item.id);
          const current = item.id === snapshot.currentItemId;
          return (
            <li key={item.id} class={`agenda-item${current ? ' is-current' : ''}${item.public ? '' : ' is-closed'}`}>
              <button
                type="button"
                class="agenda-btn"
                aria-current={current ? 'true' : undefined}
                onClick={() => onSelect(item.id)}
              >
                <span class="agenda-number">{item.number}</span>
                <span class="agenda-name">{item.name}</span>
                {poll && <span class={`agenda-status status-${poll.status}`}>{t(`chair.status.${poll.status}`)}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
