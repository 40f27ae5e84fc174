import { hash, randomBytes } from 'node:crypto';
import { writeTransaction, type Db } from './database.ts';
import type { IssuedToken } from './storage.ts';

export type Principal =
  | { meetingId: string; role: 'chair' }
  | { meetingId: string; role: 'display' }
  | { meetingId: string; role: 'member'; memberId: string };

/** 128 random bits, URL-safe. */
export const newToken = (): string => randomBytes(16).toString('base64url');

/** Anything else is refused before it is hashed: links carry 16 to 22 characters. */
export const isTokenShaped = (token: unknown): token is string => typeof token === 'string' && token.length >= 16 && token.length <= 128;

/** Tokens are stored only as SHA-256 hashes: a copy of the database opens no tablet. */
export const hashToken = (token: string): string => hash('sha256', token, 'hex');

/** The link tokens in the SQLite file. */
export class TokenStore {
  private readonly insert;
  private readonly lookup;
  private readonly revokeMemberTokens;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(`INSERT INTO tokens (hash, meeting_id, role, member_id, issued_at) VALUES (?, ?, ?, ?, ?)`);
    this.lookup = db.prepare(`SELECT meeting_id, role, member_id FROM tokens WHERE hash = ? AND revoked_at IS NULL`);
    this.revokeMemberTokens = db.prepare(
      `UPDATE tokens SET revoked_at = ? WHERE meeting_id = ? AND role = 'member' AND member_id = ? AND revoked_at IS NULL`,
    );
  }

  /** One transaction (one fsync) for a whole meeting: 10,000 members' tokens in a second, not a minute. */
  issueAll(issued: readonly IssuedToken[], now: string): void {
    writeTransaction(this.db, () => {
      for (const { token, principal: p } of issued) this.insert.run(hashToken(token), p.meetingId, p.role, p.role === 'member' ? p.memberId : null, now);
    });
  }

  /**
   * Revokes every link of the member and stores `token` as the new one, atomically (a lost
   * tablet). The caller picks the token, so it can be one short enough to type.
   */
  reissueMember(meetingId: string, memberId: string, token: string, now: string): void {
    writeTransaction(this.db, () => {
      this.revokeMemberTokens.run(now, meetingId, memberId);
      this.insert.run(hashToken(token), meetingId, 'member', memberId, now);
    });
  }

  resolve(token: unknown): Principal | undefined {
    if (!isTokenShaped(token)) return undefined;
    const row = this.lookup.get(hashToken(token)) as { meeting_id: string; role: string; member_id: string | null } | undefined;
    if (!row) return undefined;
    if (row.role === 'member') return { meetingId: row.meeting_id, role: 'member', memberId: row.member_id! };
    return { meetingId: row.meeting_id, role: row.role as 'chair' | 'display' };
  }
}
