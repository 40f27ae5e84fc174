import { randomBytes } from 'node:crypto';
import type { Member } from '../../shared/meeting/model.ts';
import type { TokenStorage } from '../storage/storage.ts';
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
 * code and the printed fallback code open the same pairing. The sheet adds a card per member
 * (earlier links stay valid); re-issuing one card revokes the member's earlier tokens (a lost
 * card must stop working).
 */
export async function issueCards(tokens: TokenStorage, meetingId: string, members: readonly Member[], baseUrl: string, now: string): Promise<PairingCard[]> {
  const codes = members.map(() => newPairingCode());
  await tokens.issue(
    members.map((m, i) => ({ token: codes[i]!, principal: { meetingId, role: 'member', memberId: m.id } })),
    now,
  );
  return members.map((m, i) => cardOf(m, codes[i]!, baseUrl));
}

export async function reissueCard(tokens: TokenStorage, meetingId: string, member: Member, baseUrl: string, now: string): Promise<PairingCard> {
  const code = newPairingCode();
  await tokens.reissueMember(meetingId, member.id, code, now);
  return cardOf(member, code, baseUrl);
}

const cardOf = (m: Member, token: string, baseUrl: string): PairingCard => ({
  id: m.id,
  name: m.name,
  role: m.role,
  votingRight: m.votingRight,
  joinUrl: links.member(baseUrl, token),
  code: groupCode(token),
});
