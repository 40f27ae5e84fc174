import type { Counts } from '../../shared/meeting/model.ts';
import { verdictHeadline } from '../../shared/minutes/wording.ts';
import { ruleSet } from '../../shared/rules/ruleSets.ts';
import type { Verdict } from '../../shared/rules/verdict.ts';
import { lang, t } from '../i18n/i18n.ts';
import { Icon } from '../ui/Icon.tsx';
import { VerdictExplanation } from '../ui/VerdictExplanation.tsx';
import { CHOICE_ICON } from '../ui/choiceIcons.ts';

/** The published result: the verdict in words first, then big numbers with bars. */
export function ResultView({ counts, verdict, rules, statutoryMembers }: { counts: Counts; verdict: Verdict; rules: string; statutoryMembers: number }) {
  const choices = ruleSet(rules).allowsAbstention ? (['yes', 'no', 'abstain'] as const) : (['yes', 'no'] as const);
  const total = Math.max(1, ...choices.map((c) => counts[c]));
  return (
    <section class="result" aria-label={t('display.result')}>
      <p class={`result-verdict ${verdict.passed ? 'passed' : 'rejected'}`}>
        <span class="result-verdict-icon">
          <Icon name={verdict.passed ? 'check' : 'cross'} />
        </span>
        {verdictHeadline(verdict.outcome, lang.value)}
      </p>
      <VerdictExplanation verdict={verdict} statutoryMembers={statutoryMembers} class="result-explanation" />
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
            <div class="result-bar-track" aria-hidden="true">
              <div class="result-bar" style={{ width: `${(counts[c] / total) * 100}%` }} />
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
