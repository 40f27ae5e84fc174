import type { AgendaItem } from '../../shared/meeting/model.ts';
import { t } from '../i18n/i18n.ts';

/** "Ö 12 Integrationskonzept …" with its paper; a redacted non-public item says only that it is one. */
export function ItemTitle({ item, level = 2 }: { item: AgendaItem | undefined; level?: 1 | 2 }) {
  const H = level === 1 ? 'h1' : 'h2';
  if (!item) return <H class="item-title muted">{t('item.none')}</H>;
  if (!item.public && !item.name) return <H class="item-title">{t('item.nonPublic')}</H>;
  return (
    <div class="item-title-block">
      <H class="item-title">
        <span class="item-number">TOP {item.number}</span> {item.name}
      </H>
      {item.paper && <p class="item-paper muted">{t('item.paper', { paper: item.paper })}</p>}
    </div>
  );
}
