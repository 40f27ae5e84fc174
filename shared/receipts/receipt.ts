import { sha256 } from './sha256.ts';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * The short code a member's tablet shows for an accepted ballot. It is derived from the poll
 * and the ballot's random client id only, never from the member: in a secret vote it proves
 * inclusion (the code is in the published list) without naming anyone. The tablet computes it
 * itself from what it sent, so it need not trust the server's word. 8 characters of an
 * unambiguous alphabet = 40 bits, ample against collisions among a council's ballots.
 */
export function receiptCode(pollId: string, ballotId: string): string {
  const digest = sha256(`handzeichen-receipt\n${pollId}\n${ballotId}`);
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[digest[i]! & 31];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
