import type { MeetingSummary } from '../../shared/protocol/meetingSummary.ts';
import { writeTransaction, type Db } from './database.ts';
import type { PlannedSetup, MeetingSetup } from '../meetings/setupPlan.ts';


/** Setting meetings up: where an import came from, replacing a setup, listing and archiving. */
export class SetupStore {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      bySource: db.prepare(`SELECT id FROM meetings WHERE source_id = ?`),
      setSource: db.prepare(`UPDATE meetings SET source_id = ? WHERE id = ?`),
      setItemSource: db.prepare(`UPDATE agenda_items SET source_id = ? WHERE meeting_id = ? AND id = ?`),
      itemSources: db.prepare(`SELECT id, source_id FROM agenda_items WHERE meeting_id = ? AND source_id IS NOT NULL`),
      updateMeeting: db.prepare(
        `UPDATE meetings SET body = @body, organization = @organization, name = @name, start = @start, location = @location,
           rules = @rules, statutory_members = @statutoryMembers, current_item_id = @currentItemId,
           minute_format = @minuteFormat, language = @language WHERE id = @id`,
      ),
      deleteMembers: db.prepare(`DELETE FROM members WHERE meeting_id = ?`),
      deleteItems: db.prepare(`DELETE FROM agenda_items WHERE meeting_id = ?`),
      insertMember: db.prepare(
        `INSERT INTO members (meeting_id, id, position, name, role, voting_right, group_name) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertItem: db.prepare(
        `INSERT INTO agenda_items (meeting_id, id, position, number, name, public, paper, source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      list: db.prepare(
        `SELECT m.id, m.body, m.organization, m.name, m.start, m.rules, m.source_id, m.archived_at,
           (SELECT count(*) FROM members x WHERE x.meeting_id = m.id) AS members,
           (SELECT count(*) FROM agenda_items x WHERE x.meeting_id = m.id) AS items,
           (SELECT count(*) FROM polls x WHERE x.meeting_id = m.id) AS polls
         FROM meetings m ORDER BY m.start DESC, m.created_at DESC`,
      ),
      archive: db.prepare(`UPDATE meetings SET archived_at = ? WHERE id = ?`),
    };
  }

  /** Runs `work` in one write transaction (BEGIN IMMEDIATE; nested transactions become savepoints). */
  atomically<T>(work: () => T): T {
    return writeTransaction(this.db, work);
  }

  findBySource(sourceId: string): string | undefined {
    return (this.q.bySource.get(sourceId) as { id: string } | undefined)?.id;
  }

  setSources(meetingId: string, sourceId: string, itemSources: [itemId: string, sourceId: string | null][]): void {
    this.atomically(() => {
      this.q.setSource.run(sourceId, meetingId);
      for (const [itemId, source] of itemSources) this.q.setItemSource.run(source, meetingId, itemId);
    });
  }

  /** OParl agenda item id → our item id. */
  itemSources(meetingId: string): Map<string, string> {
    const rows = this.q.itemSources.all(meetingId) as { id: string; source_id: string }[];
    return new Map(rows.map((r) => [r.source_id, r.id]));
  }

  replaceSetup(meetingId: string, info: Omit<MeetingSetup, 'members' | 'agenda'>, plan: PlannedSetup): void {
    this.atomically(() => {
      this.q.updateMeeting.run({
        ...info,
        minuteFormat: info.minuteFormat ?? 'allris',
        language: info.language ?? 'de',
        id: meetingId,
        currentItemId: plan.currentItemId,
      });
      this.q.deleteMembers.run(meetingId);
      this.q.deleteItems.run(meetingId);
      plan.members.forEach((m, i) => this.q.insertMember.run(meetingId, m.id, i, m.name, m.role, m.votingRight ? 1 : 0, m.group ?? null));
      plan.agenda.forEach((x, i) =>
        this.q.insertItem.run(meetingId, x.id, i, x.number, x.name, x.public ? 1 : 0, x.paper, x.sourceId),
      );
    });
  }

  list(): MeetingSummary[] {
    return (this.q.list.all() as Record<string, string | number | null>[]).map(summaryOf);
  }

  setArchived(meetingId: string, at: string | null): void {
    this.q.archive.run(at, meetingId);
  }
}

/** A row of the admin list (the same query on SQLite and PostgreSQL; counts may come as strings). */
export function summaryOf(r: Record<string, string | number | null>): MeetingSummary {
  return {
    id: String(r.id),
    body: String(r.body),
    organization: String(r.organization),
    name: String(r.name),
    start: String(r.start),
    rules: String(r.rules),
    sourceId: r.source_id === null ? null : String(r.source_id),
    archivedAt: r.archived_at === null ? null : String(r.archived_at),
    members: Number(r.members),
    items: Number(r.items),
    polls: Number(r.polls),
  };
}
