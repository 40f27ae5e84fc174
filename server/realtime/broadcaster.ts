import { attendanceView } from '../../shared/meeting/attendance.ts';
import { progressFor, snapshotFor } from '../../shared/meeting/project.ts';
import { findPoll } from '../../shared/meeting/state.ts';
import type { MeetingListener, MeetingService } from '../meetings/meetingService.ts';
import { rooms, type AppServer } from './types.ts';

/**
 * Tablets do not show the running count, so they get progress at most this often: a burst of
 * 10,000 ballots then costs each tablet one message instead of one per event-loop turn.
 */
export const MEMBER_PROGRESS_INTERVAL_MS = 1_000;

/**
 * Pushes changes to the meeting's rooms. Both kinds of update are coalesced per event-loop
 * turn: a burst of ballots becomes one progress message per room, not one per ballot.
 */
export class Broadcaster implements MeetingListener {
  private readonly dirtySnapshots = new Set<string>();
  private readonly dirtyProgress = new Map<string, Set<string>>();
  private readonly memberProgressDue = new Map<string, Set<string>>();
  private memberProgressTimer: NodeJS.Timeout | undefined;
  private scheduled = false;

  constructor(
    private readonly io: AppServer,
    private readonly service: MeetingService,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  changed(meetingId: string): void {
    this.dirtySnapshots.add(meetingId);
    this.schedule();
  }

  ballotsCommitted(meetingId: string, pollId: string): void {
    addTo(this.dirtyProgress, meetingId, pollId);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    for (const meetingId of this.dirtySnapshots) this.pushSnapshots(meetingId);
    for (const [meetingId, pollIds] of this.dirtyProgress) {
      // A snapshot sent this turn already carries the progress.
      if (!this.dirtySnapshots.has(meetingId)) for (const pollId of pollIds) this.pushProgress(meetingId, pollId);
    }
    this.dirtySnapshots.clear();
    this.dirtyProgress.clear();
  }

  private pushSnapshots(meetingId: string): void {
    const state = this.service.get(meetingId);
    if (!state) return;
    this.memberProgressDue.delete(meetingId);
    const now = this.clock();
    this.io.to(rooms.chair(meetingId)).emit('meeting:snapshot', snapshotFor(state, { role: 'chair' }, now));
    this.io.to(rooms.display(meetingId)).emit('meeting:snapshot', snapshotFor(state, { role: 'display' }, now));
    const online = this.io.sockets.adapter.rooms;
    const shared = attendanceView(state);
    for (const member of state.meeting.members) {
      const room = rooms.member(meetingId, member.id);
      if (!online.has(room)) continue;
      this.io.to(room).emit('meeting:snapshot', snapshotFor(state, { role: 'member', memberId: member.id }, now, shared));
    }
  }

  private pushProgress(meetingId: string, pollId: string): void {
    const state = this.service.get(meetingId);
    const poll = state && findPoll(state, pollId);
    if (!state || !poll) return;
    this.io.to(rooms.chair(meetingId)).emit('poll:progress', progressFor(state, poll, { role: 'chair' }));
    this.io.to(rooms.display(meetingId)).emit('poll:progress', progressFor(state, poll, { role: 'display' }));
    addTo(this.memberProgressDue, meetingId, pollId);
    this.memberProgressTimer ??= setTimeout(() => this.pushMemberProgress(), MEMBER_PROGRESS_INTERVAL_MS).unref();
  }

  private pushMemberProgress(): void {
    this.memberProgressTimer = undefined;
    for (const [meetingId, pollIds] of this.memberProgressDue) {
      const state = this.service.get(meetingId);
      for (const pollId of pollIds) {
        const poll = state && findPoll(state, pollId);
        if (poll) this.io.to(rooms.members(meetingId)).emit('poll:progress', progressFor(state, poll, { role: 'display' }));
      }
    }
    this.memberProgressDue.clear();
  }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}
