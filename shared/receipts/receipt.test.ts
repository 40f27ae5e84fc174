import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { receiptCode } from './receipt.ts';
import { sha256 } from './sha256.ts';

describe('sha256 (pure)', () => {
  it('equals node:crypto for any text, across block boundaries', () => {
    for (const s of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'Ö 12 – Größe ✓'.repeat(20)]) {
      expect(Buffer.from(sha256(s)).toString('hex')).toBe(createHash('sha256').update(s).digest('hex'));
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => Buffer.from(sha256(s)).toString('hex') === createHash('sha256').update(s).digest('hex')),
    );
  });
});

describe('receipt code', () => {
  it('is short, unambiguous and depends on poll and ballot only', () => {
    const code = receiptCode('poll-1', 'ballot-abc');
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(receiptCode('poll-1', 'ballot-abc')).toBe(code);
    expect(receiptCode('poll-2', 'ballot-abc')).not.toBe(code);
  });
});
