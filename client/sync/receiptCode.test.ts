import { afterEach, describe, expect, it, vi } from 'vitest';
import { receiptCode } from '../../shared/receipts/receipt.ts';
import { computeReceiptCode } from './receiptCode.ts';

describe("the tablet's receipt code", () => {
  afterEach(() => vi.unstubAllGlobals());

  it('equals the server’s, with Web Crypto (HTTPS, localhost)', async () => {
    expect(globalThis.crypto?.subtle).toBeDefined();
    for (const [poll, ballot] of [['p', 'b'], ['bx5Ap1UihNko', 'receipt-secret-0'], ['Ö 12', 'ä'.repeat(40)]] as const) {
      expect(await computeReceiptCode(poll, ballot)).toBe(receiptCode(poll, ballot));
    }
  });

  it('equals the server’s without Web Crypto (plain http on a LAN)', async () => {
    vi.stubGlobal('crypto', {});
    expect(await computeReceiptCode('poll-1', 'ballot-abc')).toBe(receiptCode('poll-1', 'ballot-abc'));
  });
});
