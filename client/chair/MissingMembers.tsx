import type { Member } from '../../shared/meeting/model.ts';
import { t } from '../i18n/i18n.ts';
import { Icon } from '../ui/Icon.tsx';

/** Beyond this many names the chips push "Abstimmung beenden" off the screen: they fold away. */
const FOLD_ABOVE = 12;

/** Who has not voted yet: names for a small council, a count that unfolds for a Kreistag. */
export function MissingMembers({ missing }: { missing: Member[] }) {
  if (missing.length === 0) {
    return (
      <p class="notice notice-ok">
        <Icon name="check" />
        <span>{t('chair.allVoted')}</span>
      </p>
    );
  }
  const list = (
    <ul class="missing-list">
      {missing.map((m) => (
        <li key={m.id}>{m.name}</li>
      ))}
    </ul>
  );
  if (missing.length > FOLD_ABOVE) {
    return (
      <details class="missing missing-folded">
        <summary class="missing-label">{t('chair.missingFolded', { n: missing.length })}</summary>
        {list}
      </details>
    );
  }
  return (
    <div class="missing">
      <p class="missing-label">{t('chair.missing')}</p>
      {list}
    </div>
  );
}
