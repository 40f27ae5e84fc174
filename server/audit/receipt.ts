import { createHash } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * The short code a member's tablet shows for an accepted ballot. It is derived from the poll
 * and the ballot's random client id only, never from the member: in a secret vote it proves
 * inclusion (the code is in the published list) without naming anyone. 8 characters of an
 * unambiguous alphabet = 40 bits, ample against collisions among a council's ballots.
 */
export function receiptCode(pollId: string, ballotId: string): string {
  const digest = createHash('sha256').update(`handzeichen-receipt\n${pollId}\n${ballotId}`).digest();
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[digest[i]! & 31];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
