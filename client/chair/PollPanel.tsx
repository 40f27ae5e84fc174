import { useEffect, useState } from 'preact/hooks';
import { isPresent } from '../../shared/meeting/attendance.ts';
import type { AgendaItem } from '../../shared/meeting/model.ts';
import type { MeetingSnapshot, PollView } from '../../shared/protocol/snapshot.ts';
import { ruleSet } from '../../shared/rules/ruleSets.ts';
import { t } from '../i18n/i18n.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import { Icon } from '../ui/Icon.tsx';
import { CloseVote } from './CloseVote.tsx';
import { HandCountForm } from './HandCountForm.tsx';
import { MissingMembers } from './MissingMembers.tsx';
import { NextItem } from './NextItem.tsx';
import { PollTerms } from './PollTerms.tsx';
import { ResultSummary } from './ResultSummary.tsx';
import { RoundActions } from './RoundActions.tsx';
import type { RunCommand } from './runCommand.ts';
import { StartVoteForm } from './StartVoteForm.tsx';

interface Props {
  snapshot: MeetingSnapshot;
  poll: PollView | undefined;
  item: AgendaItem;
  /** The agenda item after this one, offered once the result is out. */
  next: AgendaItem | undefined;
  conn: MeetingConnection;
  run: RunCommand;
}

/** Members who may vote on the item now: a count by hand cannot exceed them. */
function eligibleNow(snapshot: MeetingSnapshot, itemId: string): number {
  const excluded = new Set(snapshot.exclusions?.[itemId] ?? []);
  return snapshot.members.filter((m) => m.votingRight && isPresent(snapshot.attendance?.[m.id]) && !excluded.has(m.id)).length;
}

/** The current item's vote: the one next action is always the big button. */
export function PollPanel({ snapshot, poll, item, next, conn, run }: Props) {
  const itemId = item.id;
  const running = snapshot.polls.find((p) => p.status === 'open' && p.itemId !== itemId);
  const runningNumber = running && snapshot.agenda.find((i) => i.id === running.itemId)?.number;
  const allowsAbstention = ruleSet(snapshot.meeting.rules).allowsAbstention;
  // A round declared invalid "then by show of hands" leads straight to the count form.
  const [handCountOpen, setHandCountOpen] = useState(poll?.status === 'invalid');
  const invalidId = poll?.status === 'invalid' ? poll.id : null;
  useEffect(() => {
    if (invalidId) setHandCountOpen(true);
  }, [invalidId]);

  if (!poll || poll.status === 'invalid') {
    return (
      <div class="poll-panel">
        <StartVoteForm
          key={itemId}
          snapshot={snapshot}
          itemId={itemId}
          conn={conn}
          run={run}
          blockedBy={runningNumber === undefined ? null : t('chair.agendaLocked', { number: runningNumber })}
          secondary={handCountOpen}
        />
        {!running && (
          <HandCountForm
            open={handCountOpen}
            onOpenChange={setHandCountOpen}
            eligible={eligibleNow(snapshot, itemId)}
            allowsAbstention={allowsAbstention}
            onSubmit={(counts) => run(() => conn.send('poll:handCount', { itemId, counts }))}
          />
        )}
      </div>
    );
  }

  if (poll.status === 'open') {
    const voted = new Set(poll.votedMemberIds ?? []);
    const eligible = new Set(poll.eligibleMemberIds ?? []);
    const missing = snapshot.members.filter((m) => eligible.has(m.id) && !voted.has(m.id));
    return (
      <div class="poll-panel poll-panel-open">
        {poll.mode === 'secret' && <p class="poll-mode">{t('chair.secretNote')}</p>}
        <div class="poll-live">
          <p class="badge badge-warn poll-running">
            <span class="live-dot" aria-hidden="true" />
            {t('chair.status.open')}
          </p>
          <p class="poll-progress num" role="status" aria-live="polite">
            {t('chair.progress', { cast: poll.castCount, eligible: poll.eligibleCount })}
          </p>
          <progress class="poll-bar" max={poll.eligibleCount} value={poll.castCount} aria-hidden="true" />
        </div>
        {/* The question counts what the chair reads in large type above it. */}
        <CloseVote missing={Math.max(0, poll.eligibleCount - poll.castCount)} onClose={() => void run(() => conn.send('poll:close', { pollId: poll.id }))} />
        <PollTerms poll={poll} />
        {poll.quorumOverridden && <p class="quorum-override">{t('chair.quorumOverridden')}</p>}
        <MissingMembers missing={missing} />
      </div>
    );
  }

  return (
    <div class="poll-panel">
      <ResultSummary poll={poll} />
      <PollTerms poll={poll} />
      {poll.countedByHand && <p class="poll-mode">{t('chair.handCounted')}</p>}
      {poll.status === 'closed' ? (
        <button type="button" class="btn btn-primary btn-large btn-next" onClick={() => void run(() => conn.send('poll:publish', { pollId: poll.id }))}>
          <Icon name="megaphone" />
          {t(item.public ? 'chair.publish' : 'chair.publishNonPublic')}
        </button>
      ) : (
        <>
          <p class="notice notice-ok published-note">
            <Icon name="check" />
            <span>{t(item.public ? 'chair.published' : 'chair.publishedNonPublic')}</span>
          </p>
          <NextItem next={next} onSelect={(id) => void run(() => conn.send('item:select', { itemId: id }))} />
        </>
      )}
      <RoundActions poll={poll} onInvalidate={(repeat) => run(() => conn.send('poll:invalidate', { pollId: poll.id, repeat })).then(() => undefined)} />
    </div>
  );
}
