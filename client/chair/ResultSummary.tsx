import { verdictHeadline } from '../../shared/minutes/wording.ts';
import type { PollView } from '../../shared/protocol/snapshot.ts';
import { ruleSet } from '../../shared/rules/ruleSets.ts';
import { lang, t } from '../i18n/i18n.ts';
import { Icon } from '../ui/Icon.tsx';
import { CHOICE_ICON } from '../ui/choiceIcons.ts';
import { VerdictExplanation } from '../ui/VerdictExplanation.tsx';

/** The counted result under the terms the poll was opened with (its own rule set and statutory count). */
export function ResultSummary({ poll }: { poll: PollView }) {
  if (!poll.counts || !poll.verdict) return null;
  const rows = [
    ['yes', poll.counts.yes],
    ['no', poll.counts.no],
    ...(ruleSet(poll.rules).allowsAbstention ? [['abstain', poll.counts.abstain] as const] : []),
  ] as const;
  return (
    <section class="result-summary" aria-labelledby="result-heading">
      <h3 id="result-heading" class="section-label">
        {t('chair.result')}
      </h3>
      <p class={`verdict ${poll.verdict.passed ? 'passed' : 'rejected'}`}>
        <Icon name={poll.verdict.passed ? 'check' : 'cross'} />
        {verdictHeadline(poll.verdict.outcome, lang.value)}
      </p>
      <VerdictExplanation verdict={poll.verdict} statutoryMembers={poll.statutoryMembers} />
      <dl class="counts">
        {rows.map(([choice, n]) => (
          <div key={choice} class={`count count-${choice} choice-${choice}`}>
            <dt>
              <Icon name={CHOICE_ICON[choice]} />
              {t(`choice.${choice}`)}
            </dt>
            <dd class="num">{n}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
