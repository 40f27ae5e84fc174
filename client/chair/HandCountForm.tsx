import { useEffect, useRef, useState } from 'preact/hooks';
import type { Choice, Counts } from '../../shared/meeting/model.ts';
import { t } from '../i18n/i18n.ts';
import '../ui/forms.css';

interface Props {
  /** Open when the chair asked for it, or right after a round was declared invalid for a count by hand. */
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Members entitled to vote: the counted votes cannot add up to more. */
  eligible: number;
  allowsAbstention: boolean;
  onSubmit: (counts: Counts) => Promise<boolean>;
}

/** Numbers counted by show of hands (or when the tablets failed), entered by the chair. */
export function HandCountForm({ open, onOpenChange: setOpen, eligible, allowsAbstention, onSubmit }: Props) {
  const [counts, setCounts] = useState<Counts>({ yes: 0, no: 0, abstain: 0 });
  const first = useRef<HTMLInputElement>(null);
  // The count is typed next: focus goes to the first field, not back to the top of the page.
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
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
          {choices.map((c, i) => (
            <label key={c} class={`hand-count-field count-${c}`}>
              {t(`choice.${c}`)}
              <input
                ref={i === 0 ? first : undefined}
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
          <button type="submit" class="btn btn-primary btn-large" disabled={tooMany}>
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
