import type { Election } from '../../../shared/elections/model.ts';
import { electionProgress } from '../../../shared/elections/progress.ts';
import { roundOfView } from '../../../shared/elections/snapshotProgress.ts';
import { electedLine, votesWord } from '../../../shared/elections/wording.ts';
import type { PollView } from '../../../shared/protocol/snapshot.ts';
import { lang, t } from '../../i18n/i18n.ts';

/** The published result of this Wahlgang on the tablet: votes per candidate and who is elected. */
export function ElectionOutcome({ poll, election }: { poll: PollView; election: Election }) {
  const round = roundOfView(poll);
  if (poll.status !== 'published' || !round?.counts || !poll.election?.votes) return null;
  // This Wahlgang alone: earlier ones are settled, and their lots are in the election.
  const outcome = electionProgress(election, [round]).outcomes[poll.id];
  if (!outcome) return null;
  const names = new Map(election.candidates.map((c) => [c.id, c.name]));
  return (
    <section class="card member-result" aria-label={t('member.result')}>
      {outcome.elected.map((e) => (
        <p key={e.candidateId} class="member-verdict passed">
          {electedLine(names.get(e.candidateId) ?? '', e.votes, lang.value)}
        </p>
      ))}
      {outcome.elected.length === 0 && (
        <p class="member-verdict rejected">
          {t(outcome.next.kind === 'secondRound' ? 'election.noMajority' : outcome.next.kind === 'lot' ? 'election.lotPending' : 'election.nobody')}
        </p>
      )}
      <ul class="election-standings">
        {outcome.standings.map((s) => (
          <li key={s.candidateId}>
            {names.get(s.candidateId)}: <strong class="num">{votesWord(s.votes, lang.value)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
