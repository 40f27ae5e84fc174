import { codeFromDigest, receiptInput } from '../../shared/receipts/receiptCode.ts';

/**
 * The receipt code on the tablet. Web Crypto does the hashing wherever the browser offers it
 * (HTTPS and localhost: every installed tablet); only a tablet on plain http fetches the pure
 * SHA-256 the server uses, so the member app carries no hashing code of its own.
 */
export async function computeReceiptCode(pollId: string, ballotId: string): Promise<string> {
  const input = receiptInput(pollId, ballotId);
  if (globalThis.crypto?.subtle) {
    return codeFromDigest(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(input))));
  }
  const { sha256 } = await import('../../shared/receipts/sha256.ts');
  return codeFromDigest(sha256(input));
}
