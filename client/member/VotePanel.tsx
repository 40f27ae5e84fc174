import type { Choice } from '../../shared/meeting/model.ts';
import { ballotChoices } from './choices.ts';
import type { OwnBallot, PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import { castBallot, localBallot } from '../sync/ballots.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import { Icon } from '../ui/Icon.tsx';
import { ChoiceButtons } from './ChoiceButtons.tsx';
import { SecretVotePanel } from './SecretVotePanel.tsx';
import { Receipt } from './Receipt.tsx';
import { PollOutcome } from './PollOutcome.tsx';
import { VoteMode } from './VoteMode.tsx';
import { useBringIntoView } from './bringIntoView.ts';
import { lazy } from '../ui/lazy.tsx';
import type { RecordProps } from './RecordOwnVote.tsx';

const STATE_TEXT = { saved: 'member.saved', sending: 'member.sending', queued: 'member.queued', late: 'member.late' } as const;

interface Props {
  conn: MeetingConnection;
  meetingId: string;
  poll: PollView | undefined;
  itemNumber: string | undefined;
  serverBallot: OwnBallot | null;
  allowsAbstention: boolean;
}

/** The § 68 control, fetched once a member has a stored open ballot. */
const RecordSlot = lazy<RecordProps>(() => import('./lazyParts.ts').then((m) => m.RecordOwnVote));

export function VotePanel({ conn, meetingId, poll, itemNumber, serverBallot, allowsAbstention }: Props) {
  const panel = useBringIntoView<HTMLElement>(poll?.status === 'open' ? poll.id : null);
  if (!poll) {
    return (
      <p class="notice member-waiting">
        <Icon name="clock" />
        <span>{t('member.waiting')}</span>
      </p>
    );
  }
  if (poll.mode === 'secret') {
    return <SecretVotePanel conn={conn} meetingId={meetingId} poll={poll} itemNumber={itemNumber} serverBallot={serverBallot} allowsAbstention={allowsAbstention} panel={panel} />;
  }
  const local = localBallot.value?.pollId === poll.id ? localBallot.value : null;
  const server = serverBallot?.pollId === poll.id && serverBallot.choice ? { choice: serverBallot.choice, state: 'saved' as const } : null;
  const shown = local ?? server;
  const receiptBallot = local?.state === 'saved' ? local : serverBallot?.pollId === poll.id ? serverBallot : null;
  const choiceLabel = (c: Choice) => t(`choice.${c}`);

  if (poll.status !== 'open') {
    const counted = serverBallot?.pollId === poll.id ? serverBallot.choice : null;
    return (
      <section class="vote vote-over" aria-labelledby="vote-mode">
        <VoteMode poll={poll} itemNumber={itemNumber} />
        <PollOutcome poll={poll} voted={counted} late={local?.state === 'late'} allowsAbstention={allowsAbstention} />
        {counted && serverBallot && <Receipt meetingId={meetingId} poll={poll} ballot={serverBallot} />}
      </section>
    );
  }

  const choices = ballotChoices(allowsAbstention);
  return (
    <section class="vote" aria-labelledby="vote-heading" ref={panel}>
      <VoteMode poll={poll} itemNumber={itemNumber} />
      <h3 id="vote-heading" class="vote-heading">
        {t('member.voteOpen')}
      </h3>
      {/* Above the buttons: where the eye is, and still on screen in landscape. Its height is reserved. */}
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
      <ChoiceButtons choices={choices} chosen={shown?.choice ?? null} onPick={(c) => void castBallot(conn, poll.id, c)} />
      {shown?.state === 'saved' && <p class="muted vote-hint">{t('member.changeHint')}</p>}
      {shown?.state === 'saved' && receiptBallot && <Receipt meetingId={meetingId} poll={poll} ballot={receiptBallot} />}
      {shown?.state === 'saved' && <RecordSlot conn={conn} poll={poll} />}
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
