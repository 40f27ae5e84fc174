import { fail } from '../../shared/protocol/result.ts';
import type { MeetingOwnership } from './ownership.ts';
import { NodeGoneError, RelayTimeoutError, type Relay } from './relay.ts';

/** What one node asks the owner of a meeting to do (JSON: it travels through Redis). */
export type RoutedCall =
  | { kind: 'call'; target: string; method: string; args: unknown[] }
  | { kind: 'hello'; meetingId: string; socketId: string; viewer: unknown };

/** The owner's answer; `notOwner` when the meeting moved on meanwhile (the caller looks again). */
export type RoutedAnswer = { kind: 'done'; value: unknown } | { kind: 'notOwner' };

/** A command that reached the owner but got no answer in time: it may have run, so it is not run again here. */
export const OWNER_SILENT = fail('internal', 'The meeting’s server did not answer in time; please try again');

/** How long an owner may take for one command before the caller answers OWNER_SILENT. */
const CALL_TIMEOUT_MS = 5_000;
const ATTEMPTS = 5;

/**
 * Finds the node that owns a meeting and runs a command there: here when this node owns it (or
 * takes it, when nobody does), else on the owner through the relay. A meeting whose owner is
 * gone (its PostgreSQL session ended, so its lock is free) is taken over by the first node that
 * needs it; `onAcquired` then drops anything this node kept of it, so it is read afresh after
 * the old owner's last commit.
 */
export class MeetingRouter {
  private relay: Relay<RoutedCall, RoutedAnswer> | undefined;
  /**
   * The owner each meeting had when last looked up. Every command of a device on a non-owner
   * node passes here: a look-up per command queued thousands of queries on the one ownership
   * connection (and its heartbeat behind them). Forgotten when the owner answers "not mine" or
   * is gone, then looked up again.
   */
  private readonly knownOwners = new Map<string, string>();

  constructor(
    private readonly ownership: MeetingOwnership,
    private readonly onAcquired: (meetingId: string) => void,
  ) {}

  connect(relay: Relay<RoutedCall, RoutedAnswer>): void {
    this.relay = relay;
  }

  get nodeId(): string {
    return this.ownership.nodeId;
  }

  /** 'local' when this node owns the meeting (taking it if free), else the owner's node id. */
  async whereIs(meetingId: string): Promise<'local' | string> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (this.ownership.owns(meetingId)) return 'local';
      const known = this.knownOwners.get(meetingId);
      if (known) return known;
      const owner = await this.ownership.ownerOf(meetingId);
      if (owner && owner !== this.nodeId) {
        this.knownOwners.set(meetingId, owner);
        return owner;
      }
      if (await this.ownership.acquire(meetingId)) {
        this.onAcquired(meetingId);
        return 'local';
      }
    }
    throw new Error(`meeting ${meetingId}: no owner could be found or taken`);
  }

  /** Runs `local` here if this node owns the meeting, else sends `call` to the owner. */
  async run<T>(meetingId: string, local: () => Promise<T> | T, call: RoutedCall, silent: T): Promise<T> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const where = await this.whereIs(meetingId);
      if (where === 'local') return local();
      try {
        const answer = await this.relay!.call(where, call, CALL_TIMEOUT_MS);
        if (answer.kind === 'done') return answer.value as T;
        // The owner gave the meeting up meanwhile: look again.
        this.knownOwners.delete(meetingId);
      } catch (error) {
        // Not delivered: the owner is gone; the next look takes the meeting over.
        if (error instanceof NodeGoneError) {
          this.knownOwners.delete(meetingId);
          continue;
        }
        if (error instanceof RelayTimeoutError) {
          this.knownOwners.delete(meetingId);
          return silent;
        }
        throw error;
      }
    }
    throw new Error(`meeting ${meetingId}: the command found no owner`);
  }
}
