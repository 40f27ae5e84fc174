import type { MeetingConnection } from './connection.ts';

/**
 * "Anwesend" / "Sitzung verlassen" on the member's own tablet. The server answers with the
 * member's new state instead of sending this tablet a snapshot (at a convention, 10,000
 * snapshots for 10,000 check-ins); other devices of the member still get one.
 */
export async function setOwnAttendance(conn: MeetingConnection, present: boolean): Promise<void> {
  const result = await conn.send('attendance:self', { present });
  const shown = conn.snapshot.value;
  if (result.ok && shown && shown.self?.memberId === result.data.memberId) conn.snapshot.value = { ...shown, self: result.data };
}
