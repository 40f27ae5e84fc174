import { attendanceView } from '../../shared/meeting/attendance.ts';
import { progressFor, snapshotFor } from '../../shared/meeting/project.ts';
import { findPoll } from '../../shared/meeting/state.ts';
import type { MeetingListener, MeetingService } from '../meetings/meetingService.ts';
import { rooms, type AppServer } from './types.ts';

/**
 * Pushes changes to the meeting's rooms. Both kinds of update are coalesced per event-loop
 * turn: a burst of ballots becomes one progress message per room, not one per ballot.
 */
export class Broadcaster implements MeetingListener {
  private readonly dirtySnapshots = new Set<string>();
  private readonly dirtyProgress = new Map<string, Set<string>>();
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
    let polls = this.dirtyProgress.get(meetingId);
    if (!polls) this.dirtyProgress.set(meetingId, (polls = new Set()));
    polls.add(pollId);
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
    this.io
      .to([rooms.display(meetingId), rooms.members(meetingId)])
      .emit('poll:progress', progressFor(state, poll, { role: 'display' }));
  }
}
