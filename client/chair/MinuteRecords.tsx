import { hasGroups } from '../../shared/meeting/groups.ts';
import type { MeetingSnapshot, PollView } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import type { RunCommand } from './runCommand.ts';
import { ServerCheckbox } from './ServerCheckbox.tsx';
import '../ui/forms.css';
import './minuteRecords.css';

interface Props {
  snapshot: MeetingSnapshot;
  poll: PollView;
  conn: MeetingConnection;
  run: RunCommand;
}

/**
 * What the minutes record beyond the counts, for an open (not secret, not hand-counted) vote:
 * "fraktionsweise protokollieren" once the vote is closed, and § 68 per member who voted —
 * the clerk's marks and the members' own demands from their tablets, in one list.
 */
export function MinuteRecords({ snapshot, poll, conn, run }: Props) {
  if (poll.mode === 'secret' || poll.countedByHand || poll.status === 'invalid') return null;
  const voted = new Set(poll.votedMemberIds ?? []);
  const recorded = new Set(poll.recordedMemberIds ?? []);
  const voters = snapshot.members.filter((m) => voted.has(m.id));
  const groups = hasGroups(snapshot.members.filter((m) => (poll.eligibleMemberIds ?? []).includes(m.id)));
  return (
    <section class="minute-records" aria-labelledby={`records-${poll.id}`}>
      <h3 id={`records-${poll.id}`} class="section-label">
        {t('chair.records.title')}
      </h3>
      {groups && poll.status !== 'open' && (
        <label class="check-row">
          <ServerCheckbox checked={poll.groupWise ?? false} send={(groupWise) => run(() => conn.send('poll:groupWise', { pollId: poll.id, groupWise }))} />
          <span>{t('chair.records.groupWise')}</span>
        </label>
      )}
      <details class="records-68" open={recorded.size > 0}>
        <summary>{t('chair.records.own', { count: recorded.size })}</summary>
        {voters.length === 0 ? (
          <p class="muted">{t('chair.records.nobody')}</p>
        ) : (
          <ul class="records-list">
            {voters.map((m) => (
              <li key={m.id}>
                <label class="check-row">
                  <ServerCheckbox
                    checked={recorded.has(m.id)}
                    send={(value) => run(() => conn.send('record:set', { pollId: poll.id, memberId: m.id, recorded: value }))}
                  />
                  <span>{m.name}</span>
                  {m.group && <span class="muted"> · {m.group}</span>}
                </label>
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
