import { describe, expect, it } from 'vitest';
import { cryptoDraw } from './electionService.ts';

describe('the server’s lot (cryptoDraw)', () => {
  it('picks exactly the places asked for, each once, among the tied only, in ballot order', () => {
    const among = ['a', 'b', 'c', 'd'];
    for (let i = 0; i < 200; i++) {
      const picked = cryptoDraw(among, 2);
      expect(picked).toHaveLength(2);
      expect(new Set(picked).size).toBe(2);
      expect(picked.every((id) => among.includes(id))).toBe(true);
      expect(picked).toEqual(among.filter((id) => picked.includes(id)));
    }
    expect(cryptoDraw(['a', 'b'], 2)).toEqual(['a', 'b']);
  });

  it('gives every tied candidate a fair chance (3,000 draws among three, each about a third)', () => {
    const wins: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 3000; i++) wins[cryptoDraw(['a', 'b', 'c'], 1)[0]!]!++;
    // Expected 1,000 each, standard deviation ≈ 26: 850–1,150 fails by chance about once in 10^8 runs.
    for (const n of Object.values(wins)) {
      expect(n).toBeGreaterThan(850);
      expect(n).toBeLessThan(1150);
    }
  });
});
