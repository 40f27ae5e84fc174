import type { MemberSelf, PollView } from '../../shared/protocol/snapshot.ts';
import { ruleSet } from '../../shared/rules/ruleSets.ts';
import { t } from '../i18n/i18n.ts';

/**
 * Tells a member why the tablet offers no buttons: a conflict of interest for this item, or
 * not checked in. A member who left after voting learns that the ballot still counts.
 */
export function IneligibleNotice({ self, poll, rules }: { self: MemberSelf; poll: PollView | undefined; rules: string }) {
  if (self.ineligibility === 'excluded') {
    return (
      <p class="notice notice-excluded" role="status">
        {t('member.excluded', { source: ruleSet(rules).sources.exclusion })}
      </p>
    );
  }
  if (poll?.status !== 'open') return null;
  const kept = self.ballot?.pollId === poll.id ? self.ballot : null;
  return (
    <p class="notice notice-absent" role="status">
      {kept ? (kept.choice ? t('member.leftVoted', { choice: t(`choice.${kept.choice}`) }) : t('member.secretCast')) : t('member.absentVote')}
    </p>
  );
}
