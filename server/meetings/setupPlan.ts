import type { AgendaItem, MeetingLanguage, Member, MinuteFormat } from '../../shared/meeting/model.ts';
import type { MeetingState } from '../../shared/meeting/state.ts';

/** A meeting's setup as an import or the admin view wants it to be. */
export interface MeetingSetup {
  body: string;
  organization: string;
  name: string;
  start: string;
  location: string;
  rules: string;
  statutoryMembers: number;
  minuteFormat?: MinuteFormat;
  language?: MeetingLanguage;
  members: Member[];
  /** `id` names an existing item to keep (and its votes); without one the item is new. */
  agenda: (Omit<AgendaItem, 'id'> & { id?: string | null; sourceId?: string | null })[];
}

export interface PlannedSetup {
  members: Member[];
  agenda: (AgendaItem & { sourceId: string | null })[];
  currentItemId: string | null;
  warnings: string[];
}

/**
 * Replacing the setup of a meeting that may already have votes. Recorded votes are never
 * destroyed: an item with a poll and a member who was eligible in one stay, even when the new
 * setup leaves them out (they are appended, with a warning). Pure.
 */
export function planSetup(state: MeetingState, next: MeetingSetup): PlannedSetup {
  const warnings: string[] = [];
  // Every item of a Sammelabstimmung has its result in that one poll.
  const votedItems = new Set(state.polls.flatMap((p) => [p.itemId, ...(p.blocItemIds ?? [])]));
  const recordedMembers = new Set(state.polls.flatMap((p) => p.eligibleMemberIds));
  for (const perPoll of state.ballots.values()) for (const id of perPoll.keys()) recordedMembers.add(id);

  const members = [...next.members];
  const wanted = new Set(members.map((m) => m.id));
  for (const m of state.meeting.members) {
    if (wanted.has(m.id) || !recordedMembers.has(m.id)) continue;
    members.push(m);
    warnings.push(`member ${m.name} (${m.id}) kept: has recorded votes`);
  }

  const existing = new Map(state.meeting.agenda.map((i) => [i.id, i]));
  let nextId = Math.max(0, ...state.meeting.agenda.map((i) => Number(/^i(\d+)$/.exec(i.id)?.[1] ?? 0))) + 1;
  const agenda: PlannedSetup['agenda'] = next.agenda.map((item) => {
    const id = item.id && existing.has(item.id) ? item.id : `i${nextId++}`;
    return { id, number: item.number, name: item.name, public: item.public, paper: item.paper, sourceId: item.sourceId ?? null };
  });
  const kept = new Set(agenda.map((i) => i.id));
  for (const item of state.meeting.agenda) {
    if (kept.has(item.id) || !votedItems.has(item.id)) continue;
    agenda.push({ ...item, sourceId: null });
    warnings.push(`TOP ${item.number} kept: has recorded votes`);
  }
  const current = state.meeting.currentItemId;
  return { members, agenda, currentItemId: current && agenda.some((i) => i.id === current) ? current : null, warnings };
}
