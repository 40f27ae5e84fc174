import type { Choice } from '../../shared/meeting/model.ts';
import { t } from '../i18n/i18n.ts';
import { Icon } from '../ui/Icon.tsx';
import { CHOICE_ICON } from '../ui/choiceIcons.ts';

/**
 * The big Ja / Nein / Enthaltung buttons: colour, icon and word, in every mode. `chosen` is
 * given where the choice stays visible and may change (open and roll-call votes).
 */
export function ChoiceButtons({ choices, chosen, onPick }: { choices: Choice[]; chosen?: Choice | null; onPick: (c: Choice) => void }) {
  return (
    <div class={`vote-buttons${chosen ? ' has-choice' : ''}`}>
      {choices.map((c) => (
        <button type="button" key={c} class={`vote-btn choice-${c}`} data-choice={c} aria-pressed={chosen === undefined ? undefined : chosen === c} onClick={() => onPick(c)}>
          <span class="vote-icon">
            <Icon name={CHOICE_ICON[c]} />
          </span>
          <span class="vote-label">{t(`choice.${c}`)}</span>
          {chosen === c && <span class="vote-chosen">{t('member.chosen')}</span>}
        </button>
      ))}
    </div>
  );
}
