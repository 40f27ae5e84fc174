import type { Counts } from '../../shared/meeting/model.ts';
import { verdictHeadline } from '../../shared/minutes/wording.ts';
import { ruleSet } from '../../shared/rules/ruleSets.ts';
import type { Verdict } from '../../shared/rules/verdict.ts';
import { lang, t } from '../i18n/i18n.ts';
import { VerdictExplanation } from '../ui/VerdictExplanation.tsx';

const ICONS = { yes: '✓', no: '✗', abstain: '–' } as const;

/** The published result: big numbers, bars, and the verdict in words. */
export function ResultView({ counts, verdict, rules, statutoryMembers }: { counts: Counts; verdict: Verdict; rules: string; statutoryMembers: number }) {
  const choices = ruleSet(rules).allowsAbstention ? (['yes', 'no', 'abstain'] as const) : (['yes', 'no'] as const);
  const max = Math.max(1, counts.yes, counts.no, counts.abstain);
  return (
    <section class="result" aria-label={t('display.result')}>
      <p class={`result-verdict ${verdict.passed ? 'passed' : 'rejected'}`}>{verdictHeadline(verdict.outcome, lang.value)}</p>
      <VerdictExplanation verdict={verdict} statutoryMembers={statutoryMembers} class="result-explanation" />
      <div class="result-counts">
        {choices.map((c) => (
          <div key={c} class={`result-col result-${c}`}>
            <p class="result-label">
              <span aria-hidden="true">{ICONS[c]}</span> {t(`display.${c}`)}
            </p>
            <p class="result-number" data-choice={c}>
              {counts[c] === 0 ? '–' : counts[c]}
            </p>
            <div class="result-bar-track" aria-hidden="true">
              <div class="result-bar" style={{ height: `${(counts[c] / max) * 100}%` }} />
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
