import { randomBytes } from 'node:crypto';
import { decideCast, decideClose, decideOpen, decidePublish, decideSelect, type OpenPollArgs } from '../../shared/meeting/decide.ts';
import { decideAttendance, decideExclusion, decideQuorumCheck, type AttendanceChange } from '../../shared/meeting/decideAttendance.ts';
import { decideDecisionKind, decideHandCount, decideInvalidate, type HandCountArgs } from '../../shared/meeting/decideRounds.ts';
import { decideGroupWise, decideRecordedVote } from '../../shared/meeting/decideRecords.ts';
import { decideAddAmendment, decideMoveAmendment, decideRemoveAmendment } from '../../shared/motions/decideMotions.ts';
import type { AddAmendmentInput, MoveAmendmentInput } from '../../shared/protocol/motionCommands.ts';
import type { Poll, QuorumCheck } from '../../shared/meeting/model.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';
import type { DecisionKind } from '../../shared/minutes/decisionKinds.ts';
import type { CastBallotInput, SetExclusionInput } from '../../shared/protocol/commands.ts';
import { emptyCounts } from '../../shared/rules/tally.ts';
import { fail, ok, type Result } from '../../shared/protocol/result.ts';
import type { MemberSelf, OwnBallot } from '../../shared/protocol/snapshot.ts';
import { eligibilityFacts } from '../../shared/meeting/attendance.ts';
import { selfFor } from '../../shared/meeting/project.ts';
import type { NewMeeting } from '../storage/meetingStore.ts';
import type { IssuedToken, MeetingSource } from '../storage/storage.ts';
import type { BallotWrite, MeetingStorage, StoreWrite } from '../storage/storeWrites.ts';
import { GroupCommit } from './groupCommit.ts';
import { isoNow } from '../clock.ts';

export interface MeetingListener {
  /** Something structural changed (item, poll status): every client needs a new snapshot. */
  changed(meetingId: string): void;
  /**
   * One member checked in or out and no running vote's list of expected voters moved: the
   * chair, the display and that member's other devices need a snapshot (the tapping tablet
   * gets its state in the acknowledgement), the other tablets do not. Called in
   * the same synchronous step that changes the in-memory state (also when a failed commit
   * takes the change back), so a listener can keep counts by applying each change once.
   */
  attendanceChanged(meetingId: string, memberId: string, present: boolean, by: AttendanceChange['by']): void;
  /** Ballots of these members were committed for this poll: progress counters moved. */
  ballotsCommitted(meetingId: string, pollId: string, memberIds: readonly string[]): void;
}

const STORE_FAILED = fail('internal', 'The vote could not be stored; please try again');
const CHANGE_FAILED = fail('internal', 'The change could not be stored; please try again');

export const newId = (): string => randomBytes(9).toString('base64url');

/**
 * The application layer: keeps each meeting's state in memory, asks the core to decide,
 * applies the decision at once (the next command is decided on it) and hands its writes to the
 * store through the group commit; listeners hear of it, and the sender gets its answer, only
 * once it is committed. A failed commit takes the change back (ballots, check-ins) or has the
 * meeting read again from the store.
 */
export class MeetingService {
  private readonly states = new Map<string, MeetingState>();
  private readonly loading = new Map<string, Promise<MeetingState | undefined>>();
  private readonly listeners: MeetingListener[] = [];
  private readonly batcher: GroupCommit;

  constructor(
    private readonly store: MeetingStorage,
    private readonly clock: () => string = isoNow,
  ) {
    this.batcher = new GroupCommit(
      (writes) => store.commit(writes),
      (writes) => this.notifyBallots(writes),
      { collect: store.collectCommitted?.bind(store), pipelinesCommits: store.pipelinesCommits === true },
    );
  }

  subscribe(listener: MeetingListener): void {
    this.listeners.push(listener);
  }

  /** Stores a new meeting with its first links (and import source); its state is read when first opened. */
  create(m: NewMeeting, links: { tokens: readonly IssuedToken[]; source?: MeetingSource }): Promise<void> {
    return this.store.createMeeting(m, this.clock(), links);
  }

  /** The meeting's state if it is in memory: every meeting a device is connected to, or a request has opened. */
  get(meetingId: string): MeetingState | undefined {
    return this.states.get(meetingId);
  }

