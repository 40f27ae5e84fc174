import type { RoundResult } from '../../shared/export/results.ts';
import { roundSubjectLabel } from '../../shared/motions/minuteLines.ts';
import { lang } from '../i18n/i18n.ts';
import './roundSubject.css';

/**
 * On the printed results: which amendment a round decided (with its wording), or that it was a
 * Sammelabstimmung, in the minutes' words. It shares no module with the tablet's subject line,
 * so that chunk stays one file (the member app's size budget).
 */
export function RoundSubject({ round }: { round: RoundResult }) {
  const label = roundSubjectLabel(round, lang.value);
  if (!label) return null;
  return (
    <div class="results-subject">
      <p class="results-subject-title">{label}</p>
      {round.amendment && <p class="results-subject-text">{round.amendment.text}</p>}
    </div>
  );
}
