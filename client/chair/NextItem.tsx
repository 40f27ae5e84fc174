import type { AgendaItem } from '../../shared/meeting/model.ts';
import { t } from '../i18n/i18n.ts';

/** After the result is out, moving on is the one next action. */
export function NextItem({ next, onSelect }: { next: AgendaItem | undefined; onSelect: (itemId: string) => void }) {
  if (!next) return null;
  return (
    <button type="button" class="btn btn-primary btn-large btn-next" onClick={() => onSelect(next.id)}>
      {t('chair.next', { number: next.number })}
    </button>
  );
}
