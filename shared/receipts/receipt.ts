import { codeFromDigest, receiptInput } from './receiptCode.ts';
import { sha256 } from './sha256.ts';

/**
 * The short code a member's tablet shows for an accepted ballot. It is derived from the poll
 * and the ballot's random client id only, never from the member: in a secret vote it proves
 * inclusion (the code is in the published list) without naming anyone. The tablet computes it
 * itself from what it sent, so it need not trust the server's word. 8 characters of an
 * unambiguous alphabet = 40 bits, ample against collisions among a council's ballots.
 * Synchronous and pure (the server's and the published list's side); the tablet uses Web
 * Crypto where it can (client/sync/receiptCode.ts).
 */
export function receiptCode(pollId: string, ballotId: string): string {
  return codeFromDigest(sha256(receiptInput(pollId, ballotId)));
}
