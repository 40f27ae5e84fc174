import { currentItem, currentPoll } from '../../shared/protocol/selectors.ts';
import type { PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import { ItemTitle } from '../ui/ItemTitle.tsx';
import { PageMessage } from '../ui/PageMessage.tsx';
import { DisplayHeader } from './DisplayHeader.tsx';
import { ElectionStage } from './election/ElectionStage.tsx';
import { InvalidNotice } from './InvalidNotice.tsx';
import { ProgressView } from './ProgressView.tsx';
import { pendingQuorumCheck, QuorumNotice } from './QuorumNotice.tsx';
import { ResultView } from './ResultView.tsx';
import { isRoomy, RollCallGrid, RollCallLegend } from './RollCallGrid.tsx';
import { StaleBanner, useLostSince } from './StaleBanner.tsx';
import { VoteCaption } from './VoteCaption.tsx';
import { SubjectLine } from '../motions/SubjectLine.tsx';

/**
 * The projected room display: no mouse, no keyboard, readable from the back row.
 * Language and theme come from its link (`?lang=en&theme=dark`).
 */
export function DisplayApp({ conn }: { conn: MeetingConnection }) {
  const snapshot = conn.snapshot.value;
  const status = conn.status.value;
  const lostSince = useLostSince(status);
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
  // A round declared invalid says so until the repetition opens; its numbers are gone.
  const invalid = latest?.status === 'invalid' ? latest : undefined;
  const poll = invalid ? undefined : latest;
  const published = poll?.status === 'published' && poll.counts && poll.verdict ? poll : undefined;
  const redacted = item !== undefined && !item.public && !item.name;
  const quorumCheck = pendingQuorumCheck(snapshot);
  const state = displayState(item !== undefined, poll, invalid);
  const rollCall = poll?.rollCall;
  const dense = rollCall !== undefined && !isRoomy(rollCall);

  return (
    <div class={`display state-${state}${lostSince ? ' is-stale' : ''}${dense ? ' is-dense' : ''}`}>
      <DisplayHeader snapshot={snapshot} />
      {lostSince && <StaleBanner since={lostSince} />}
      <main class={`display-main${redacted ? ' is-redacted' : ''}`} data-state={poll?.status ?? (invalid ? 'invalid' : 'idle')}>
        <div class="display-heading">
          <ItemTitle item={item} level={1} />
          {poll?.subject && <SubjectLine subject={poll.subject} itemNumber={item?.number} agenda={snapshot.agenda} />}
          {poll && <VoteCaption poll={poll} />}
          {dense && <RollCallLegend final={poll!.status !== 'open'} />}
        </div>
        {!item && snapshot.meeting.location && <p class="display-location">{snapshot.meeting.location}</p>}
        {quorumCheck && <QuorumNotice check={quorumCheck} />}
        {invalid && <InvalidNotice poll={invalid} />}
        {poll && (
          <div class={`display-stage${rollCall ? ' is-roll-call' : ''}`}>
            {poll.election && <ElectionStage snapshot={snapshot} poll={poll} />}
            {!poll.election && poll.status === 'open' && <ProgressView poll={poll} compact={!!rollCall} />}
            {!poll.election && poll.status === 'closed' && <p class="display-closed">{t('display.closed')}</p>}
            {published && (
              <ResultView
                counts={published.counts!}
                verdict={published.verdict!}
                rules={published.rules}
                statutoryMembers={published.statutoryMembers}
                compact={!!rollCall}
              />
            )}
            {rollCall && <RollCallGrid entries={rollCall} members={snapshot.members} final={poll.status !== 'open'} />}
          </div>
        )}
      </main>
    </div>
  );
}

function displayState(hasItem: boolean, poll: PollView | undefined, invalid: PollView | undefined): string {
  if (!hasItem) return 'idle';
  if (invalid) return 'invalid';
  return poll?.status ?? 'item';
}
