import { describe, expect, it } from 'vitest';
import { isoNow } from './clock.ts';

describe('isoNow', () => {
  it('is the current time as an ISO string, and moves on with the clock', async () => {
    const before = Date.now();
    const first = isoNow();
    expect(first).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Date.parse(first)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(first)).toBeLessThanOrEqual(Date.now());
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = isoNow();
    expect(Date.parse(later)).toBeGreaterThan(Date.parse(first));
    expect(Date.parse(later)).toBeLessThanOrEqual(Date.now());
  });
});
