import { DECISION_KIND_LABELS, DECISION_KINDS, defaultDecisionKind, type DecisionKind } from '../../shared/minutes/decisionKinds.ts';
import { resultWording } from '../../shared/minutes/wording.ts';
import type { PollView } from '../../shared/protocol/snapshot.ts';
import { lang, t } from '../i18n/i18n.ts';
import { Icon } from '../ui/Icon.tsx';
import { contradictsVerdict } from './decisionConflict.ts';

interface Props {
  itemId: string;
  /** The round that counts for the item, if any: its verdict gives the default. */
  poll: PollView | undefined;
  kind: DecisionKind | undefined;
  onChange: (kind: DecisionKind | null) => void;
}

/**
 * The clerk's Beschlussart for the minutes; empty means the default from the verdict. A choice
 * made before the vote that the result contradicts is pointed out where it can be fixed.
 */
export function DecisionKindSelect({ itemId, poll, kind, onChange }: Props) {
  const labels = DECISION_KIND_LABELS[lang.value];
  const verdict = poll?.verdict;
  // After a passed amendment the main motion passes "geändert" (shared/motions/sequence.ts).
  const amended = poll?.subject?.kind === 'main' && poll.subject.amended;
  const fallback = verdict ? (amended && verdict.passed ? 'adoptedAmended' : defaultDecisionKind(verdict.passed)) : null;
  const conflict = !!kind && !!verdict && !!poll?.counts && contradictsVerdict(kind, verdict.passed);
  const id = `decision-kind-${itemId}`;
  const current = kind ?? '';
  return (
    <div class="decision-kind">
      <label for={id} class="section-label">
        {t('chair.decisionKind')}
      </label>
      {/* `selected` on the options, not `value` on the select: the select shows what is stored
          even when the first option's text changes under it. */}
      <select id={id} aria-describedby={conflict ? `${id}-conflict` : undefined} onChange={(e) => onChange((e.currentTarget.value || null) as DecisionKind | null)}>
        <option value="" selected={current === ''}>
          {fallback ? t('chair.decisionKind.default', { kind: labels[fallback] }) : t('chair.decisionKind.none')}
        </option>
        {DECISION_KINDS.map((k) => (
          <option key={k} value={k} selected={current === k}>
            {labels[k]}
          </option>
        ))}
      </select>
      {conflict && (
        <div id={`${id}-conflict`} class="notice notice-warn decision-conflict" role="status">
          <Icon name="alert" />
          <div class="decision-conflict-body">
            <p>{t('chair.decisionKind.conflict', { kind: labels[kind], result: resultWording(verdict.outcome, poll.counts!.abstain, lang.value) })}</p>
            <button type="button" class="btn" onClick={() => onChange(null)}>
              {t('chair.decisionKind.useDefault', { kind: labels[fallback!] })}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
