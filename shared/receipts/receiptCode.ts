const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** What a receipt hashes: the poll and the ballot's random client id, never the member. */
export const receiptInput = (pollId: string, ballotId: string): string => `handzeichen-receipt\n${pollId}\n${ballotId}`;

/** The first 40 bits of the SHA-256 of `receiptInput`, as 8 characters of an unambiguous alphabet. */
export function codeFromDigest(digest: Uint8Array): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[digest[i]! & 31];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
