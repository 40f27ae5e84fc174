import { ruleSet } from '../../shared/rules/ruleSets.ts';
import { currentItem, currentPoll } from '../../shared/protocol/selectors.ts';
import { t } from '../i18n/i18n.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import { forgetToken } from '../sync/token.ts';
import { ConnectionBadge } from '../ui/ConnectionBadge.tsx';
import { ItemTitle } from '../ui/ItemTitle.tsx';
import { Icon } from '../ui/Icon.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { PageMessage } from '../ui/PageMessage.tsx';
import { AttendanceCard } from './AttendanceCard.tsx';
import { IneligibleNotice } from './IneligibleNotice.tsx';
import { InsecureContextNotice } from './InsecureContextNotice.tsx';
import { OfflineSince } from './OfflineSince.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';
import { LazyElectionBallot } from './LazyElectionBallot.tsx';
import { VotePanel } from './VotePanel.tsx';
import { LazySubject } from '../motions/LazySubject.tsx';

export function MemberApp({ conn }: { conn: MeetingConnection }) {
  const snapshot = conn.snapshot.value;
  const status = conn.status.value;
  if (status === 'unauthorized') {
    // A tablet that once had the meeting was signed out (link re-issued); one that never had it
    // got a wrong link. Either way it may pair again with the new card.
    return (
      <PageMessage icon="alert" tone="danger">
        <p>{snapshot ? t('member.revoked') : t('conn.unauthorized')}</p>
        <button
          type="button"
          class="btn pair-again"
          onClick={() => {
            forgetToken('member');
            location.reload();
          }}
        >
          {t('member.pairAgain')}
        </button>
      </PageMessage>
    );
  }
  if (!snapshot?.self) {
    // Nothing known yet: what the connection is doing, so a failed first connect does not read as "wait".
    return (
      <PageMessage icon="clock">
        <p role="status">{t(status === 'reconnecting' || status === 'offline' ? `conn.${status}` : 'conn.connecting')}</p>
      </PageMessage>
    );
  }
  const self = snapshot.self;
  const poll = currentPoll(snapshot);
  const item = currentItem(snapshot);

  return (
    <div class="member">
      <header class="member-header">
        <div class="member-who">
          <p class="member-name">{self.name}</p>
          <p class="muted meeting-name">{snapshot.meeting.name}</p>
        </div>
        <div class="toolbar member-tools">
          <ConnectionBadge status={status} />
          <LanguageSwitch />
        </div>
      </header>
      <OfflineSince status={status} />
      <main class="member-main">
        {!self.present && <AttendanceCard self={self} conn={conn} />}
        <section class="card member-item" aria-label={t('member.currentItem')}>
          <p class="section-label">{t('member.currentItem')}</p>
          <ItemTitle item={item} />
          {poll?.subject && <LazySubject subject={poll.subject} itemNumber={item?.number} agenda={snapshot.agenda} />}
        </section>
        {!self.votingRight ? (
          <p class="notice notice-info member-advisory">
            <Icon name="info" />
            <span>{t('member.advisory')}</span>
          </p>
        ) : self.ineligibility === 'excluded' || (self.ineligibility === 'absent' && poll?.status === 'open') ? (
          <IneligibleNotice self={self} poll={poll} rules={snapshot.meeting.rules} />
        ) : poll?.election ? (
          <LazyElectionBallot
            conn={conn}
            meetingId={snapshot.meeting.id}
            poll={poll}
            election={snapshot.elections?.[poll.itemId]}
            itemNumber={item?.number}
            serverBallot={self.ballot}
          />
        ) : (
          <VotePanel
            conn={conn}
            meetingId={snapshot.meeting.id}
            poll={poll}
            itemNumber={item?.number}
            serverBallot={self.ballot}
            allowsAbstention={ruleSet(snapshot.meeting.rules).allowsAbstention}
          />
        )}
        {self.present && <AttendanceCard self={self} conn={conn} />}
      </main>
      <footer class="member-footer">
        <UpdatePrompt voteOpen={poll?.status === 'open'} />
        <InsecureContextNotice />
      </footer>
    </div>
  );
}