  /** The meeting's state, read from the store the first time it is asked for. */
  async open(meetingId: string): Promise<MeetingState | undefined> {
    const cached = this.states.get(meetingId);
    if (cached) return cached;
    let loading = this.loading.get(meetingId);
    if (!loading) {
      loading = this.store.load(meetingId).finally(() => this.loading.delete(meetingId));
      this.loading.set(meetingId, loading);
    }
    const loaded = await loading;
    if (!loaded) return undefined;
    // Several callers may have waited for the same read: the first one keeps its state.
    if (!this.states.has(meetingId)) this.states.set(meetingId, loaded);
    return this.states.get(meetingId);
  }

  /**
   * The meeting as stored, without keeping it: for a node that does not own the meeting in a
   * cluster (its state in memory would go stale). From memory when it is there.
   */
  async read(meetingId: string): Promise<MeetingState | undefined> {
    return this.states.get(meetingId) ?? this.store.load(meetingId);
  }

  /** Forgets what this process kept of a meeting: in a cluster, when it takes the meeting over. */
  drop(meetingId: string): void {
    this.states.delete(meetingId);
  }

  /** Re-reads a meeting whose setup was replaced in the store (re-import, admin edit). */
  async reload(meetingId: string): Promise<void> {
    await this.batcher.flush();
    this.states.delete(meetingId);
    if (await this.open(meetingId)) for (const l of this.listeners) l.changed(meetingId);
  }

  async castBallot(meetingId: string, memberId: string, input: CastBallotInput): Promise<Result<OwnBallot>> {
    // From memory without waiting when it is there: ballots and commands are decided in the order they came.
    const state = this.get(meetingId) ?? (await this.open(meetingId));
    if (!state) return fail('not_found', 'Unknown meeting');
    const decision = decideCast(state, memberId, input, this.clock());
    if (!decision.ok) return decision;
    const { ballot, duplicate, secretChoice, secretMarks } = decision.data;
    const own: OwnBallot = { pollId: input.pollId, choice: ballot.choice, ballotId: ballot.ballotId };
    if (ballot.marks) own.marks = ballot.marks;
    if (duplicate) {
      // Applied in memory but maybe not yet written: acknowledged only once the first send's commit is.
      const commit = this.batcher.commitOf(ballot);
      if (commit && !(await commit.then(() => true, () => false))) return STORE_FAILED;
      return ok(own);
    }
    // Applied at once so a second tap in the same turn sees the first; committed before the ack.
    let perPoll = state.ballots.get(input.pollId);
    if (!perPoll) state.ballots.set(input.pollId, (perPoll = new Map()));
    const ballots = perPoll;
    const previous = ballots.get(memberId);
    ballots.set(memberId, ballot);
    const secret = secretChoice ? this.secretCounter(state, input.pollId) : null;
    if (secret && secretChoice) secret[secretChoice] += 1;
    const votes = secretMarks ? this.secretVotes(state, input.pollId) : null;
    for (const c of secretMarks ?? []) votes![c] = (votes![c] ?? 0) + 1;
    try {
      const write: BallotWrite = { kind: 'ballot', meetingId, pollId: input.pollId, ballot, secretChoice };
      if (secretMarks) write.secretMarks = secretMarks;
      // The undo, should the commit fail. Written inline: tsx (esbuild's keepNames) wraps a closure
      // bound to a name in a call that defines its `name` property, ≈ 0.75 µs a ballot at 10,000.
      await this.batcher.add([write], () => {
        if (previous) ballots.set(memberId, previous);
        else ballots.delete(memberId);
        if (secret && secretChoice) secret[secretChoice] -= 1;
        for (const c of secretMarks ?? []) votes![c]! -= 1;
      });
    } catch {
      return STORE_FAILED;
    }
    return ok(own);
  }

  selectItem(meetingId: string, itemId: string | null): Promise<Result<null>> {
    return this.mutate(meetingId, (state, writes) => {
      const decision = decideSelect(state, itemId);
      if (!decision.ok) return decision;
      writes.push({ kind: 'currentItem', meetingId, itemId: decision.data });
      state.meeting.currentItemId = decision.data;
      return ok(null);
    });
  }

  openPoll(meetingId: string, input: OpenPollArgs): Promise<Result<{ pollId: string }>> {
    return this.mutate(meetingId, (state, writes) => {
      const decision = decideOpen(state, input, newId(), this.clock());
      if (!decision.ok) return decision;
      // Opening a vote on an item makes it the current one on every screen.
      this.addPoll(meetingId, state, decision.data, writes);
      return ok({ pollId: decision.data.id });
    });
  }

