import { isPresent } from '../../shared/meeting/attendance.ts';
import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import { currentItem, openPollOf } from '../../shared/protocol/selectors.ts';
import { t } from '../i18n/i18n.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import { formatTime } from '../ui/format.ts';
import { QuorumBadge } from './QuorumBadge.tsx';
import { QuorumChallenge } from './QuorumChallenge.tsx';
import type { RunCommand } from './runCommand.ts';
import { ServerCheckbox } from './ServerCheckbox.tsx';
import '../ui/forms.css';
import '../ui/table.css';
import './attendance.css';

/**
 * The clerk's list: who is in the room (checked in on the tablet or here by hand, with the
 * times), and who is excluded from the current item by a conflict of interest.
 */
export function AttendancePanel({ snapshot, conn, run }: { snapshot: MeetingSnapshot; conn: MeetingConnection; run: RunCommand }) {
  const item = currentItem(snapshot);
  const attendance = snapshot.attendance ?? {};
  const excluded = new Set(item ? (snapshot.exclusions?.[item.id] ?? []) : []);
  // Who may vote is fixed for the running vote's item; a late finding needs a repeated vote.
  const locked = !!item && openPollOf(snapshot)?.itemId === item.id;
  const absent = snapshot.members.filter((m) => !isPresent(attendance[m.id]));

  const setPresent = (memberId: string, present: boolean) => run(() => conn.send('attendance:set', { memberId, present }));
  const setExcluded = async (memberId: string, value: boolean) => !!item && run(() => conn.send('exclusion:set', { itemId: item.id, memberId, excluded: value }));

  return (
    <section class="attendance" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading" class="section-label">
        {t('attendance.heading')}
      </h2>
      <QuorumBadge quorum={snapshot.quorum} />
      <QuorumChallenge check={snapshot.lastQuorumCheck} onChallenge={() => void run(() => conn.send('quorum:challenge', {}))} />
      {absent.length > 0 && (
        <button type="button" class="btn all-present" onClick={() => absent.forEach((m) => setPresent(m.id, true))}>
          {t('attendance.allPresent')}
        </button>
      )}
      <table class="attendance-table">
        <thead>
          <tr>
            <th scope="col">{t('attendance.present')}</th>
            <th scope="col">{item ? t('attendance.excludedFor', { number: item.number }) : t('attendance.excluded')}</th>
          </tr>
        </thead>
        <tbody>
          {snapshot.members.map((m) => {
            const periods = attendance[m.id] ?? [];
            const present = isPresent(periods);
            const last = periods[periods.length - 1];
            const since = last && (present ? t('attendance.since', { time: formatTime(last.from) }) : last.to && t('attendance.left', { time: formatTime(last.to) }));
            return (
              <tr key={m.id} class={present ? 'is-present' : 'is-absent'}>
                <td>
                  <label class="attendance-member">
                    <ServerCheckbox checked={present} aria-label={t('attendance.presentLabel', { name: m.name })} send={(value) => setPresent(m.id, value)} />
                    <span class="attendance-name">{m.name}</span>
                    {!m.votingRight && <span class="attendance-tag">{t('attendance.advisory')}</span>}
                    <span class="attendance-time muted">{since || t('attendance.absent')}</span>
                  </label>
                </td>
                <td>
                  {/* Advisory members do not vote: there is nothing to exclude them from. */}
                  {item && m.votingRight && (
                    <ServerCheckbox
                      checked={excluded.has(m.id)}
                      disabled={locked}
                      title={locked ? t('attendance.lockedDuringVote') : undefined}
                      aria-label={t('attendance.excludedLabel', { name: m.name, number: item.number })}
                      send={(value) => setExcluded(m.id, value)}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
