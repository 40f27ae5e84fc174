import type { MeetingSnapshot, MemberSelf, PollProgress, PollView, RollCallEntry } from '../protocol/snapshot.ts';
import { ineligibility } from '../rules/eligibility.ts';
import { motionsOf, subjectOf } from '../motions/sequence.ts';
import { verdict } from '../rules/verdict.ts';
import { attendanceView, type AttendanceView } from './attendance.ts';
import { memberById } from './lookup.ts';
import type { AgendaItem, Poll } from './model.ts';
import { ballotsOf, covers, isGroupWise, latestPoll, recordedIn, type MeetingState } from './state.ts';

/**
 * What each role may see. The display and the tablets never see counts before publication
 * and never anything of a non-public item beyond its number; only the chair sees who has voted.
 */
export type Viewer = { role: 'chair' } | { role: 'display' } | { role: 'member'; memberId: string };

/**
 * The roll-call grid is public once published, or while the vote runs when the chair chose
 * "live"; the chair also sees it once the vote is closed, like the counts.
 */
function rollCallOf(s: MeetingState, poll: Poll, viewer: Pick<Viewer, 'role'>): RollCallEntry[] | undefined {
  if (poll.mode !== 'rollCall' || poll.status === 'invalid') return undefined;
  const visible = poll.status === 'published' || poll.rollCallLive || (viewer.role === 'chair' && poll.status === 'closed');
  if (!visible) return undefined;
  const ballots = ballotsOf(s, poll.id);
  return poll.eligibleMemberIds.map((memberId) => ({ memberId, choice: ballots.get(memberId)?.choice ?? null }));
}

/**
 * `detailed`: the poll is one of the current item's rounds. Only those carry the chair's member
 * lists (who voted, who may vote, who is excluded, whose vote is minuted by name) and the
 * roll-call grid: the console shows them for the item on screen only. In a voting session of
 * 300 votes for 720 members, every earlier poll's lists made the chair's snapshot grow to a
 * megabyte, serialized at every opening, close and publication.
 */
function pollView(s: MeetingState, poll: Poll, viewer: Pick<Viewer, 'role'>, detailed: boolean): PollView {
  const ballots = ballotsOf(s, poll.id);
  const resultVisible = poll.status === 'published' || (viewer.role === 'chair' && poll.status !== 'open');
  const counts = resultVisible ? poll.counts : null;
  const view: PollView = {
    id: poll.id,
    itemId: poll.itemId,
    round: poll.round,
    mode: poll.mode,
    majority: poll.majority,
    status: poll.status,
    openedAt: poll.openedAt,
    closedAt: poll.closedAt,
    publishedAt: poll.publishedAt,
    eligibleCount: poll.eligibleMemberIds.length,
    castCount: poll.counts ? poll.counts.yes + poll.counts.no + poll.counts.abstain : ballots.size,
    counts,
    // A Wahlgang has no Ja/Nein verdict: its outcome comes from shared/elections.
    verdict: counts && !poll.election ? verdict(counts, { majority: poll.majority, statutoryMembers: poll.statutoryMembers }) : null,
    quorum: poll.quorum,
    quorumOverridden: poll.quorumOverridden,
    rules: poll.rules,
    statutoryMembers: poll.statutoryMembers,
    excludedCount: poll.excludedMemberIds.length,
    rollCallLive: poll.rollCallLive,
    countedByHand: poll.countedByHand,
    invalidatedAt: poll.invalidatedAt,
  };
  if (poll.motionId) view.motionId = poll.motionId;
  if (poll.blocItemIds) view.blocItemIds = poll.blocItemIds;
  const subject = subjectOf(s, poll);
  if (subject) view.subject = subject;
  const rollCall = detailed ? rollCallOf(s, poll, viewer) : undefined;
  if (rollCall) view.rollCall = rollCall;
  if (poll.election) view.election = { ...poll.election, votes: resultVisible ? poll.election.votes : null };
  if (viewer.role === 'chair') {
    if (detailed) {
      view.votedMemberIds = [...ballots.keys()];
      view.eligibleMemberIds = poll.eligibleMemberIds;
      view.excludedMemberIds = poll.excludedMemberIds;
      view.recordedMemberIds = [...recordedIn(s, poll.id)];
    }
    view.groupWise = isGroupWise(s, poll.id);
  }
  return view;
}

const redact = (item: AgendaItem): AgendaItem => (item.public ? item : { ...item, name: '', paper: null });

/** What is only one member's in their snapshot; everything else is alike for every tablet. */
export type MemberSnapshotOwn = Pick<MeetingSnapshot, 'members' | 'self'>;

/**
 * A member's snapshot in two parts: `common` is the same for every tablet at this moment,
 * `own(memberId)` is that member's entry and own state. The server serializes `common` once per
 * change for all tablets instead of once per tablet; snapshotFor joins the parts.
 */
