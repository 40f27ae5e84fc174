import type { MeetingSetup, PlannedSetup } from '../meetings/setupPlan.ts';
import type { Db } from '../storage/database.ts';
import { SetupStore } from '../storage/setupStore.ts';
import type { AuditLog } from './auditLog.ts';
import { rosterEntry } from './roster.ts';
import { isoNow } from '../clock.ts';

/**
 * Setup changes (an admin's edit, a re-import) and archiving go to the audit log in the same
 * transaction: a voting right granted or taken after a vote is part of the record.
 */
export class AuditedSetupStore extends SetupStore {
  constructor(
    database: Db,
    private readonly audit: AuditLog,
    private readonly clock: () => string = isoNow,
  ) {
    super(database);
  }

  override replaceSetup(meetingId: string, info: Omit<MeetingSetup, 'members' | 'agenda'>, plan: PlannedSetup): void {
    this.atomically(() => {
      super.replaceSetup(meetingId, info, plan);
      this.audit.append(meetingId, this.clock(), 'meeting.setupChanged', null, { ...info, ...rosterEntry(plan.members, plan.agenda) });
    });
  }

  override setArchived(meetingId: string, at: string | null): void {
    this.atomically(() => {
      super.setArchived(meetingId, at);
      this.audit.append(meetingId, at ?? this.clock(), 'meeting.archived', null, { archived: at !== null });
    });
  }
}
