import { attendanceView, withAttendanceChange, type AttendanceView } from '../../shared/meeting/attendance.ts';
import { memberSnapshotParts, progressFor, snapshotFor, type Viewer } from '../../shared/meeting/project.ts';
import { findPoll, type MeetingState } from '../../shared/meeting/state.ts';
import type { MeetingSnapshot } from '../../shared/protocol/snapshot.ts';
import type { MeetingListener, MeetingService } from '../meetings/meetingService.ts';
import { asPayload, encodeOnce } from './preEncoded.ts';
import { memberSnapshotsJson } from './snapshotJson.ts';
import { rooms, type AppServer } from './types.ts';
import { isoNow } from '../clock.ts';

/**
 * The chair's list of who has voted is the one progress field that grows with the meeting
 * (10,000 ids at a convention); it goes out at most this often, the count every turn.
 */
export const CHAIR_VOTED_LIST_INTERVAL_MS = 250;

/**
 * Chair and display hear of check-ins at most this often. Their snapshots carry the whole
 * roster: at 10,000 members each is about a megabyte, so the pace slows with the roster
 * (250 ms up to 2,500 members, 1 s at 10,000).
 */
const consoleIntervalMs = (members: number) => Math.max(250, members / 10);

/** How the broadcaster finds a member's devices (a member may have two) and reaches them. */
export interface MemberDevices {
  /**
   * The meeting's members with more than one device connected: what one device did, the others
   * must be told. Undefined or empty when there is none, so a burst of ballots asks once, not per ballot.
   */
  withSeveral(meetingId: string): ReadonlySet<string> | undefined;
  /** Sends each of them the member's snapshot; `snapshotOf` runs only when there is one to send to. */
  sendSnapshot(meetingId: string, memberId: string, snapshotOf: (memberId: string) => MeetingSnapshot): void;
}

/**
 * Every device is on this process: the member room's sockets are written to directly. A room
 * broadcast per tablet (Socket.IO makes an operator, room and exception sets and a packet for
 * each) was ≈ 1 KB more garbage per tablet and push, 10 MB each time 10,000 tablets get a
 * snapshot (a sampling heap profile: 96 → 87 MB a push). Who has several devices is kept up to
 * date from the adapter's room events: asking each ballot's member room for its size cost a room
 * name and a lookup per ballot, ≈ 1 µs each in a burst of 10,000.
 */
export function localDevices(io: AppServer): MemberDevices {
  const adapter = io.sockets.adapter;
  const socketIds = (meetingId: string, memberId: string) => adapter.rooms.get(rooms.member(meetingId, memberId));
  /** meetingId → members with two or more devices in their room right now. */
  const several = new Map<string, Set<string>>();
  /** The member whose own room this is, when the socket is a member's and the room its member room. */
  const memberRoom = (room: string, socketId: string) => {
    // Every socket also joins a room of its own id: no lookup and no room name for that one.
    if (room === socketId) return undefined;
    const p = io.sockets.sockets.get(socketId)?.data.principal;
    return p?.role === 'member' && room === rooms.member(p.meetingId, p.memberId) ? p : undefined;
  };
  adapter.on('join-room', (room: string, socketId: string) => {
    const p = memberRoom(room, socketId);
    if (p && (adapter.rooms.get(room)?.size ?? 0) > 1) addTo(several, p.meetingId, p.memberId);
  });
  // A disconnecting socket leaves its rooms while it is still among the namespace's sockets.
  adapter.on('leave-room', (room: string, socketId: string) => {
    const p = memberRoom(room, socketId);
    if (p && (adapter.rooms.get(room)?.size ?? 0) <= 1) removeFrom(several, p.meetingId, p.memberId);
  });
  return {
    withSeveral: (meetingId) => several.get(meetingId),
    sendSnapshot(meetingId, memberId, snapshotOf) {
      const ids = socketIds(meetingId, memberId);
      if (!ids?.size) return;
      const snapshot = snapshotOf(memberId);
      for (const id of ids) io.sockets.sockets.get(id)?.emit('meeting:snapshot', snapshot);
    },
  };
}

/**
 * In a cluster a member's devices may sit on other nodes: the member's room reaches them through
 * the adapter, and the owner counts every member as one connected device, so each gets the
 * snapshots and a second device learns of its own ballot on its next snapshot rather than at once.
 */
