import type pg from 'pg';
import type { IssuedToken, TokenStorage } from '../storage.ts';
import { hashToken, isTokenShaped, type Principal } from '../tokenStore.ts';
import { inTransaction, type Queryable } from './transaction.ts';

/** Stores the hashes of new tokens in one statement (10,000 members' links at once). */
export async function insertTokens(db: Queryable, issued: readonly IssuedToken[], now: string): Promise<void> {
  if (issued.length === 0) return;
  await db.query(
    `INSERT INTO tokens (hash, meeting_id, role, member_id, issued_at)
     SELECT hash, meeting_id, role, member_id, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t (hash, meeting_id, role, member_id)`,
    [
      issued.map((i) => hashToken(i.token)),
      issued.map((i) => i.principal.meetingId),
      issued.map((i) => i.principal.role),
      issued.map((i) => (i.principal.role === 'member' ? i.principal.memberId : null)),
      now,
    ],
  );
}

/** The link tokens in PostgreSQL: the same rows and rules as the SQLite TokenStore. */
export class PostgresTokenStorage implements TokenStorage {
  constructor(private readonly pool: pg.Pool) {}

  async resolve(token: unknown): Promise<Principal | undefined> {
    if (!isTokenShaped(token)) return undefined;
    const { rows } = await this.pool.query<{ meeting_id: string; role: string; member_id: string | null }>(
      `SELECT meeting_id, role, member_id FROM tokens WHERE hash = $1 AND revoked_at IS NULL`,
      [hashToken(token)],
    );
    const row = rows[0];
    if (!row) return undefined;
    if (row.role === 'member') return { meetingId: row.meeting_id, role: 'member', memberId: row.member_id! };
    return { meetingId: row.meeting_id, role: row.role as 'chair' | 'display' };
  }

  issue(issued: readonly IssuedToken[], now: string): Promise<void> {
    return insertTokens(this.pool, issued, now);
  }

  async reissueMember(meetingId: string, memberId: string, token: string, now: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `UPDATE tokens SET revoked_at = $1 WHERE meeting_id = $2 AND role = 'member' AND member_id = $3 AND revoked_at IS NULL`,
        [now, meetingId, memberId],
      );
      await insertTokens(client, [{ token, principal: { meetingId, role: 'member', memberId } }], now);
    });
  }
}
