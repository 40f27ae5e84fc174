import type { MemberSelf } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import './attendance.css';

/** Check-in on the tablet: nobody counts as present (or may vote) before tapping "Anwesend". */
export function AttendanceCard({ self, conn }: { self: MemberSelf; conn: MeetingConnection }) {
  const set = (present: boolean) => void conn.send('attendance:self', { present });
  if (!self.present) {
    return (
      <section class="attendance-card is-absent" aria-label={t('member.attendance')}>
        <p>{t('member.notPresent')}</p>
        <button type="button" class="btn btn-primary check-in" onClick={() => set(true)}>
          {t('member.checkIn')}
        </button>
      </section>
    );
  }
  return (
    <section class="attendance-card is-present" aria-label={t('member.attendance')}>
      <p>✓ {t('member.present')}</p>
      <button type="button" class="btn check-out" onClick={() => set(false)}>
        {t('member.checkOut')}
      </button>
    </section>
  );
}
