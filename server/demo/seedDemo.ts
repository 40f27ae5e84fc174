import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { MeetingSpec } from '../../shared/protocol/meetingSpec.ts';
import { createMeeting, type CreatedMeeting } from '../meetings/createMeeting.ts';
import type { MeetingService } from '../meetings/meetingService.ts';
import type { MeetingStorage } from '../storage/storeWrites.ts';
import { DEMO_MEETING } from './demoMeeting.ts';

/**
 * On first start (empty database) creates the demo meeting. Tokens are stored only as hashes,
 * so the demo's links are kept in a private file in DATA_DIR to print them again on restart.
 */
export async function ensureDemoMeeting(
  dataDir: string,
  deps: { service: MeetingService; meetings: Pick<MeetingStorage, 'meetingIds'> },
  baseUrl: string,
): Promise<CreatedMeeting | undefined> {
  const file = join(dataDir, 'demo-links.json');
  if ((await deps.meetings.meetingIds()).length > 0) {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CreatedMeeting) : undefined;
  }
  const created = await createMeeting(deps.service, v.parse(MeetingSpec, DEMO_MEETING), baseUrl);
  writeFileSync(file, JSON.stringify(created, null, 2), { mode: 0o600 });
  return created;
}
