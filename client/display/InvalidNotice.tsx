import type { PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import { Icon } from '../ui/Icon.tsx';

/** A round declared invalid stays on the screen as such until the repetition opens. */
export function InvalidNotice({ poll }: { poll: PollView }) {
  return (
    <section class="display-invalid" role="status">
      <p class="display-invalid-head">
        <Icon name="cross" />
        {t('display.invalid', { round: poll.round })}
      </p>
      <p class="display-invalid-note">{t('display.invalidNote')}</p>
    </section>
  );
}
