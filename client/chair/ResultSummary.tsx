import { resultWording } from '../../shared/minutes/wording.ts';
import type { PollView } from '../../shared/protocol/snapshot.ts';
import { ruleSet } from '../../shared/rules/ruleSets.ts';
import { lang, t } from '../i18n/i18n.ts';
import { VerdictExplanation } from '../ui/VerdictExplanation.tsx';

export function ResultSummary({ poll, rules, statutoryMembers }: { poll: PollView; rules: string; statutoryMembers: number }) {
  if (!poll.counts || !poll.verdict) return null;
  const rows = [
    ['yes', poll.counts.yes],
    ['no', poll.counts.no],
    ...(ruleSet(rules).allowsAbstention ? [['abstain', poll.counts.abstain] as const] : []),
  ] as const;
  return (
    <section class="result-summary" aria-labelledby="result-heading">
      <h3 id="result-heading">{t('chair.result')}</h3>
      <p class={`verdict ${poll.verdict.passed ? 'passed' : 'rejected'}`}>
        {resultWording(poll.verdict.outcome, poll.counts.abstain, lang.value)}
      </p>
      <VerdictExplanation verdict={poll.verdict} statutoryMembers={statutoryMembers} />
      <dl class="counts">
        {rows.map(([choice, n]) => (
          <div key={choice} class={`count count-${choice}`}>
            <dt>{t(`choice.${choice}`)}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
