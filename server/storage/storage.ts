import type { MeetingSummary } from '../../shared/protocol/meetingSummary.ts';
import type { MeetingSetup, PlannedSetup } from '../meetings/setupPlan.ts';
import type { Principal } from './tokenStore.ts';
import type { MeetingStorage } from './storeWrites.ts';

/**
 * Everything the server keeps, behind asynchronous interfaces with one implementation per
 * engine: SQLite (the embedded default, one process) and PostgreSQL (the clustered mode).
 * Every call resolves once its data is durable.
 */
export interface Storage {
  meetings: MeetingStorage;
  tokens: TokenStorage;
  setup: SetupStorage;
  /** Resolves when the store answers a trivial query (the load balancer's /healthz); rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A freshly made link token and whom it opens the meeting for; only its hash is stored. */
export interface IssuedToken {
  token: string;
  principal: Principal;
}

export interface TokenStorage {
  /** The principal a live (not revoked) token stands for. */
  resolve(token: unknown): Promise<Principal | undefined>;
  issue(tokens: readonly IssuedToken[], now: string): Promise<void>;
  /** Revokes every link of the member and stores `token` as the new one, atomically (a lost tablet). */
  reissueMember(meetingId: string, memberId: string, token: string, now: string): Promise<void>;
}

/** Where an imported meeting came from: the RIS meeting and, per agenda item, its RIS id. */
export interface MeetingSource {
  sourceId: string;
  itemSources: [itemId: string, sourceId: string | null][];
}

export interface SetupStorage {
  findBySource(sourceId: string): Promise<string | undefined>;
  /** RIS agenda item id → our item id. */
  itemSources(meetingId: string): Promise<Map<string, string>>;
  replaceSetup(meetingId: string, info: Omit<MeetingSetup, 'members' | 'agenda'>, plan: PlannedSetup): Promise<void>;
  list(): Promise<MeetingSummary[]>;
  setArchived(meetingId: string, at: string | null): Promise<void>;
}
