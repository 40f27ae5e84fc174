import { currentItem, currentPoll } from '../../shared/protocol/selectors.ts';
import { t } from '../i18n/i18n.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import { ConnectionBadge } from '../ui/ConnectionBadge.tsx';
import { formatDate } from '../ui/format.ts';
import { ItemTitle } from '../ui/ItemTitle.tsx';
import { ProgressView } from './ProgressView.tsx';
import { QuorumLine } from './QuorumLine.tsx';
import { ResultView } from './ResultView.tsx';

/** The projected room display: no mouse, no keyboard, readable from the back row. */
export function DisplayApp({ conn }: { conn: MeetingConnection }) {
  const snapshot = conn.snapshot.value;
  const status = conn.status.value;
  if (status === 'unauthorized') return <p class="notice">{t('conn.unauthorized')}</p>;
  if (!snapshot) return <p class="display-wait">{t('conn.connecting')}</p>;
  const item = currentItem(snapshot);
  const poll = item ? currentPoll(snapshot) : undefined;

  return (
    <div class="display">
      <header class="display-header">
        <div>
          <p class="display-body">
            {snapshot.meeting.body} · {snapshot.meeting.organization}
          </p>
          <p class="display-meeting">
            {snapshot.meeting.name} · {formatDate(snapshot.meeting.start)}
          </p>
        </div>
        <QuorumLine quorum={snapshot.quorum} />
        {status !== 'online' && <ConnectionBadge status={status} />}
      </header>
      <main class="display-main">
        <ItemTitle item={item} level={1} />
        {poll?.status === 'open' && <ProgressView poll={poll} />}
        {poll?.status === 'published' && poll.counts && poll.verdict && (
          <ResultView counts={poll.counts} verdict={poll.verdict} rules={snapshot.meeting.rules} statutoryMembers={snapshot.statutoryMembers} />
        )}
      </main>
    </div>
  );
}
