import { useState } from 'preact/hooks';
import { electionRule } from '../../../shared/elections/electionRules.ts';
import type { Election } from '../../../shared/elections/model.ts';
import { snapshotElectionProgress } from '../../../shared/elections/snapshotProgress.ts';
import { electionHeading, roundLines, roundTitle } from '../../../shared/elections/wording.ts';
import type { AgendaItem } from '../../../shared/meeting/model.ts';
import type { MeetingSnapshot } from '../../../shared/protocol/snapshot.ts';
import { lang, t } from '../../i18n/i18n.ts';
import { ServerCheckbox } from '../ServerCheckbox.tsx';
import type { MeetingConnection } from '../../sync/connection.ts';
import { Icon } from '../../ui/Icon.tsx';
import { CloseVote } from '../CloseVote.tsx';
import { MissingMembers } from '../MissingMembers.tsx';
import { RoundActions } from '../RoundActions.tsx';
import type { RunCommand } from '../runCommand.ts';
import { CandidateList } from './CandidateList.tsx';
import { ElectionHandCount } from './ElectionHandCount.tsx';
import { LotPanel } from './LotPanel.tsx';
import './election.css';

interface Props {
  snapshot: MeetingSnapshot;
  item: AgendaItem;
  election: Election;
  conn: MeetingConnection;
  run: RunCommand;
}

/** The chair's election: candidates, the secret demand, each Wahlgang with its one next action, ties by lot. */
export function ElectionPanel({ snapshot, item, election, conn, run }: Props) {
  const [confirmed, setConfirmed] = useState(false);
  const progress = snapshotElectionProgress(snapshot, item.id)!;
  const rule = electionRule(snapshot.meeting.rules);
  const rounds = snapshot.polls.filter((p) => p.itemId === item.id && p.election);
  const last = rounds.at(-1);
  const started = rounds.some((p) => p.status !== 'invalid');
  const secret = rule.alwaysSecret || election.secretDemandedAt !== null;
  const next = progress.next;
  const blockedBy = snapshot.polls.find((p) => p.status === 'open' && p.itemId !== item.id);
  const { quorate } = snapshot.quorum;

  return (
    <div class="poll-panel election-panel">
      <p class="election-rule">
        <Icon name={secret ? 'lock' : 'info'} />
        <span>{electionHeading(snapshot.meeting.rules, secret, election.secretDemandedAt !== null, election.seats, lang.value)}</span>
      </p>
      <CandidateList snapshot={snapshot} election={election} locked={started} conn={conn} run={run} />
      {!started && (
        <label class="election-secret">
          <ServerCheckbox checked={secret} disabled={rule.alwaysSecret} send={(demanded) => run(() => conn.send('election:demandSecret', { itemId: item.id, demanded }))} />
          {rule.alwaysSecret ? t('election.alwaysSecret', { source: rule.source }) : t('election.secretDemand')}
        </label>
      )}

      {rounds.map((p) => {
        const outcome = progress.outcomes[p.id];
        return (
          <section key={p.id} class={`election-round${p.status === 'invalid' ? ' is-invalid' : ''}`} aria-label={roundTitle(p.rules, p.election!.stage, lang.value)}>
            {outcome && p.counts && (
              <ul class="election-lines">
                {roundLines(p.rules, { election: p.election!, counts: p.counts, outcome }, election.candidates, lang.value).map((line, i) => (
                  <li key={i} class={i === 0 ? 'election-round-title' : line.startsWith('Gewählt') || line.startsWith('Elected') ? 'election-elected' : undefined}>
                    {line}
                  </li>
                ))}
              </ul>
            )}
            {p.status === 'invalid' && <p class="muted">{t('election.roundInvalid', { round: roundTitle(p.rules, p.election!.stage, lang.value) })}</p>}
          </section>
        );
      })}

      {next.kind === 'running' && last?.status === 'open' && (
        <>
          <div class="poll-live">
            <p class="badge badge-warn poll-running">
              <span class="live-dot" aria-hidden="true" />
              {roundTitle(last.rules, last.election!.stage, lang.value)} · {t('chair.status.open')}
            </p>
            <p class="poll-progress num" role="status" aria-live="polite">
              {t('chair.progress', { cast: last.castCount, eligible: last.eligibleCount })}
            </p>
            <progress class="poll-bar" max={last.eligibleCount} value={last.castCount} aria-hidden="true" />
          </div>
          <CloseVote missing={Math.max(0, last.eligibleCount - last.castCount)} onClose={() => void run(() => conn.send('poll:close', { pollId: last.id }))} />
          <MissingMembers
            missing={snapshot.members.filter((m) => (last.eligibleMemberIds ?? []).includes(m.id) && !(last.votedMemberIds ?? []).includes(m.id))}
          />
        </>
      )}

      {next.kind === 'lot' && <LotPanel election={election} lot={next} conn={conn} run={run} />}

      {last?.status === 'closed' && (
        <button type="button" class={`btn btn-large btn-next${next.kind === 'lot' ? '' : ' btn-primary'}`} onClick={() => void run(() => conn.send('poll:publish', { pollId: last.id }))}>
          <Icon name="megaphone" />
          {t(item.public ? 'chair.publish' : 'chair.publishNonPublic')}
        </button>
      )}

      {next.kind === 'open' && last?.status !== 'closed' && (
        <div class="election-start">
          {!quorate && (
            <label class="start-vote-confirm">
              <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed((e.currentTarget as HTMLInputElement).checked)} />
              {t('startVote.confirmQuorum')}
            </label>
          )}
          <button
            type="button"
            class="btn btn-primary btn-large btn-next election-open"
            disabled={next.candidateIds.length === 0 || blockedBy !== undefined || (!quorate && !confirmed)}
            onClick={() => void run(() => conn.send('election:openRound', { itemId: item.id, confirmNotQuorate: !quorate && confirmed }))}
          >
            <Icon name="play" />
            {t('election.start', { round: roundTitle(snapshot.meeting.rules, next.stage, lang.value), count: next.candidateIds.length })}
          </button>
          {next.candidateIds.length === 0 && <p class="muted">{t('election.needCandidate')}</p>}
          {next.candidateIds.length > 0 && !blockedBy && (
            <ElectionHandCount key={`${next.stage}-${next.candidateIds.join()}`} election={election} candidateIds={next.candidateIds} seats={next.seats} conn={conn} run={run} />
          )}
        </div>
      )}

      {next.kind === 'done' && last?.status === 'published' && (
        <p class="notice notice-ok published-note">
          <Icon name="check" />
          <span>{t('election.done')}</span>
        </p>
      )}

      {last && (last.status === 'closed' || last.status === 'published') && (
        <RoundActions
          poll={last}
          onInvalidate={async (repeat) => {
            // The server repeats a Wahlgang through election:openRound, which knows which one is due.
            const done = await run(() => conn.send('poll:invalidate', { pollId: last.id, repeat: false }));
            if (done && repeat) await run(() => conn.send('election:openRound', { itemId: item.id, confirmNotQuorate: last.quorumOverridden }));
          }}
        />
      )}
    </div>
  );
}
