import { ruleSet } from '../../shared/rules/ruleSets.ts';
import { t } from '../i18n/i18n.ts';

/** The active rule set (from the meeting's `rules`), with its legal sources on hover. */
export function RuleSetInfo({ rules }: { rules: string }) {
  const r = ruleSet(rules);
  const sources = t('rules.sources', r.sources);
  return (
    <p class="rule-set muted" title={sources}>
      {t('rules.label')}: <strong>{t('rules.name', { id: r.id, state: r.state })}</strong>
      {!r.allowsAbstention && r.sources.abstention && <> · {t('rules.noAbstention', { source: r.sources.abstention })}</>}
    </p>
  );
}