export function memberSnapshotParts(
  s: MeetingState,
  now: string,
  shared: AttendanceView = attendanceView(s),
): { common: Omit<MeetingSnapshot, keyof MemberSnapshotOwn>; own(memberId: string): MemberSnapshotOwn } {
  const byId = memberById(s.meeting.members);
  return {
    common: commonSnapshot(s, 'member', now, shared),
    own: (memberId) => {
      const me = byId.get(memberId);
      // A tablet needs only its own member: at 20,000 members the full list would make every
      // member snapshot hundreds of kilobytes, and every poll opening quadratic.
      return { members: me ? [me] : [], self: selfFor(s, memberId, shared) };
    },
  };
}

/** `shared` may be passed in when many snapshots of the same moment are made. */
export function snapshotFor(s: MeetingState, viewer: Viewer, now: string, shared: AttendanceView = attendanceView(s)): MeetingSnapshot {
  if (viewer.role === 'member') {
    const parts = memberSnapshotParts(s, now, shared);
    return { ...parts.common, ...parts.own(viewer.memberId) };
  }
  return { ...commonSnapshot(s, viewer.role, now, shared), members: s.meeting.members, self: null };
}

function commonSnapshot(
  s: MeetingState,
  role: Viewer['role'],
  now: string,
  shared: AttendanceView,
): Omit<MeetingSnapshot, keyof MemberSnapshotOwn> {
  const { members: _members, agenda, currentItemId, ...info } = s.meeting;
  const publicOnly = role === 'display';
  const hidden = new Set(publicOnly ? agenda.filter((i) => !i.public).map((i) => i.id) : []);
  // Tablets and the display show only the current item's rounds; the chair keeps the whole
  // record. In a voting session of 300 votes, every tablet's snapshot would otherwise grow by a
  // poll per vote, and each opening, close and publication would cost 300 poll views per tablet.
  // A Sammelabstimmung is a round of each of its items (state.ts covers).
  const current = (p: Poll) => currentItemId !== null && covers(p, currentItemId);
  const shown = role === 'chair' ? s.polls : s.polls.filter(current);
  const polls = shown.filter((p) => !hidden.has(p.itemId)).map((p) => pollView(s, p, { role }, current(p)));
  // Likewise the agenda: a tablet and the display show the current item and the items its
  // rounds decide en bloc, never the list; 300 items were 30 KB of every tablet's snapshot.
  const listed = role === 'chair' ? agenda : agenda.filter((i) => i.id === currentItemId || polls.some((p) => p.blocItemIds?.includes(i.id)));

  return {
    role,
    meeting: info,
    statutoryMembers: s.statutoryMembers,
    agenda: publicOnly ? listed.map(redact) : listed,
    currentItemId,
    polls,
    quorum: shared.quorum,
    lastQuorumCheck: s.quorumChecks.at(-1) ?? null,
    ...(role === 'chair'
      ? {
          attendance: Object.fromEntries(s.attendance),
          exclusions: Object.fromEntries([...s.exclusions].map(([itemId, ids]) => [itemId, [...ids]])),
        }
      : {}),
    ...(s.elections?.size ? { elections: Object.fromEntries([...s.elections].filter(([itemId]) => !hidden.has(itemId))) } : {}),
    ...(role === 'chair' ? { decisionKinds: Object.fromEntries(s.decisionKinds), motions: [...motionsOf(s)] } : {}),
    serverTime: now,
  };
}

/** A member's own state (checked in, may vote, own ballot); null for a member not on the roster. */
export function selfFor(s: MeetingState, memberId: string, shared: Pick<AttendanceView, 'facts'>): MemberSelf | null {
  const me = memberById(s.meeting.members).get(memberId);
  if (!me) return null;
  const current = latestPoll(s, s.meeting.currentItemId);
  const own = current ? ballotsOf(s, current.id).get(memberId) : undefined;
  return {
    memberId: me.id,
    name: me.name,
    votingRight: me.votingRight,
    present: shared.facts.present.has(me.id),
    ineligibility: ineligibility(me, shared.facts),
    ballot: own && current ? { pollId: current.id, choice: own.choice, ballotId: own.ballotId, ...(own.marks ? { marks: own.marks } : {}) } : null,
    recorded: current ? recordedIn(s, current.id).has(me.id) : false,
  };
}

/**
 * Running progress of a poll for one kind of viewer; null when that viewer must not hear of the
 * poll at all (the display and a non-public item: not even that a vote runs, as in snapshotFor).
 */
export function progressFor(s: MeetingState, poll: Poll, viewer: { role: 'chair' | 'member' }): PollProgress;
export function progressFor(s: MeetingState, poll: Poll, viewer: Pick<Viewer, 'role'>): PollProgress | null;
export function progressFor(s: MeetingState, poll: Poll, viewer: Pick<Viewer, 'role'>): PollProgress | null {
  if (viewer.role === 'display' && !s.meeting.agenda.find((i) => i.id === poll.itemId)?.public) return null;
  const ballots = ballotsOf(s, poll.id);
  const progress: PollProgress = { pollId: poll.id, castCount: ballots.size, eligibleCount: poll.eligibleMemberIds.length };
  if (viewer.role === 'chair') progress.votedMemberIds = [...ballots.keys()];
  const rollCall = rollCallOf(s, poll, viewer);
  if (rollCall) progress.rollCall = rollCall;
  return progress;
}
