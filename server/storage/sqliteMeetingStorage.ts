import type { MeetingState } from '../../shared/meeting/state.ts';
import type { MeetingStore, NewMeeting } from './meetingStore.ts';
import type { MeetingStorage, StoreWrite } from './storeWrites.ts';

/**
 * The embedded store behind the asynchronous interface. better-sqlite3 is synchronous: each call
 * is done (and, with `synchronous = FULL`, fsynced) when the promise is made, so the service's
 * order of writes is the file's.
 */
export class SqliteMeetingStorage implements MeetingStorage {
  constructor(private readonly rows: MeetingStore) {}

  /** Throws synchronously on failure, so a caller's surrounding transaction is rolled back. */
  createMeeting(meeting: NewMeeting, createdAt: string): Promise<void> {
    this.rows.createMeeting(meeting, createdAt);
    return Promise.resolve();
  }

  async meetingIds(): Promise<string[]> {
    return this.rows.meetingIds();
  }

  async load(meetingId: string): Promise<MeetingState | undefined> {
    return this.rows.load(meetingId);
  }

  async commit(writes: readonly StoreWrite[]): Promise<void> {
    this.rows.saveBatch(writes);
  }
}
