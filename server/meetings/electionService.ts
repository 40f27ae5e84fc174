import { randomInt } from 'node:crypto';
import {
  decideAddCandidate,
  decideElectionHandCount,
  decideLot,
  decideOpenElectionRound,
  decideSecretDemand,
  decideSetup,
  decideWithdraw,
  type DrawRandom,
} from '../../shared/elections/decide.ts';
import type { Election, Lot } from '../../shared/elections/model.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import { ok, type Result } from '../../shared/protocol/result.ts';
import type { StoreWrite } from '../storage/storeWrites.ts';
import { newId, type MeetingService } from './meetingService.ts';
import { isoNow } from '../clock.ts';

/** A fair draw: Fisher–Yates with the operating system's cryptographic randomness. */
export const cryptoDraw: DrawRandom = (among, count) => {
  const pool = [...among];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return among.filter((id) => pool.slice(0, count).includes(id));
};

/**
 * Elections of persons on top of the meeting service: the core decides, the service stores
 * (the store logs it), then every screen hears of it. A Wahlgang then runs as a
 * poll: ballots, closing and publishing go through MeetingService.
 */
export class ElectionService {
  constructor(
    private readonly service: MeetingService,
    private readonly clock: () => string = isoNow,
    private readonly draw: DrawRandom = cryptoDraw,
  ) {}

  setup(meetingId: string, itemId: string, seats: number): Promise<Result<null>> {
    return this.save(meetingId, (s) => decideSetup(s, itemId, seats));
  }

  async addCandidate(meetingId: string, itemId: string, name: string): Promise<Result<{ candidateId: string }>> {
    const candidateId = newId();
    const saved = await this.save(meetingId, (s) => decideAddCandidate(s, itemId, name, candidateId));
    return saved.ok ? ok({ candidateId }) : saved;
  }

  withdrawCandidate(meetingId: string, itemId: string, candidateId: string): Promise<Result<null>> {
    return this.save(meetingId, (s) => decideWithdraw(s, itemId, candidateId));
  }

  demandSecret(meetingId: string, itemId: string, demanded: boolean): Promise<Result<null>> {
    return this.save(meetingId, (s) => decideSecretDemand(s, itemId, demanded, this.clock()));
  }

  openRound(meetingId: string, itemId: string, confirmNotQuorate: boolean): Promise<Result<{ pollId: string }>> {
    return this.service.change(meetingId, (state, writes) => {
      const decision = decideOpenElectionRound(state, itemId, confirmNotQuorate, newId(), this.clock());
      if (!decision.ok) return decision;
      this.service.startPoll(meetingId, state, decision.data, writes);
      return ok({ pollId: decision.data.id });
    });
  }

  /** A Wahlgang counted in the room: entered and closed at once; publishing stays a separate step. */
  recordHandCount(meetingId: string, input: { itemId: string; votes: Record<string, number>; ballots: number; no: number; abstain: number }): Promise<Result<{ pollId: string }>> {
    return this.service.change(meetingId, (state, writes) => {
      const decision = decideElectionHandCount(state, input, newId(), this.clock());
      if (!decision.ok) return decision;
      this.service.startPoll(meetingId, state, decision.data, writes);
      return ok({ pollId: decision.data.id });
    });
  }

  drawLot(meetingId: string, pollId: string, winners: string[] | undefined): Promise<Result<Lot>> {
    return this.service.change(meetingId, (state, writes) => {
      const now = this.clock();
      const decision = decideLot(state, pollId, winners, this.draw, now);
      if (!decision.ok) return decision;
      const lot = decision.data;
      const itemId = state.polls.find((p) => p.id === pollId)!.itemId;
      const election = state.elections!.get(itemId)!;
      this.apply(meetingId, state, { ...election, lots: [...election.lots, lot] }, { at: now, lot }, writes);
      return ok(lot);
    });
  }

  private save(meetingId: string, decide: (s: MeetingState) => Result<Election>): Promise<Result<null>> {
    return this.service.change(meetingId, (state, writes) => {
      const decision = decide(state);
      if (!decision.ok) return decision;
      this.apply(meetingId, state, decision.data, { at: this.clock(), lot: null }, writes);
      return ok(null);
    });
  }

  private apply(meetingId: string, state: MeetingState, election: Election, change: { at: string; lot: Lot | null }, writes: StoreWrite[]): void {
    writes.push({ kind: 'election', meetingId, election, ...change });
    state.elections ??= new Map();
    state.elections.set(election.itemId, election);
  }
}
