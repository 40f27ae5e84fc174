import { useState } from 'preact/hooks';
import type { Choice, Counts } from '../../shared/meeting/model.ts';
import { t } from '../i18n/i18n.ts';
import '../ui/forms.css';

interface Props {
  /** Members entitled to vote: the counted votes cannot add up to more. */
  eligible: number;
  allowsAbstention: boolean;
  onSubmit: (counts: Counts) => Promise<boolean>;
}

/** Numbers counted by show of hands (or when the tablets failed), entered by the chair. */
export function HandCountForm({ eligible, allowsAbstention, onSubmit }: Props) {
  const [open, setOpen] = useState(false);
  const [counts, setCounts] = useState<Counts>({ yes: 0, no: 0, abstain: 0 });
  if (!open) {
    return (
      <button type="button" class="btn" onClick={() => setOpen(true)}>
        {t('chair.handCount.open')}
      </button>
    );
  }
  const choices: Choice[] = allowsAbstention ? ['yes', 'no', 'abstain'] : ['yes', 'no'];
  const total = counts.yes + counts.no + counts.abstain;
  const tooMany = total > eligible;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (tooMany) return;
    if (await onSubmit(counts)) setOpen(false);
  };
  return (
    <form class="hand-count" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend class="section-label">{t('chair.handCount.legend')}</legend>
        <p class="muted">{t('chair.handCount.hint', { eligible })}</p>
        <div class="hand-count-fields">
          {choices.map((c) => (
            <label key={c} class={`hand-count-field count-${c}`}>
              {t(`choice.${c}`)}
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={eligible}
                step={1}
                required
                value={counts[c]}
                onInput={(e) => setCounts({ ...counts, [c]: Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)) })}
              />
            </label>
          ))}
        </div>
        {tooMany && (
          <p class="chair-error" role="alert">
            {t('chair.handCount.tooMany', { total, eligible })}
          </p>
        )}
        <div class="button-row">
          <button type="submit" class="btn btn-primary" disabled={tooMany}>
            {t('chair.handCount.save')}
          </button>
          <button type="button" class="btn" onClick={() => setOpen(false)}>
            {t('chair.handCount.cancel')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
