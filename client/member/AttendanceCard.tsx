import { useEffect, useRef, useState } from 'preact/hooks';
import type { MemberSelf } from '../../shared/protocol/snapshot.ts';
import { t } from '../i18n/i18n.ts';
import { setOwnAttendance } from '../sync/attendance.ts';
import type { MeetingConnection } from '../sync/connection.ts';
import './attendance.css';

/**
 * Seen present on this tablet, then absent without "Sitzung verlassen" tapped here: the clerk
 * checked the member out. Kept beside the component, which moves (and remounts) when this changes.
 */
const seen = { present: false, leftHere: false };

/** Check-in on the tablet: nobody counts as present (or may vote) before tapping "Anwesend". */
export function AttendanceCard({ self, conn }: { self: MemberSelf; conn: MeetingConnection }) {
  const set = (present: boolean) => void setOwnAttendance(conn, present);
  if (self.present) Object.assign(seen, { present: true, leftHere: false });

  if (!self.present) {
    const byClerk = seen.present && !seen.leftHere;
    return (
      <section class="attendance-card is-absent" aria-label={t('member.attendance')}>
        <p>{t(byClerk ? 'member.checkedOutByClerk' : 'member.notPresent')}</p>
        <button type="button" class="btn btn-primary check-in" onClick={() => set(true)}>
          {t('member.checkIn')}
        </button>
      </section>
    );
  }
  return (
    <LeaveMeeting
      onLeave={() => {
        seen.leftHere = true;
        set(false);
      }}
    />
  );
}

/**
 * Leaving is rare and ends the right to vote, so it sits below the vote and asks once in place:
 * a stray tap during a vote must not check the member out.
 */
function LeaveMeeting({ onLeave }: { onLeave: () => void }) {
  const [asking, setAsking] = useState(false);
  const back = useRef<HTMLButtonElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const unfolded = useRef(false);
  useEffect(() => {
    if (asking) back.current?.focus();
    else if (unfolded.current) toggle.current?.focus();
    unfolded.current = asking;
  }, [asking]);
  return (
    <section class="attendance-card is-present" aria-label={t('member.attendance')}>
      <p>✓ {t('member.present')}</p>
      {asking ? (
        <div class="leave-confirm" role="group" aria-labelledby="leave-question">
          <p id="leave-question" class="leave-question">
            {t('member.checkOutQuestion')}
          </p>
          <div class="leave-actions">
            <button type="button" class="btn btn-danger check-out-confirm" onClick={onLeave}>
              {t('member.checkOutConfirm')}
            </button>
            <button type="button" class="btn" ref={back} onClick={() => setAsking(false)}>
              {t('member.back')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="btn btn-quiet check-out" ref={toggle} onClick={() => setAsking(true)}>
          {t('member.checkOut')}
        </button>
      )}
    </section>
  );
}