  closePoll(meetingId: string, pollId: string): Promise<Result<null>> {
    // Every ballot accepted before the close is counted: mutate commits them first. If they
    // could not be stored, their tablets were told so and send again; the close is refused.
    return this.mutate(meetingId, (state, writes) => this.replacePoll(state, decideClose(state, pollId, this.clock()), writes));
  }

  publishPoll(meetingId: string, pollId: string): Promise<Result<null>> {
    return this.mutate(meetingId, (state, writes) => this.replacePoll(state, decidePublish(state, pollId, this.clock()), writes));
  }

  /** Check-in/out by the member's tablet (`self`) or by the chair/clerk. */
  async setAttendance(meetingId: string, memberId: string, present: boolean, by: AttendanceChange['by']): Promise<Result<null>> {
    const state = this.get(meetingId) ?? (await this.open(meetingId));
    if (!state) return fail('not_found', 'Unknown meeting');
    const decision = decideAttendance(state, memberId, present, by, this.clock());
    if (!decision.ok || !decision.data) return decision.ok ? ok(null) : decision;
    const change = decision.data;
    // A running vote now waits for someone else: rare, and every tablet needs the new state.
    if (change.poll) return this.mutate(meetingId, (s, writes) => this.recordPollAttendance(s, change, writes));
    // At a party convention thousands check in within minutes: one commit per event-loop turn,
    // and a snapshot only for that tablet (the chair and display follow, coalesced).
    const stays = recordStay(state, change);
    const notify = (nowPresent: boolean) => {
      for (const l of this.listeners) l.attendanceChanged(meetingId, memberId, nowPresent, by);
    };
    notify(present);
    const undo = () => {
      if (present) stays.pop();
      else stays[stays.length - 1]!.to = null;
      notify(!present);
    };
    try {
      await this.batcher.add([{ kind: 'attendance', meetingId, change }], undo);
    } catch {
      return STORE_FAILED;
    }
    return ok(null);
  }

  /** A member's own state now, as their tablet shows it. */
  async memberSelf(meetingId: string, memberId: string): Promise<Result<MemberSelf>> {
    const state = this.get(meetingId) ?? (await this.open(meetingId));
    const self = state && selfFor(state, memberId, { facts: eligibilityFacts(state, state.meeting.currentItemId) });
    return self ? ok(self) : fail('not_found', 'Unknown member');
  }

  private recordPollAttendance(state: MeetingState, change: AttendanceChange, writes: StoreWrite[]): Result<null> {
    const { poll } = change;
    writes.push({ kind: 'attendance', meetingId: state.meeting.id, change });
    recordStay(state, change);
    if (poll) state.polls = state.polls.map((p) => (p.id === poll.pollId ? { ...p, eligibleMemberIds: poll.eligibleMemberIds } : p));
    return ok(null);
  }

  challengeQuorum(meetingId: string): Promise<Result<QuorumCheck>> {
    return this.mutate(meetingId, (state, writes) => {
      const check = decideQuorumCheck(state, this.clock());
      writes.push({ kind: 'quorumCheck', meetingId, check });
      state.quorumChecks.push(check);
      return ok(check);
    });
  }

  setExclusion(meetingId: string, input: SetExclusionInput): Promise<Result<null>> {
    return this.mutate(meetingId, (state, writes) => {
      const decision = decideExclusion(state, input);
      if (!decision.ok || !decision.data) return decision.ok ? ok(null) : decision;
      const change = decision.data;
      writes.push({ kind: 'exclusion', meetingId, change, at: this.clock() });
      let set = state.exclusions.get(change.itemId);
      if (!set) state.exclusions.set(change.itemId, (set = new Set()));
      if (change.excluded) set.add(change.memberId);
      else set.delete(change.memberId);
      return ok(null);
    });
  }

  /** A show of hands: the chair enters the counted numbers; the round is closed at once. */
  recordHandCount(meetingId: string, input: HandCountArgs): Promise<Result<{ pollId: string }>> {
    return this.mutate(meetingId, (state, writes) => {
      const decision = decideHandCount(state, input, newId(), this.clock());
      if (!decision.ok) return decision;
      this.addPoll(meetingId, state, decision.data, writes);
      return ok({ pollId: decision.data.id });
    });
  }

