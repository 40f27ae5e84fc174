import { CHOICES, type Choice } from '../../shared/meeting/model.ts';
import type { OwnBallot, PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import { castBallot, localBallot } from '../sync/ballots.ts';
import type { MeetingConnection } from '../sync/connection.ts';

interface Props {
  conn: MeetingConnection;
  poll: PollView;
  serverBallot: OwnBallot | null;
  allowsAbstention: boolean;
}

/**
 * A secret vote: once tapped, the buttons go away and only a neutral confirmation stays, so a
 * neighbour never sees which one was chosen. The vote cannot be changed.
 */
export function SecretVotePanel({ conn, poll, serverBallot, allowsAbstention }: Props) {
  const local = localBallot.value?.pollId === poll.id ? localBallot.value : null;
  const counted = serverBallot?.pollId === poll.id || local?.state === 'saved';
  // Queued (offline) counts as sent: the outbox delivers it, and a second tap must not appear.
  const sending = local?.state === 'sending' || local?.state === 'queued';

  if (poll.status !== 'open') {
    return (
      <p class="notice vote-closed" role="status">
        {local?.state === 'late' && <strong class="vote-late">{t('member.late')} </strong>}
        {counted ? t('member.closedSecretVoted') : t('member.closedNoVote')}
      </p>
    );
  }
  if (counted || sending) {
    return (
      <section class="vote vote-secret" aria-labelledby="vote-heading">
        <h3 id="vote-heading" class="vote-heading">
          {t('member.secretTitle')}
        </h3>
        <p class="vote-cast-neutral" role="status" aria-live="polite">
          {sending ? t(local?.state === 'queued' ? 'member.queued' : 'member.sending') : `✓ ${t('member.secretCast')}`}
        </p>
      </section>
    );
  }

  const choices = CHOICES.filter((c) => c !== 'abstain' || allowsAbstention);
  const icons: Record<Choice, string> = { yes: '✓', no: '✗', abstain: '–' };
  return (
    <section class="vote vote-secret" aria-labelledby="vote-heading">
      <h3 id="vote-heading" class="vote-heading">
        {t('member.secretHeading')}
      </h3>
      <p class="muted vote-hint">{t('member.secretHint')}</p>
      <div class="vote-buttons">
        {choices.map((c) => (
          <button type="button" key={c} class={`vote-btn vote-${c}`} onClick={() => void castBallot(conn, poll.id, c)}>
            <span class="vote-icon" aria-hidden="true">
              {icons[c]}
            </span>
            <span class="vote-label">{t(`choice.${c}`)}</span>
          </button>
        ))}
      </div>
      {local?.state === 'failed' && (
        <p class="vote-status" role="status">
          {t('member.failed', { reason: t(local.error === 'already_voted' ? 'error.already_voted' : 'error.generic') })}
        </p>
      )}
    </section>
  );
}
