import { DECISION_KIND_LABELS, DECISION_KINDS, defaultDecisionKind, type DecisionKind } from '../../shared/minutes/decisionKinds.ts';
import type { PollView } from '../../shared/protocol/snapshot.ts';
import { lang, t } from '../i18n/i18n.ts';

interface Props {
  itemId: string;
  /** The round that counts for the item, if any: its verdict gives the default. */
  poll: PollView | undefined;
  kind: DecisionKind | undefined;
  onChange: (kind: DecisionKind | null) => void;
}

/** The clerk's Beschlussart for the minutes; empty means the default from the verdict. */
export function DecisionKindSelect({ itemId, poll, kind, onChange }: Props) {
  const labels = DECISION_KIND_LABELS[lang.value];
  const fallback = poll?.verdict ? defaultDecisionKind(poll.verdict.passed) : null;
  const id = `decision-kind-${itemId}`;
  return (
    <div class="decision-kind">
      <label for={id} class="section-label">
        {t('chair.decisionKind')}
      </label>
      <select
        id={id}
        value={kind ?? ''}
        onChange={(e) => onChange((e.currentTarget.value || null) as DecisionKind | null)}
      >
        <option value="">{fallback ? t('chair.decisionKind.default', { kind: labels[fallback] }) : t('chair.decisionKind.none')}</option>
        {DECISION_KINDS.map((k) => (
          <option key={k} value={k}>
            {labels[k]}
          </option>
        ))}
      </select>
    </div>
  );
}
