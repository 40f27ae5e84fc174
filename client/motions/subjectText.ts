import type { AgendaItem } from '../../shared/meeting/model.ts';
import type { VoteSubject } from '../../shared/motions/model.ts';
import { t } from '../i18n/i18n.ts';
import './messages.ts';

/** "Änderungsantrag 1 der SPD-Fraktion zu TOP Ö 5", "Sammelabstimmung TOP Ö 3, Ö 4, Ö 7". */
export function subjectText(subject: VoteSubject, itemNumber: string | undefined, agenda: readonly AgendaItem[]): string {
  const item = t('item.number', { number: itemNumber ?? '' });
  switch (subject.kind) {
    case 'amendment':
      return t('motion.amendment', { n: subject.number, mover: subject.mover, item });
    case 'main':
      return t(subject.amended ? 'motion.mainAmended' : 'motion.main', { item });
    case 'bloc':
      return t('motion.bloc', { items: t('item.number', { number: blocItems(subject, agenda).map((i) => i.number).join(', ') }) });
  }
}

/** The items of a bloc in its order (the display knows non-public items only by number). */
export const blocItems = (subject: { itemIds: readonly string[] }, agenda: readonly AgendaItem[]): AgendaItem[] =>
  subject.itemIds.flatMap((id) => agenda.filter((i) => i.id === id));
