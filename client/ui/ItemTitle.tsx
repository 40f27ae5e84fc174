import type { AgendaItem } from '../../shared/meeting/model.ts';
import { t } from '../i18n/i18n.ts';
import { Icon } from './Icon.tsx';

/**
 * "TOP Ö 12 Integrationskonzept …" in full (never truncated) with its paper; a redacted
 * non-public item says only that it is one.
 */
export function ItemTitle({ item, level = 2 }: { item: AgendaItem | undefined; level?: 1 | 2 }) {
  const H = level === 1 ? 'h1' : 'h2';
  if (!item) return <H class="item-title item-none muted">{t('item.none')}</H>;
  if (!item.public && !item.name) {
    return (
      <H class="item-title item-redacted">
        <Icon name="lock" /> {t('item.nonPublic')}
      </H>
    );
  }
  return (
    <div class="item-title-block">
      <H class="item-title">
        <span class="item-number">{t('item.number', { number: item.number })}</span> {item.name}
      </H>
      {(item.paper || !item.public) && (
        <p class="item-meta">
          {!item.public && <NonPublicBadge />}
          {item.paper && <span class="item-paper">{t('item.paper', { paper: item.paper })}</span>}
        </p>
      )}
    </div>
  );
}

/** Marks a non-public item with words and a drawn lock (an emoji lock is missing from many fonts). */
export function NonPublicBadge() {
  return (
    <span class="badge badge-warn badge-nonpublic">
      <Icon name="lock" />
      {t('item.nonPublicBadge')}
    </span>
  );
}
