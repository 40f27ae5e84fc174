import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { Choice } from '../../shared/meeting/model.ts';
import { ballotChoices } from './choices.ts';
import type { OwnBallot, PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import { castBallot, localBallot } from '../sync/ballots.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import { Icon } from '../ui/Icon.tsx';
import { CHOICE_ICON } from '../ui/choiceIcons.ts';
import { ChoiceButtons } from './ChoiceButtons.tsx';
import { PollOutcome } from './PollOutcome.tsx';
import { Receipt } from './Receipt.tsx';
import { VoteMode } from './VoteMode.tsx';

interface Props {
  conn: MeetingConnection;
  meetingId: string;
  poll: PollView;
  itemNumber: string | undefined;
  serverBallot: OwnBallot | null;
  allowsAbstention: boolean;
  panel: RefObject<HTMLElement | null>;
}

/**
 * A secret vote cannot be changed, so a tap asks once in place ("Ja abgeben?") before the ballot
 * leaves the tablet. Once cast, the buttons go away and only a neutral confirmation stays, so a
 * neighbour never sees which one was chosen.
 */
export function SecretVotePanel({ conn, meetingId, poll, itemNumber, serverBallot, allowsAbstention, panel }: Props) {
  const [pending, setPending] = useState<Choice | null>(null);
  const local = localBallot.value?.pollId === poll.id ? localBallot.value : null;
  const own = serverBallot?.pollId === poll.id ? serverBallot : null;
  const counted = own !== null || local?.state === 'saved';
  // Queued (offline) counts as sent: the outbox delivers it, and a second tap must not appear.
  const sending = local?.state === 'sending' || local?.state === 'queued';
  const receiptBallot = own ?? (local?.state === 'saved' ? local : null);

  if (poll.status !== 'open') {
    return (
      <section class="vote vote-over" aria-labelledby="vote-mode">
        <VoteMode poll={poll} itemNumber={itemNumber} />
        <PollOutcome poll={poll} voted={counted ? 'secret' : null} late={local?.state === 'late'} allowsAbstention={allowsAbstention} />
        {receiptBallot && <Receipt meetingId={meetingId} poll={poll} ballot={receiptBallot} />}
      </section>
    );
  }
  if (counted || sending) {
    return (
      <section class="vote vote-secret" aria-labelledby="vote-mode" ref={panel}>
        <VoteMode poll={poll} itemNumber={itemNumber} />
        <p class="vote-cast-neutral" role="status" aria-live="polite">
          {sending ? t(local?.state === 'queued' ? 'member.queued' : 'member.sending') : `✓ ${t('member.secretCast')}`}
        </p>
        {counted && receiptBallot && <Receipt meetingId={meetingId} poll={poll} ballot={receiptBallot} />}
      </section>
    );
  }

  const choices = ballotChoices(allowsAbstention);
  return (
    <section class="vote vote-secret" aria-labelledby="vote-heading" ref={panel}>
      <VoteMode poll={poll} itemNumber={itemNumber} />
      <h3 id="vote-heading" class="vote-heading">
        {t('member.voteOpen')}
      </h3>
      {pending ? (
        <ConfirmSecret
          choice={pending}
          onConfirm={() => {
            setPending(null);
            void castBallot(conn, poll.id, pending);
          }}
          onBack={() => setPending(null)}
        />
      ) : (
        <>
          <p class="muted vote-hint">{t('member.secretHint')}</p>
          <ChoiceButtons choices={choices} onPick={setPending} />
        </>
      )}
      {local?.state === 'failed' && (
        <p class="vote-status is-failed" role="status">
          <Icon name="alert" />
          <span>{t('member.failed', { reason: t(local.error === 'already_voted' ? 'error.already_voted' : 'error.generic') })}</span>
        </p>
      )}
    </section>
  );
}

/** The question takes the buttons' place; focus goes to it, and back to the tapped button on "Zurück". */
function ConfirmSecret({ choice, onConfirm, onBack }: { choice: Choice; onConfirm: () => void; onBack: () => void }) {
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  const back = () => {
    onBack();
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`.vote-btn[data-choice="${choice}"]`)?.focus());
  };
  return (
    <div class={`secret-confirm choice-${choice}`} role="group" aria-labelledby="secret-question">
      <p id="secret-question" class="secret-question" tabIndex={-1} ref={question}>
        <span class="vote-icon" aria-hidden="true">
          <Icon name={CHOICE_ICON[choice]} />
        </span>
        <span>{t('member.secretConfirm', { choice: t(`choice.${choice}`) })}</span>
      </p>
      <p class="muted">{t('member.secretConfirmHint')}</p>
      <div class="secret-actions">
        <button type="button" class="btn btn-large secret-cast" onClick={onConfirm}>
          <Icon name="check" />
          {t('member.confirm')}
        </button>
        <button type="button" class="btn btn-large" onClick={back}>
          {t('member.back')}
        </button>
      </div>
    </div>
  );
}
