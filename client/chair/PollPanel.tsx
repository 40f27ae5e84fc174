import { isPresent } from '../../shared/meeting/attendance.ts';
import type { MeetingSnapshot, PollView } from '../../shared/protocol/snapshot.ts';
import { ruleSet } from '../../shared/rules/ruleSets.ts';
import { t } from '../i18n/i18n.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import { Icon } from '../ui/Icon.tsx';
import { HandCountForm } from './HandCountForm.tsx';
import { PollTerms } from './PollTerms.tsx';
import { ResultSummary } from './ResultSummary.tsx';
import { RoundActions } from './RoundActions.tsx';
import { StartVoteForm } from './StartVoteForm.tsx';

interface Props {
  snapshot: MeetingSnapshot;
  poll: PollView | undefined;
  itemId: string;
  conn: MeetingConnection;
  run: (action: () => Promise<{ ok: boolean; error?: { message: string } }>) => Promise<boolean>;
}

/** Members who may vote on the item now: a count by hand cannot exceed them. */
function eligibleNow(snapshot: MeetingSnapshot, itemId: string): number {
  const excluded = new Set(snapshot.exclusions?.[itemId] ?? []);
  return snapshot.members.filter((m) => m.votingRight && isPresent(snapshot.attendance?.[m.id]) && !excluded.has(m.id)).length;
}

/** The current item's vote: the one next action is always the big button. */
export function PollPanel({ snapshot, poll, itemId, conn, run }: Props) {
  const anotherOpen = snapshot.polls.some((p) => p.status === 'open' && p.itemId !== itemId);
  const allowsAbstention = ruleSet(snapshot.meeting.rules).allowsAbstention;

  if (!poll || poll.status === 'invalid') {
    return (
      <div class="poll-panel">
        <StartVoteForm key={itemId} snapshot={snapshot} itemId={itemId} conn={conn} run={run} disabled={anotherOpen} />
        {!anotherOpen && (
          <HandCountForm
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
      <div class="poll-panel">
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
        <PollTerms poll={poll} />
        {poll.quorumOverridden && <p class="quorum-override">{t('chair.quorumOverridden')}</p>}
        <div class="missing">
          {missing.length === 0 ? (
            <p class="notice notice-ok">
              <Icon name="check" />
              <span>{t('chair.allVoted')}</span>
            </p>
          ) : (
            <>
              <p class="missing-label">{t('chair.missing')}</p>
              <ul class="missing-list">
                {missing.map((m) => (
                  <li key={m.id}>{m.name}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <button type="button" class="btn btn-primary btn-large btn-next" onClick={() => void run(() => conn.send('poll:close', { pollId: poll.id }))}>
          <Icon name="stop" />
          {t('chair.close')}
        </button>
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
          {t('chair.publish')}
        </button>
      ) : (
        <p class="notice notice-ok published-note">
          <Icon name="check" />
          <span>{t('chair.published')}</span>
        </p>
      )}
      <RoundActions poll={poll} onInvalidate={(repeat) => run(() => conn.send('poll:invalidate', { pollId: poll.id, repeat })).then(() => undefined)} />
    </div>
  );
}