  /** Wiederholung: the round stays in the record as invalid; with `repeat`, the next round opens. */
  invalidatePoll(meetingId: string, pollId: string, repeat: boolean): Promise<Result<{ pollId: string | null }>> {
    return this.mutate(meetingId, (state, writes) => {
      const decision = decideInvalidate(state, pollId, repeat, newId(), this.clock());
      if (!decision.ok) return decision;
      const { invalidated, repeat: next } = decision.data;
      writes.push({ kind: 'pollUpdated', meetingId, poll: invalidated });
      if (next) writes.push({ kind: 'pollInserted', meetingId, poll: next });
      state.polls = state.polls.map((p) => (p.id === invalidated.id ? invalidated : p));
      if (next) state.polls.push(next);
      return ok({ pollId: next?.id ?? null });
    });
  }

  setDecisionKind(meetingId: string, itemId: string, kind: DecisionKind | null): Promise<Result<null>> {
    return this.mutate(meetingId, (state, writes) => {
      const decision = decideDecisionKind(state, itemId, kind);
      if (!decision.ok) return decision;
      writes.push({ kind: 'decisionKind', meetingId, itemId, decisionKind: decision.data });
      if (decision.data) state.decisionKinds.set(itemId, decision.data);
      else state.decisionKinds.delete(itemId);
      return ok(null);
    });
  }

  /** Änderungsantrag: added to the end of the item's order (also on the spot, while the item is up). */
  addAmendment(meetingId: string, input: AddAmendmentInput): Promise<Result<{ motionId: string }>> {
    return this.mutate(meetingId, (state, writes) => {
      const decision = decideAddAmendment(state, input, newId());
      if (!decision.ok) return decision;
      writes.push({ kind: 'motionAdded', meetingId, motion: decision.data, at: this.clock() });
      state.motions = [...(state.motions ?? []), decision.data];
      return ok({ motionId: decision.data.id });
    });
  }

  moveAmendment(meetingId: string, input: MoveAmendmentInput): Promise<Result<null>> {
    return this.mutate(meetingId, (state, writes) => {
      const decision = decideMoveAmendment(state, input);
      if (!decision.ok) return decision;
      writes.push({ kind: 'motionsMoved', meetingId, motions: decision.data });
      const moved = new Map(decision.data.map((m) => [m.id, m]));
      state.motions = (state.motions ?? []).map((m) => moved.get(m.id) ?? m);
      return ok(null);
    });
  }

  removeAmendment(meetingId: string, motionId: string): Promise<Result<null>> {
    return this.mutate(meetingId, (state, writes) => {
      const decision = decideRemoveAmendment(state, motionId);
      if (!decision.ok) return decision;
      writes.push({ kind: 'motionRemoved', meetingId, motionId });
      state.motions = (state.motions ?? []).filter((m) => m.id !== motionId);
      return ok(null);
    });
  }

  /** § 68: the minutes record how this member voted (asked on the tablet, or marked by the clerk). */
  setRecordedVote(meetingId: string, pollId: string, memberId: string, recorded: boolean, by: 'self' | 'chair'): Promise<Result<null>> {
    return this.mutate(meetingId, (state, writes) => {
      const decision = decideRecordedVote(state, pollId, memberId, recorded);
      if (!decision.ok || !decision.data) return decision.ok ? ok(null) : decision;
      writes.push({ kind: 'recordedVote', meetingId, ...decision.data, by, at: this.clock() });
      const all = (state.recordedVotes ??= new Map());
      let set = all.get(pollId);
      if (!set) all.set(pollId, (set = new Set()));
      if (recorded) set.add(memberId);
      else set.delete(memberId);
      // Rare (a few a meeting): everyone's snapshot, the member's tablet shows the mark.
      return ok(null);
    });
  }

  setGroupWise(meetingId: string, pollId: string, groupWise: boolean): Promise<Result<null>> {
    return this.mutate(meetingId, (state, writes) => {
      const decision = decideGroupWise(state, pollId, groupWise);
      if (!decision.ok || !decision.data) return decision.ok ? ok(null) : decision;
      writes.push({ kind: 'groupWise', meetingId, pollId, groupWise, at: this.clock() });
      const set = (state.groupWisePolls ??= new Set());
      if (groupWise) set.add(pollId);
      else set.delete(pollId);
      return ok(null);
    });
  }

  /** For the services beside this one (elections): decide and apply on the state, store the writes, then tell the listeners. */
  change<T>(meetingId: string, run: (state: MeetingState, writes: StoreWrite[]) => Result<T>): Promise<Result<T>> {
    return this.mutate(meetingId, run);
  }

