import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { receiptCode } from '../../shared/receipts/receipt.ts';
import { receiptCodeOf } from './receiptCode.ts';

describe("the server's receipt code", () => {
  it('is the code the tablet and the published list compute, for any poll and ballot id', () => {
    fc.assert(fc.property(fc.string({ maxLength: 64 }), fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), (pollId, ballotId) => {
      expect(receiptCodeOf(pollId, ballotId)).toBe(receiptCode(pollId, ballotId));
    }));
  });
});
