import { useEffect, useRef, useState } from 'preact/hooks';
import type { PollView } from '../../shared/protocol/snapshot.ts';
import recordMessages from '../i18n/de/record.ts';
import { registerMessages, t } from '../i18n/i18n.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import { Icon } from '../ui/Icon.tsx';
// Not used here: importing it keeps this chunk's dependencies the same set as the page's UI kit,
// so the bundler does not split preact off into one more file the tablet must load (+0.2 KB).
import '../ui/LanguageSwitch.tsx';

// Loaded on demand (the tablet's size budget): its strings come along.
registerMessages(recordMessages, () => import('../i18n/en/record.ts'));

/**
 * § 68 NKomVG: in an open vote a member may demand that the minutes record how they voted.
 * One quiet button below the ballot; the demand is confirmed in place, never by a pop-up.
 */
export interface RecordProps {
  conn: MeetingConnection;
  poll: PollView;
}

export function RecordOwnVote({ conn, poll }: RecordProps) {
  // The member's own snapshot says whether the minutes already record this vote (also when the clerk marked it).
  const recorded = conn.snapshot.value?.self?.recorded === true;
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) yes.current?.focus();
  }, [confirming]);
  const send = async (next: boolean) => {
    const r = await conn.send('record:own', { pollId: poll.id, recorded: next });
    setFailed(!r.ok);
    if (r.ok) setConfirming(false);
  };
  return (
    <div class="record-own">
      {recorded ? (
        <p class="record-done" role="status">
          <Icon name="check" />
          <span>{t('record.done')}</span>{' '}
          <button type="button" class="btn" onClick={() => void send(false)}>
            {t('record.undo')}
          </button>
        </p>
      ) : confirming ? (
        <div class="card" role="group" aria-labelledby={`record-${poll.id}`}>
          <p id={`record-${poll.id}`}>{t('record.confirm')}</p>
          <p>
            <button type="button" class="btn btn-primary" ref={yes} onClick={() => void send(true)}>
              {t('record.yes')}
            </button>{' '}
            <button type="button" class="btn" onClick={() => setConfirming(false)}>
              {t('record.cancel')}
            </button>
          </p>
        </div>
      ) : (
        <button type="button" class="btn" onClick={() => setConfirming(true)}>
          {t('record.ask')}
        </button>
      )}
      {failed && (
        <p class="notice notice-error" role="alert">
          {t('record.failed')}
        </p>
      )}
    </div>
  );
}