  /** Adds a poll decided elsewhere (a Wahlgang) and makes its item the current one. */
  startPoll(meetingId: string, state: MeetingState, poll: Poll, writes: StoreWrite[]): void {
    this.addPoll(meetingId, state, poll, writes);
  }

  private secretVotes(state: MeetingState, pollId: string): Record<string, number> {
    state.secretVotes ??= new Map();
    let votes = state.secretVotes.get(pollId);
    if (!votes) state.secretVotes.set(pollId, (votes = {}));
    return votes;
  }

  private addPoll(meetingId: string, state: MeetingState, poll: Poll, writes: StoreWrite[]): void {
    writes.push({ kind: 'pollInserted', meetingId, poll });
    state.polls.push(poll);
    if (state.meeting.currentItemId !== poll.itemId) {
      writes.push({ kind: 'currentItem', meetingId, itemId: poll.itemId });
      state.meeting.currentItemId = poll.itemId;
    }
  }

  private secretCounter(state: MeetingState, pollId: string) {
    let counts = state.secretCounts.get(pollId);
    if (!counts) state.secretCounts.set(pollId, (counts = emptyCounts()));
    return counts;
  }

  private replacePoll(state: MeetingState, decision: Result<Poll>, writes: StoreWrite[]): Result<null> {
    if (!decision.ok) return decision;
    const poll = decision.data;
    writes.push({ kind: 'pollUpdated', meetingId: state.meeting.id, poll });
    state.polls = state.polls.map((p) => (p.id === poll.id ? poll : p));
    return ok(null);
  }

  /**
   * Decides and applies a change on the state in memory at once (so the next command, or a ballot
   * in the same turn, sees it), then waits for its writes to be committed before anyone hears of
   * it. Writes go through the group commit behind every ballot and check-in accepted before, so
   * nothing is stored ahead of them.
   */
  private async mutate<T>(
    meetingId: string,
    run: (state: MeetingState, writes: StoreWrite[]) => Result<T>,
    notify: (l: MeetingListener) => void = (l) => l.changed(meetingId),
  ): Promise<Result<T>> {
    const state = this.get(meetingId) ?? (await this.open(meetingId));
    if (!state) return fail('not_found', 'Unknown meeting');
    const writes: StoreWrite[] = [];
    const result = run(state, writes);
    if (!result.ok) return result;
    if (writes.length > 0) {
      try {
        await this.batcher.add(writes, () => this.forget(meetingId));
      } catch {
        return CHANGE_FAILED;
      }
    }
    for (const l of this.listeners) notify(l);
    // Listeners send on the next turn (the broadcaster coalesces); the answer follows them, so a
    // console that has its acknowledgement already shows the change, as it did when stores were
    // synchronous.
    await new Promise((resolve) => setImmediate(resolve));
    return result;
  }

  /**
   * After a failed commit the state in memory holds changes the store does not: it is dropped and
   * read again, and every screen gets the stored state. (Ballots and check-ins are taken back one
   * by one instead, which keeps a burst's other ballots.)
   */
  private forget(meetingId: string): void {
    if (!this.states.delete(meetingId)) return;
    void this.open(meetingId).then((state) => {
      if (state) for (const l of this.listeners) l.changed(meetingId);
    });
  }

  private notifyBallots(writes: StoreWrite[]): void {
    // A commit's ballots come in runs of one poll (a burst is one poll): grouped by comparing each
    // with the run before, not by a key string per ballot. Listeners may hear of a poll twice.
    const runs: { meetingId: string; pollId: string; memberIds: string[] }[] = [];
    let run: (typeof runs)[number] | undefined;
    for (const e of writes) {
      if (e.kind !== 'ballot') continue;
      if (run?.pollId !== e.pollId || run.meetingId !== e.meetingId) runs.push((run = { meetingId: e.meetingId, pollId: e.pollId, memberIds: [] }));
      run.memberIds.push(e.ballot.memberId);
    }
    for (const r of runs) for (const l of this.listeners) l.ballotsCommitted(r.meetingId, r.pollId, r.memberIds);
  }
}

/** Applies a check-in (a new stay) or check-out (the stay ends) to the state; returns the member's stays. */
function recordStay(state: MeetingState, { memberId, present, at }: AttendanceChange) {
  let periods = state.attendance.get(memberId);
  if (!periods) state.attendance.set(memberId, (periods = []));
  if (present) periods.push({ from: at, to: null });
  else periods[periods.length - 1]!.to = at;
  return periods;
}
