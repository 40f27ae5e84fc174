import type { MeetingState } from '../../shared/meeting/state.ts';
import type { MeetingStore, NewMeeting } from './meetingStore.ts';
import type { SetupStore } from './setupStore.ts';
import type { IssuedToken, MeetingSource } from './storage.ts';
import type { MeetingStorage, StoreWrite } from './storeWrites.ts';
import type { TokenStore } from './tokenStore.ts';

/**
 * The embedded store behind the asynchronous interface. better-sqlite3 is synchronous: each call
 * is done (and, with `synchronous = FULL`, fsynced) when the promise is made, so the service's
 * order of writes is the file's.
 */
export class SqliteMeetingStorage implements MeetingStorage {
  constructor(
    private readonly rows: MeetingStore,
    private readonly tokens: TokenStore,
    private readonly setup: SetupStore,
  ) {}

  async createMeeting(meeting: NewMeeting, createdAt: string, links: { tokens: readonly IssuedToken[]; source?: MeetingSource }): Promise<void> {
    this.setup.atomically(() => {
      this.rows.createMeeting(meeting, createdAt);
      this.tokens.issueAll(links.tokens, createdAt);
      if (links.source) this.setup.setSources(meeting.id, links.source.sourceId, links.source.itemSources);
    });
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
