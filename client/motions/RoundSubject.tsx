import type { RoundResult } from '../../shared/export/results.ts';
import { t } from '../i18n/i18n.ts';
import './messages.ts';
import './motions.css';

/** On the printed results: which amendment a round decided, or that it was a Sammelabstimmung. */
export function RoundSubject({ round, itemNumber }: { round: RoundResult; itemNumber: string }) {
  const item = t('item.number', { number: itemNumber });
  if (round.amendment) {
    return (
      <div class="results-subject">
        <p class="results-subject-title">{t('motion.amendment', { n: round.amendment.number, mover: round.amendment.mover, item })}</p>
        <p class="results-subject-text">{round.amendment.text}</p>
      </div>
    );
  }
  if (round.bloc) return <p class="results-subject-title">{t('motion.bloc', { items: t('item.number', { number: round.bloc.join(', ') }) })}</p>;
  return null;
}