export const clusterDevices = (io: AppServer): MemberDevices => ({
  withSeveral: () => undefined,
  sendSnapshot: (meetingId, memberId, snapshotOf) => void io.to(rooms.member(meetingId, memberId)).emit('meeting:snapshot', snapshotOf(memberId)),
});

/**
 * Pushes changes to the meeting's rooms. Both kinds of update are coalesced per event-loop
 * turn: a burst of ballots becomes one progress message per room, not one per ballot.
 */
export class Broadcaster implements MeetingListener {
  /**
   * meetingId → attendance and quorum of the current state, shared by every snapshot until the
   * next change: 10,000 tablets connecting would otherwise scan the roster 10,000 times.
   */
  private readonly views = new Map<string, AttendanceView>();
  private readonly dirtySnapshots = new Set<string>();
  /** meetingId → members whose own state changed (only they, the chair and the display hear of it). */
  private readonly dirtyMembers = new Map<string, Set<string>>();
  /** Meetings whose chair and display are to hear of check-ins (coalesced, see consoleIntervalMs). */
  private readonly consolesDue = new Set<string>();
  private readonly consoleTimers = new Map<string, NodeJS.Timeout>();
  private readonly dirtyProgress = new Map<string, Set<string>>();
  /** meetingId → members with several devices whose ballot was just stored: the others must show it. */
  private readonly dirtyBallots = new Map<string, Set<string>>();
  /** Per poll: when the chair last got the voted list, and the pending trailing send. */
  private readonly votedListSentAt = new Map<string, number>();
  private readonly votedListTimers = new Map<string, NodeJS.Timeout>();
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly io: AppServer,
    private readonly service: MeetingService,
    private readonly clock: () => string = isoNow,
    private readonly devices: MemberDevices = localDevices(io),
  ) {}

  /** Sends nothing more: the server is closing (a timer firing later would write to closed connections). */
  stop(): void {
    this.stopped = true;
    for (const timer of [...this.consoleTimers.values(), ...this.votedListTimers.values()]) clearTimeout(timer);
  }

  changed(meetingId: string): void {
    this.views.delete(meetingId);
    this.dirtySnapshots.add(meetingId);
    this.schedule();
  }

  attendanceChanged(meetingId: string, memberId: string, present: boolean, by: 'self' | 'chair'): void {
    const view = this.views.get(meetingId);
    const state = this.service.get(meetingId);
    if (view && state) this.views.set(meetingId, withAttendanceChange(view, state, memberId, present));
    // The tablet that tapped learns its new state from the acknowledgement; only the member's
    // other devices, or all of them when the clerk checked the member in or out, need a snapshot.
    if (by === 'chair' || this.devices.withSeveral(meetingId)?.has(memberId)) addTo(this.dirtyMembers, meetingId, memberId);
    this.consolesDue.add(meetingId);
    this.schedule();
  }

  /** The snapshot a connecting client starts from (ballots do not change attendance or quorum). */
  snapshot(meetingId: string, state: MeetingState, viewer: Viewer): MeetingSnapshot {
    return snapshotFor(state, viewer, this.clock(), this.viewOf(meetingId, state));
  }

  private viewOf(meetingId: string, state: MeetingState): AttendanceView {
    let view = this.views.get(meetingId);
    if (!view) this.views.set(meetingId, (view = attendanceView(state)));
    return view;
  }

  /**
   * A member voting on one device: a second device of theirs still shows the buttons (and a
   * secret vote cannot be changed), so it gets the member's snapshot. With one device the ack
   * is enough, and a burst of thousands of ballots costs no snapshots.
   */
  ballotsCommitted(meetingId: string, pollId: string, memberIds: readonly string[]): void {
    addTo(this.dirtyProgress, meetingId, pollId);
    const several = this.devices.withSeveral(meetingId);
    if (several?.size) for (const memberId of memberIds) if (several.has(memberId)) addTo(this.dirtyBallots, meetingId, memberId);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    for (const meetingId of this.dirtySnapshots) this.pushSnapshots(meetingId);
    for (const [meetingId, memberIds] of this.dirtyMembers) {
      if (!this.dirtySnapshots.has(meetingId)) this.pushSnapshots(meetingId, memberIds);
    }
    this.dirtyMembers.clear();
    for (const meetingId of this.consolesDue) if (!this.dirtySnapshots.has(meetingId)) this.scheduleConsoles(meetingId);
    this.consolesDue.clear();
    for (const [meetingId, memberIds] of this.dirtyBallots) {
      if (!this.dirtySnapshots.has(meetingId)) this.pushSnapshots(meetingId, memberIds);
    }
    this.dirtyBallots.clear();
    for (const [meetingId, pollIds] of this.dirtyProgress) {
      // A snapshot sent this turn already carries the progress.
      if (!this.dirtySnapshots.has(meetingId)) for (const pollId of pollIds) this.pushProgress(meetingId, pollId);
    }
    this.dirtySnapshots.clear();
    this.dirtyProgress.clear();
  }

  /**
   * Every tablet, chair and display; with `onlyMembers` just those tablets — the chair and the
   * display then follow within consoleIntervalMs (their snapshots carry the whole roster, and
   * thousands of check-ins must not each serialize it).
   */
  private pushSnapshots(meetingId: string, onlyMembers?: ReadonlySet<string>): void {
    const state = this.service.get(meetingId);
    if (!state) return;
    const now = this.clock();
    if (!onlyMembers) this.pushConsoles(meetingId);
    const snapshotOf = memberSnapshotsJson(memberSnapshotParts(state, now, this.viewOf(meetingId, state)));
    // A check-in touches one member: visit only those, not the whole roster.
    const memberIds = onlyMembers ?? state.meeting.members.map((m) => m.id);
    const payloadOf = (memberId: string) => asPayload(snapshotOf(memberId));
    for (const memberId of memberIds) this.devices.sendSnapshot(meetingId, memberId, payloadOf);
  }

  private pushConsoles(meetingId: string): void {
    const state = this.service.get(meetingId);
    if (!state) return;
    const now = this.clock();
    // Serialized here, in one go: Socket.IO would first walk the chair's snapshot (the whole
    // roster and record) looking for binary data.
    const snapshot = (viewer: Viewer) => asPayload(encodeOnce(snapshotFor(state, viewer, now, this.viewOf(meetingId, state))));
    this.io.to(rooms.chair(meetingId)).emit('meeting:snapshot', snapshot({ role: 'chair' }));
    this.io.to(rooms.display(meetingId)).emit('meeting:snapshot', snapshot({ role: 'display' }));
  }

  private scheduleConsoles(meetingId: string): void {
    if (this.consoleTimers.has(meetingId)) return;
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.consoleTimers.delete(meetingId);
      this.pushConsoles(meetingId);
    }, consoleIntervalMs(this.service.get(meetingId)?.meeting.members.length ?? 0));
    timer.unref();
    this.consoleTimers.set(meetingId, timer);
  }

  private pushProgress(meetingId: string, pollId: string): void {
    const state = this.service.get(meetingId);
    const poll = state && findPoll(state, pollId);
    if (!state || !poll) return;
    // The room display first: its count is what the audience waits for. It hears nothing of a
    // non-public item's vote, not even that one runs.
    const shown = progressFor(state, poll, { role: 'display' });
    if (shown) this.io.to(rooms.display(meetingId)).emit('poll:progress', shown);
    // Tablets get no progress at all: they do not show the running count, and 10,000 of them
    // would each cost a write per tick. The chair gets the count every tick, the voted list less often.
    const wait = (this.votedListSentAt.get(pollId) ?? -Infinity) + CHAIR_VOTED_LIST_INTERVAL_MS - performance.now();
    if (wait <= 0) this.pushVotedList(meetingId, pollId);
    else {
      // Count and live roll call without the voted list.
      this.io.to(rooms.chair(meetingId)).emit('poll:progress', progressFor(state, poll, { role: 'member' }));
      if (!this.votedListTimers.has(pollId) && !this.stopped) {
        this.votedListTimers.set(pollId, setTimeout(() => this.pushVotedList(meetingId, pollId), wait).unref());
      }
    }
  }

  private pushVotedList(meetingId: string, pollId: string): void {
    clearTimeout(this.votedListTimers.get(pollId));
    this.votedListTimers.delete(pollId);
    const state = this.service.get(meetingId);
    const poll = state && findPoll(state, pollId);
    if (!state || !poll) return;
    this.votedListSentAt.set(pollId, performance.now());
    this.io.to(rooms.chair(meetingId)).emit('poll:progress', progressFor(state, poll, { role: 'chair' }));
  }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set?.delete(value) && set.size === 0) map.delete(key);
}
