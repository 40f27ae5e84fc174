import { randomBytes } from 'node:crypto';
import type { Member } from '../../shared/meeting/model.ts';
import { hashToken } from '../storage/tokenStore.ts';
import type { Db } from '../storage/database.ts';
import { links } from './createMeeting.ts';

/** No 0/O, 1/I/L: a code read off paper must not be ambiguous. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export interface PairingCard {
  id: string;
  name: string;
  role: Member['role'];
  votingRight: boolean;
  joinUrl: string;
  /** The same token as the link, grouped for typing: `ABCD-EFGH-JKMN-PQRS`. */
  code: string;
}

/** 16 characters of a 31-letter alphabet ≈ 79 bits: as hard to guess as it is easy to type. */
export function newPairingCode(): string {
  const bytes = randomBytes(16);
  let token = '';
  for (const b of bytes) token += ALPHABET[b % ALPHABET.length];
  return token;
}

export const groupCode = (token: string) => token.match(/.{1,4}/g)!.join('-');

/**
 * Pairing cards: one member token per card whose value is short enough to type, so the QR
 * code and the printed fallback code open the same pairing. Re-issuing a card revokes the
 * member's earlier tokens (a lost card must stop working).
 */
export class PairingCards {
  private readonly insert;
  private readonly revoke;

  constructor(db: Db) {
    this.insert = db.prepare(`INSERT INTO tokens (hash, meeting_id, role, member_id, issued_at) VALUES (?, ?, 'member', ?, ?)`);
    this.revoke = db.prepare(`UPDATE tokens SET revoked_at = ? WHERE meeting_id = ? AND role = 'member' AND member_id = ? AND revoked_at IS NULL`);
  }

  issue(meetingId: string, member: Member, baseUrl: string, now: string, opts: { revokeEarlier: boolean }): PairingCard {
    if (opts.revokeEarlier) this.revoke.run(now, meetingId, member.id);
    const token = newPairingCode();
    this.insert.run(hashToken(token), meetingId, member.id, now);
    return { id: member.id, name: member.name, role: member.role, votingRight: member.votingRight, joinUrl: links.member(baseUrl, token), code: groupCode(token) };
  }
}
