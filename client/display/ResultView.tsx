import type { Counts } from '../../shared/meeting/model.ts';
import { verdictHeadline } from '../../shared/minutes/wording.ts';
import { ruleSet } from '../../shared/rules/ruleSets.ts';
import type { Verdict } from '../../shared/rules/verdict.ts';
import { lang, t } from '../i18n/i18n.ts';
import { Icon } from '../ui/Icon.tsx';
import { VerdictExplanation } from '../ui/VerdictExplanation.tsx';
import { CHOICE_ICON } from '../ui/choiceIcons.ts';

/**
 * The published result: the verdict in words first, then big numbers with bars. Zero is written
 * "–", as the council information system writes it (the seed minute's "10 / – / –"; issue 2 asks
 * the display for exactly that). Compact: verdict and numbers in one band above the roll-call list.
 */
export function ResultView({
  counts,
  verdict,
  rules,
  statutoryMembers,
  compact = false,
}: {
  counts: Counts;
  verdict: Verdict;
  rules: string;
  statutoryMembers: number;
  compact?: boolean;
}) {
  const choices = ruleSet(rules).allowsAbstention ? (['yes', 'no', 'abstain'] as const) : (['yes', 'no'] as const);
  const total = Math.max(1, ...choices.map((c) => counts[c]));
  return (
    <section class={`result${compact ? ' is-compact' : ''}`} aria-label={t('display.result')}>
      <div class="result-head">
        <p class={`result-verdict ${verdict.passed ? 'passed' : 'rejected'}`}>
          <span class="result-verdict-icon">
            <Icon name={verdict.passed ? 'check' : 'cross'} />
          </span>
          {verdictHeadline(verdict.outcome, lang.value)}
        </p>
        <VerdictExplanation verdict={verdict} statutoryMembers={statutoryMembers} class="result-explanation" />
      </div>
      <div class="result-counts">
        {choices.map((c) => (
          <div key={c} class={`result-col result-${c} choice-${c}`}>
            <p class="result-label">
              <Icon name={CHOICE_ICON[c]} />
              {t(`display.${c}`)}
            </p>
            <p class="result-number num" data-choice={c}>
              {counts[c] === 0 ? '–' : counts[c]}
            </p>
            {!compact && (
              <div class="result-bar-track" aria-hidden="true">
                <div class="result-bar" style={{ width: `${(counts[c] / total) * 100}%` }} />
              </div>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
