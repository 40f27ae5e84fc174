import type { AgendaItem } from '../../shared/meeting/model.ts';
import type { VoteSubject } from '../../shared/motions/model.ts';
import { t } from '../i18n/i18n.ts';
import { blocItems, subjectText } from './subjectText.ts';
import './motions.css';

export interface SubjectProps {
  subject: VoteSubject;
  itemNumber: string | undefined;
  agenda: readonly AgendaItem[];
}

/**
 * What is being voted on, when it is more than the item itself: the amendment with its mover
 * and wording, the main motion in the amended form, or every item of a Sammelabstimmung.
 */
export function SubjectLine({ subject, itemNumber, agenda }: SubjectProps) {
  return (
    <div class="vote-subject">
      <p class="vote-subject-title">{subjectText(subject, itemNumber, agenda)}</p>
      {subject.kind === 'amendment' && <p class="vote-subject-text">{subject.text}</p>}
      {subject.kind === 'bloc' && (
        <>
          <p class="vote-subject-hint">{t('motion.blocHint')}</p>
          <ul class="vote-subject-items">
            {blocItems(subject, agenda).map((i) => (
              <li key={i.id}>
                <span class="item-number">{t('item.number', { number: i.number })}</span> {i.name}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
