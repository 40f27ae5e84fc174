import type { QuorumCheck } from '../../shared/meeting/model.ts';
import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import { formatTime } from '../ui/format.ts';
import { Icon } from '../ui/Icon.tsx';

/**
 * A doubted quorum concerns the room while it is being dealt with: shown on the item it was
 * raised on until the next vote there opens or another item is called.
 */
export function pendingQuorumCheck(s: MeetingSnapshot): QuorumCheck | null {
  const check = s.lastQuorumCheck;
  if (!check || check.itemId !== s.currentItemId) return null;
  const laterVote = s.polls.some((p) => p.itemId === s.currentItemId && p.openedAt > check.at);
  return laterVote ? null : check;
}

export function QuorumNotice({ check }: { check: QuorumCheck }) {
  const { present, total, quorate } = check.quorum;
  return (
    <section class={`display-notice quorum-notice ${quorate ? 'is-quorate' : 'not-quorate'}`} role="status">
      <Icon name="users" />
      <p>
        <strong>{t('display.quorumChallenged')}</strong>{' '}
        {t('display.quorumCounted', {
          time: formatTime(check.at),
          present,
          total,
          result: t(quorate ? 'display.quorate' : 'display.notQuorate'),
        })}
      </p>
    </section>
  );
}
