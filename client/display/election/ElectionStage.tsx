import { snapshotElectionProgress } from '../../../shared/elections/snapshotProgress.ts';
import { electedLine, roundTitle, votesWord } from '../../../shared/elections/wording.ts';
import { isYesNoBallot } from '../../../shared/elections/model.ts';
import type { MeetingSnapshot, PollView } from '../../../shared/protocol/snapshot.ts';
import { lang, t } from '../../i18n/i18n.ts';
import { Icon } from '../../ui/Icon.tsx';
import { ProgressView } from '../ProgressView.tsx';
import './election.css';

/**
 * A Wahlgang on the room display: while it runs, who stands and the progress (never a running
 * tally); after publication who is elected in the RIS's words, and every candidate's votes.
 */
export function ElectionStage({ snapshot, poll }: { snapshot: MeetingSnapshot; poll: PollView }) {
  const election = snapshot.elections?.[poll.itemId];
  const e = poll.election!;
  const names = new Map(election?.candidates.map((c) => [c.id, c.name]));
  if (poll.status === 'open') {
    return (
      <>
        <ProgressView poll={poll} compact />
        <p class="election-standing">
          <span class="election-standing-label">{t('election.display.standing')}</span> {e.candidateIds.map((id) => names.get(id)).join(' · ')}
        </p>
      </>
    );
  }
  if (poll.status === 'closed') return <p class="display-closed">{t('election.display.closed')}</p>;
  const progress = snapshotElectionProgress(snapshot, poll.itemId);
  const outcome = progress?.outcomes[poll.id];
  if (!outcome || !e.votes || !poll.counts) return null;
  const max = Math.max(1, ...outcome.standings.map((s) => s.votes));
  const elected = new Set(outcome.elected.map((x) => x.candidateId));
  const next = progress!.next;
  return (
    <section class={`result election-result${outcome.standings.length > 5 ? ' is-many' : ''}`} aria-label={t('display.result')}>
      <div class="result-head">
        {outcome.elected.length > 0 ? (
          outcome.elected.map((x) => (
            <p key={x.candidateId} class="result-verdict passed election-verdict">
              <span class="result-verdict-icon">
                <Icon name="check" />
              </span>
              {electedLine(names.get(x.candidateId) ?? '', x.votes, lang.value)}
            </p>
          ))
        ) : (
          <p class="result-verdict rejected election-verdict">
            {next.kind === 'lot' && next.pollId === poll.id
              ? t('election.lotPending')
              : next.kind === 'open' && next.stage === 2
                ? t('election.display.nextRound', { round: roundTitle(poll.rules, 2, lang.value) })
                : t('election.nobody')}
          </p>
        )}
      </div>
      {/* Many candidates shrink the rows so every one stays on the screen. */}
      <ol class="election-bars" style={{ '--rows': Math.max(4, outcome.standings.length + 1) }}>
        {outcome.standings.map((s) => (
          <li key={s.candidateId} class={elected.has(s.candidateId) ? 'is-elected' : undefined}>
            <span class="election-bar-name">{names.get(s.candidateId)}</span>
            <span class="election-bar-track" aria-hidden="true">
              <span class="election-bar" style={{ width: `${(s.votes / max) * 100}%` }} />
            </span>
            <span class="election-bar-votes num">{isYesNoBallot(e) ? `${t('display.yes')} ${s.votes} · ${t('display.no')} ${poll.counts!.no}` : votesWord(s.votes, lang.value)}</span>
          </li>
        ))}
        <li class="election-abstain">
          <span class="election-bar-name">{t('display.abstain')}</span>
          <span />
          <span class="election-bar-votes num">{poll.counts.abstain === 0 ? '–' : poll.counts.abstain}</span>
        </li>
      </ol>
    </section>
  );
}
