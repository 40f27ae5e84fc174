import type { Choice } from '../../shared/meeting/model.ts';
import type { PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import { Icon } from '../ui/Icon.tsx';

/**
 * What the tablet says once a vote is over: counted by show of hands (the tablet played no
 * part), declared invalid, or closed; whether this member voted; and, once published, the result
 * the room display shows.
 */
export function PollOutcome({ poll, voted, late, allowsAbstention }: { poll: PollView; voted: Choice | 'secret' | null; late: boolean; allowsAbstention: boolean }) {
  return (
    <>
      <p class="notice vote-closed" role="status">
        {late && <strong class="vote-late">{t('member.late')} </strong>}
        <Icon name={poll.countedByHand ? 'users' : voted && poll.status !== 'invalid' ? 'check' : 'stop'} />
        <span>{outcomeText(poll, voted)}</span>
      </p>
      {poll.status === 'published' && poll.counts && poll.verdict && (
        <section class="card member-result" aria-label={t('member.result')}>
          <p class={`member-verdict ${poll.verdict.passed ? 'passed' : 'rejected'}`}>
            <Icon name={poll.verdict.passed ? 'check' : 'cross'} />
            {t(`member.outcome.${poll.verdict.outcome}`)}
          </p>
          <p class="member-counts num">
            {(['yes', 'no', 'abstain'] as const)
              .filter((c) => c !== 'abstain' || allowsAbstention)
              .map((c) => (
                <span key={c} class={`member-count choice-${c}`}>
                  {t(`choice.${c}`)} <strong>{poll.counts![c]}</strong>
                </span>
              ))}
          </p>
        </section>
      )}
    </>
  );
}

function outcomeText(poll: PollView, voted: Choice | 'secret' | null): string {
  if (poll.countedByHand) return t('member.handCount');
  if (poll.status === 'invalid') return t('member.invalid');
  if (voted === 'secret') return t('member.closedSecretVoted');
  if (voted) return t('member.closedVoted', { choice: t(`choice.${voted}`) });
  return `${t('member.closedNoVote')} ${t('member.notVoted')}`;
}
