import type { MeetingState } from '../../shared/meeting/state.ts';
import type { MeetingStore, NewMeeting } from './meetingStore.ts';
import type { SetupStore } from './setupStore.ts';
import type { IssuedToken, MeetingSource } from './storage.ts';
import type { MeetingStorage, StoreWrite } from './storeWrites.ts';
import type { TokenStore } from './tokenStore.ts';

/** Where group commits go: the writer thread (server/storage/sqliteWriter.ts) in the server. */
export interface BatchWriter {
  commit(writes: readonly StoreWrite[]): Promise<void>;
  /** Settles the commits whose answers have arrived (see MeetingStorage.collectCommitted). */
  collect?(): void;
  /** See MeetingStorage.pipelinesCommits. */
  readonly pipelinesCommits?: boolean;
}

/**
 * The embedded store behind the asynchronous interface. Group commits go to `writer`: in the
 * server the writer thread, which writes them on a connection of its own, in order, and settles
 * each promise once its COMMIT returned; by default (tests that compare stores entry by entry)
 * `rows.saveBatch` here, on this thread. Everything else is done on this thread's connection
 * and is done (fsynced) when its promise is made. Both connections append to the audit log
 * inside BEGIN IMMEDIATE transactions, one after the other.
 */
export class SqliteMeetingStorage implements MeetingStorage {
  constructor(
    private readonly rows: MeetingStore,
    private readonly tokens: TokenStore,
    private readonly setup: SetupStore,
    private readonly writer: BatchWriter = { commit: async (writes) => void rows.saveBatch(writes) },
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

  commit(writes: readonly StoreWrite[]): Promise<void> {
    return this.writer.commit(writes);
  }

  collectCommitted(): void {
    this.writer.collect?.();
  }

  get pipelinesCommits(): boolean {
    return this.writer.pipelinesCommits === true;
  }
}
