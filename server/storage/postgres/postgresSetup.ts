import type pg from 'pg';
import type { MeetingSummary } from '../../../shared/protocol/meetingSummary.ts';
import type { AuditKind } from '../../audit/auditLog.ts';
import { rosterEntry } from '../../audit/roster.ts';
import type { MeetingSetup, PlannedSetup } from '../../meetings/setupPlan.ts';
import { summaryOf } from '../setupStore.ts';
import type { MeetingSource, SetupStorage } from '../storage.ts';
import { inTransaction, type Queryable } from './transaction.ts';
import { isoNow } from '../../clock.ts';

/** Appends one audit-log entry inside the caller's transaction (the chain is the store's). */
export type AppendAudit = (
  client: pg.PoolClient,
  entry: { meetingId: string; at: string; kind: AuditKind; pollId: string | null; payload: unknown },
) => Promise<void>;

/** Marks an imported meeting and its items with their RIS ids (inside the creating transaction). */
export async function setSources(db: Queryable, meetingId: string, source: MeetingSource): Promise<void> {
  await db.query(`UPDATE meetings SET source_id = $1 WHERE id = $2`, [source.sourceId, meetingId]);
  const items = source.itemSources.filter(([, s]) => s !== null);
  if (items.length === 0) return;
  await db.query(
    `UPDATE agenda_items a SET source_id = s.source_id
     FROM unnest($2::text[], $3::text[]) AS s (item_id, source_id)
     WHERE a.meeting_id = $1 AND a.id = s.item_id`,
    [meetingId, items.map(([id]) => id), items.map(([, s]) => s)],
  );
}

/** Setting meetings up in PostgreSQL: the same rows and audit entries as the SQLite AuditedSetupStore. */
export class PostgresSetupStorage implements SetupStorage {
  constructor(
    private readonly pool: pg.Pool,
    private readonly appendAudit: AppendAudit,
    private readonly clock: () => string = isoNow,
  ) {}

  async findBySource(sourceId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ id: string }>(`SELECT id FROM meetings WHERE source_id = $1`, [sourceId]);
    return rows[0]?.id;
  }

  async itemSources(meetingId: string): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ id: string; source_id: string }>(
      `SELECT id, source_id FROM agenda_items WHERE meeting_id = $1 AND source_id IS NOT NULL`,
      [meetingId],
    );
    return new Map(rows.map((r) => [r.source_id, r.id]));
  }

  async replaceSetup(meetingId: string, info: Omit<MeetingSetup, 'members' | 'agenda'>, plan: PlannedSetup): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `UPDATE meetings SET body = $1, organization = $2, name = $3, start = $4, location = $5, rules = $6, statutory_members = $7,
           current_item_id = $8, minute_format = $9, language = $10 WHERE id = $11`,
        [info.body, info.organization, info.name, info.start, info.location, info.rules, info.statutoryMembers, plan.currentItemId, info.minuteFormat ?? 'allris', info.language ?? 'de', meetingId],
      );
      await client.query(`DELETE FROM members WHERE meeting_id = $1`, [meetingId]);
      await client.query(`DELETE FROM agenda_items WHERE meeting_id = $1`, [meetingId]);
      await client.query(
        `INSERT INTO members (meeting_id, id, position, name, role, voting_right, group_name)
         SELECT $1, id, position, name, role, voting_right, group_name
         FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::boolean[], $7::text[]) AS m (id, position, name, role, voting_right, group_name)`,
        [meetingId, plan.members.map((m) => m.id), plan.members.map((_, i) => i), plan.members.map((m) => m.name), plan.members.map((m) => m.role), plan.members.map((m) => m.votingRight), plan.members.map((m) => m.group ?? null)],
      );
      await client.query(
        `INSERT INTO agenda_items (meeting_id, id, position, number, name, public, paper, source_id)
         SELECT $1, id, position, number, name, public, paper, source_id
         FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::text[]) AS a (id, position, number, name, public, paper, source_id)`,
        [meetingId, plan.agenda.map((a) => a.id), plan.agenda.map((_, i) => i), plan.agenda.map((a) => a.number), plan.agenda.map((a) => a.name), plan.agenda.map((a) => a.public), plan.agenda.map((a) => a.paper), plan.agenda.map((a) => a.sourceId)],
      );
      await this.appendAudit(client, { meetingId, at: this.clock(), kind: 'meeting.setupChanged', pollId: null, payload: { ...info, ...rosterEntry(plan.members, plan.agenda) } });
    });
  }

  async list(): Promise<MeetingSummary[]> {
    const { rows } = await this.pool.query<Record<string, string | number | null>>(
      `SELECT m.id, m.body, m.organization, m.name, m.start, m.rules, m.source_id, m.archived_at,
         (SELECT count(*) FROM members x WHERE x.meeting_id = m.id) AS members,
         (SELECT count(*) FROM agenda_items x WHERE x.meeting_id = m.id) AS items,
         (SELECT count(*) FROM polls x WHERE x.meeting_id = m.id) AS polls
       FROM meetings m ORDER BY m.start DESC, m.created_at DESC`,
    );
    return rows.map(summaryOf);
  }

  async setArchived(meetingId: string, at: string | null): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(`UPDATE meetings SET archived_at = $1 WHERE id = $2`, [at, meetingId]);
      await this.appendAudit(client, { meetingId, at: at ?? this.clock(), kind: 'meeting.archived', pollId: null, payload: { archived: at !== null } });
    });
  }
}
