import { CHOICES, type Choice } from '../../shared/meeting/model.ts';
import type { OwnBallot, PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import { castBallot, localBallot } from '../sync/ballots.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import { Icon } from '../ui/Icon.tsx';
import { CHOICE_ICON } from '../ui/choiceIcons.ts';
import { SecretVotePanel } from './SecretVotePanel.tsx';
import { Receipt } from './Receipt.tsx';

const STATE_TEXT = { saved: 'member.saved', sending: 'member.sending', queued: 'member.queued', late: 'member.late' } as const;

interface Props {
  conn: MeetingConnection;
  meetingId: string;
  poll: PollView | undefined;
  memberId: string;
  serverBallot: OwnBallot | null;
  allowsAbstention: boolean;
}

export function VotePanel({ conn, meetingId, poll, serverBallot, allowsAbstention }: Props) {
  if (!poll) {
    return (
      <p class="notice member-waiting">
        <Icon name="clock" />
        <span>{t('member.waiting')}</span>
      </p>
    );
  }
  if (poll.mode === 'secret') return <SecretVotePanel conn={conn} poll={poll} serverBallot={serverBallot} allowsAbstention={allowsAbstention} />;
  const local = localBallot.value?.pollId === poll.id ? localBallot.value : null;
  const server = serverBallot?.pollId === poll.id && serverBallot.choice ? { choice: serverBallot.choice, state: 'saved' as const } : null;
  const shown = local ?? server;
  const receiptBallot = local?.state === 'saved' ? local : serverBallot?.pollId === poll.id ? serverBallot : null;
  const choiceLabel = (c: Choice) => t(`choice.${c}`);

  if (poll.status !== 'open') {
    const counted = serverBallot?.pollId === poll.id ? serverBallot.choice : null;
    return (
      <>
        <p class="notice vote-closed" role="status">
          {local?.state === 'late' && <strong class="vote-late">{t('member.late')} </strong>}
          <Icon name={counted ? 'check' : 'stop'} />
          <span>{counted ? t('member.closedVoted', { choice: choiceLabel(counted) }) : t('member.closedNoVote')}</span>
        </p>
        {counted && serverBallot && <Receipt meetingId={meetingId} poll={poll} ballot={serverBallot} />}
      </>
    );
  }

  const choices = CHOICES.filter((c) => c !== 'abstain' || allowsAbstention);
  return (
    <section class="vote" aria-labelledby="vote-heading">
      <h3 id="vote-heading" class="vote-heading">
        {t('member.voteOpen')}
      </h3>
      <div class={`vote-buttons vote-count-${choices.length}${shown ? ' has-choice' : ''}`}>
        {choices.map((c) => (
          <button
            type="button"
            key={c}
            class={`vote-btn vote-${c} choice-${c}`}
            aria-pressed={shown?.choice === c}
            onClick={() => void castBallot(conn, poll.id, c)}
          >
            <span class="vote-icon">
              <Icon name={CHOICE_ICON[c]} />
            </span>
            <span class="vote-label">{choiceLabel(c)}</span>
            {shown?.choice === c && <span class="vote-chosen">{t('member.chosen')}</span>}
          </button>
        ))}
      </div>
      <p
        class={`vote-status${shown ? ` is-${shown.state}` : ''}`}
        role="status"
        aria-live="polite"
      >
        {shown && <Icon name={shown.state === 'failed' ? 'alert' : shown.state === 'saved' ? 'check' : 'clock'} />}
        <span>
          {shown &&
            (shown.state === 'failed'
              ? t('member.failed', { reason: errorText(local?.error) })
              : `${t('member.yourVote', { choice: choiceLabel(shown.choice) })} – ${t(STATE_TEXT[shown.state])}`)}
        </span>
      </p>
      {shown?.state === 'saved' && <p class="muted vote-hint">{t('member.changeHint')}</p>}
      {shown?.state === 'saved' && receiptBallot && <Receipt meetingId={meetingId} poll={poll} ballot={receiptBallot} />}
    </section>
  );
}

function errorText(code: string | undefined): string {
  switch (code) {
    case 'poll_not_open':
      return t('error.poll_not_open');
    case 'not_eligible':
      return t('error.not_eligible');
    case 'choice_not_allowed':
      return t('error.choice_not_allowed');
    default:
      return t('error.generic');
  }
}
