import { useState } from 'preact/hooks';
import { MAJORITY_KINDS, VOTE_MODES, type MajorityKind, type VoteMode } from '../../shared/meeting/model.ts';
import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import type { SubjectInput } from '../../shared/protocol/motionCommands.ts';
import { t } from '../i18n/i18n.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import { Icon } from '../ui/Icon.tsx';
import type { RunCommand } from './runCommand.ts';
import '../ui/forms.css';
import './startVote.css';

interface Props {
  snapshot: MeetingSnapshot;
  itemId: string;
  conn: MeetingConnection;
  run: RunCommand;
  /** Why no vote may start here now (a vote on another item is still running), or null. */
  blockedBy: string | null;
  /** Another form (the hand count) is the chair's next action: this button steps back. */
  secondary: boolean;
  /** What the vote decides when not the plain item: an amendment or a Sammelabstimmung. */
  subject?: SubjectInput;
  /** The start button's text when not "Abstimmung starten" (e.g. for a Sammelabstimmung). */
  startLabel?: string | undefined;
}

/**
 * How the next vote runs: mode (offen by default), the majority the law requires, and — when
 * the body is not quorate — the chair's explicit confirmation, which the minutes record.
 * Keyed by item: a qualified majority chosen for one item never carries over to the next.
 */
export function StartVoteForm({ snapshot, itemId, conn, run, blockedBy, secondary, subject = {}, startLabel }: Props) {
  const [mode, setMode] = useState<VoteMode>('open');
  const [majority, setMajority] = useState<MajorityKind>('simple');
  const [confirmed, setConfirmed] = useState(false);
  const [rollCallLive, setRollCallLive] = useState(false);
  const { quorate } = snapshot.quorum;
  // A greyed-out button always says why, right beneath it.
  const reason = blockedBy ?? (!quorate && !confirmed ? t('startVote.blocked.quorum') : null);

  const submit = (e: Event) => {
    e.preventDefault();
    if (reason) return;
    void run(() => conn.send('poll:open', { itemId, mode, majority, confirmNotQuorate: !quorate && confirmed, rollCallLive: mode === 'rollCall' && rollCallLive, ...subject }));
  };

  return (
    <form class="start-vote" onSubmit={submit} aria-labelledby="start-vote-heading">
      <h3 id="start-vote-heading" class="section-label">
        {t('startVote.heading')}
      </h3>
      <fieldset class="start-vote-modes">
        <legend>{t('startVote.mode')}</legend>
        {VOTE_MODES.map((m) => (
          <label key={m} class="radio">
            <input type="radio" name="vote-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {t(`startVote.mode.${m}`)}
          </label>
        ))}
      </fieldset>
      {mode === 'rollCall' && (
        <label class="mode-live">
          <input type="checkbox" checked={rollCallLive} onChange={(e) => setRollCallLive((e.currentTarget as HTMLInputElement).checked)} />
          {t('chair.rollCallLive')}
        </label>
      )}
      <label class="start-vote-majority">
        <span>{t('startVote.majority')}</span>
        <select value={majority} onChange={(e) => setMajority((e.currentTarget as HTMLSelectElement).value as MajorityKind)}>
          {MAJORITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`startVote.majority.${k}`, { n: snapshot.statutoryMembers })}
            </option>
          ))}
        </select>
      </label>
      {!quorate && (
        <label class="start-vote-confirm">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed((e.currentTarget as HTMLInputElement).checked)} />
          {t('startVote.confirmQuorum')}
        </label>
      )}
      <button
        type="submit"
        class={secondary ? 'btn' : 'btn btn-primary btn-large btn-next'}
        disabled={!!reason}
        aria-describedby={reason ? 'start-vote-reason' : undefined}
      >
        <Icon name="play" />
        {startLabel ?? t('chair.start')}
      </button>
      {reason && (
        <p id="start-vote-reason" class="start-vote-reason">
          <Icon name="info" />
          <span>{reason}</span>
        </p>
      )}
    </form>
  );
}
