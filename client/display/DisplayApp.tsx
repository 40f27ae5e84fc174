import { currentItem, currentPoll } from '../../shared/protocol/selectors.ts';
import type { PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import { ConnectionBadge } from '../ui/ConnectionBadge.tsx';
import { formatDate } from '../ui/format.ts';
import { BrandMark, Icon } from '../ui/Icon.tsx';
import { ItemTitle } from '../ui/ItemTitle.tsx';
import { PageMessage } from '../ui/PageMessage.tsx';
import { ThemeSwitch } from '../ui/ThemeSwitch.tsx';
import { ProgressView } from './ProgressView.tsx';
import { QuorumLine } from './QuorumLine.tsx';
import { ResultView } from './ResultView.tsx';
import { RollCallGrid } from './RollCallGrid.tsx';
import { VoteCaption } from './VoteCaption.tsx';

/**
 * The projected room display: no mouse, no keyboard, readable from the back row.
 * Language and theme come from its link (`?lang=en&theme=dark`).
 */
export function DisplayApp({ conn }: { conn: MeetingConnection }) {
  const snapshot = conn.snapshot.value;
  const status = conn.status.value;
  if (status === 'unauthorized') {
    return (
      <PageMessage icon="alert" tone="danger">
        <p>{t('conn.unauthorized')}</p>
      </PageMessage>
    );
  }
  if (!snapshot) return <p class="display-wait">{t('conn.connecting')}</p>;
  const item = currentItem(snapshot);
  const latest = item ? currentPoll(snapshot) : undefined;
  // A round declared invalid is off the screen at once: the room waits for the repetition.
  const poll = latest?.status === 'invalid' ? undefined : latest;
  const published = poll?.status === 'published' && poll.counts && poll.verdict ? poll : undefined;
  const redacted = item !== undefined && !item.public && !item.name;

  return (
    <div class={`display state-${displayState(item !== undefined, poll)}`}>
      <header class="display-header">
        <div class="display-id">
          <BrandMark />
          <div>
            <p class="display-body">
              {snapshot.meeting.body} · {snapshot.meeting.organization}
            </p>
            <p class="display-meeting">
              {snapshot.meeting.name} · {formatDate(snapshot.meeting.start)}
            </p>
          </div>
        </div>
        <div class="display-tools">
          <QuorumLine quorum={snapshot.quorum} />
          {status !== 'online' && <ConnectionBadge status={status} />}
          <ThemeSwitch />
        </div>
      </header>
      <main class={`display-main${redacted ? ' is-redacted' : ''}`} data-state={poll?.status ?? 'idle'}>
        <ItemTitle item={item} level={1} />
        {poll && <VoteCaption poll={poll} />}
        {poll?.status === 'open' && (
          <div class={poll.rollCall ? 'display-split' : 'display-single'}>
            <ProgressView poll={poll} />
            {poll.rollCall && <RollCallGrid entries={poll.rollCall} members={snapshot.members} final={false} />}
          </div>
        )}
        {!poll && !redacted && (
          <div class="display-idle">
            {snapshot.meeting.location && <p class="display-location">{snapshot.meeting.location}</p>}
            <p class="display-waiting">{t('display.waiting')}</p>
          </div>
        )}
        {poll?.status === 'closed' && (
          <div class={poll.rollCall ? 'display-split' : 'display-single'}>
            <p class="display-closed">{t('display.closed')}</p>
            {poll.rollCall && <RollCallGrid entries={poll.rollCall} members={snapshot.members} final={false} />}
          </div>
        )}
        {published && (
          <div class={published.rollCall ? 'display-split' : 'display-single'}>
            <ResultView
              counts={published.counts!}
              verdict={published.verdict!}
              rules={published.rules}
              statutoryMembers={published.statutoryMembers}
            />
            {published.rollCall && <RollCallGrid entries={published.rollCall} members={snapshot.members} final={true} />}
          </div>
        )}
      </main>
    </div>
  );
}

function displayState(hasItem: boolean, poll: PollView | undefined): string {
  if (!hasItem) return 'idle';
  return poll?.status ?? 'item';
}
