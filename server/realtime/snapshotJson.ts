import type { memberSnapshotParts } from '../../shared/meeting/project.ts';
import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import { preEncoded, type PreEncoded } from './preEncoded.ts';

/**
 * Every tablet's snapshot of one moment as JSON text: what all tablets share is serialized once,
 * each member's own entry and state (a few hundred bytes) per tablet and joined to it. The text
 * parses to exactly snapshotFor's object for that member (only the order of keys differs).
 */
export function memberSnapshotsJson(parts: ReturnType<typeof memberSnapshotParts>): (memberId: string) => PreEncoded<MeetingSnapshot> {
  // `{"role":"member",…,"serverTime":"…"}` without its closing brace; `common` is never empty.
  const head = JSON.stringify(parts.common).slice(0, -1);
  return (memberId) => preEncoded(`${head},${JSON.stringify(parts.own(memberId)).slice(1)}`);
}
