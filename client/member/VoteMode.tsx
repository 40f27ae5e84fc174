import type { PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import { Icon } from '../ui/Icon.tsx';

const ICON = { open: 'info', rollCall: 'users', secret: 'lock' } as const;

/**
 * Which kind of vote this is, and on which item: a roll-call shows every name with its vote on
 * the room display and in the minutes, so the member is told before tapping.
 */
export function VoteMode({ poll, itemNumber }: { poll: PollView; itemNumber: string | undefined }) {
  // "TOP Ö 12" never breaks across lines.
  const item = itemNumber ? t('item.number', { number: itemNumber }).replace(/ /g, '\u00a0') : '';
  return (
    <>
      <p class="vote-mode" id="vote-mode">
        <Icon name={ICON[poll.mode]} />
        <span>{t(`member.mode.${poll.mode}`, { item })}</span>
      </p>
      {poll.mode === 'rollCall' && poll.status === 'open' && (
        <p class="notice notice-warn vote-public">
          <Icon name="info" />
          <span>{t('member.rollCallPublic')}</span>
        </p>
      )}
    </>
  );
}
