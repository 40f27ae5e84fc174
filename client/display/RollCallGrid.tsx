import type { Choice, Member } from '../../shared/meeting/model.ts';
import type { RollCallEntry } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';

const ICONS: Record<Choice, string> = { yes: '✓', no: '✗', abstain: '–' };

/**
 * Every member entitled to vote with their choice. Colour is never the only signal: each cell
 * carries an icon and the word, so it reads the same for colour-blind people and in greyscale.
 */
export function RollCallGrid({ entries, members, final }: { entries: RollCallEntry[]; members: Member[]; final: boolean }) {
  const names = new Map(members.map((m) => [m.id, m.name]));
  const size = entries.length <= 12 ? 'l' : entries.length <= 30 ? 'm' : 's';
  return (
    <section class="roll-call" aria-label={t('display.rollCall')}>
      <ul class="roll-call-grid" data-size={size}>
        {entries.map((e) => (
          <li key={e.memberId} class={`roll-cell roll-${e.choice ?? 'none'}`}>
            <span class="roll-name">{names.get(e.memberId) ?? e.memberId}</span>
            <span class="roll-choice">
              <span class="roll-icon" aria-hidden="true">
                {e.choice ? ICONS[e.choice] : '○'}
              </span>{' '}
              {e.choice ? t(`choice.${e.choice}`) : t(final ? 'display.notVoted' : 'display.pending')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
