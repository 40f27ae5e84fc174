import { describe, expect, it } from 'vitest';
import { fromMeetingInput, toMeetingInput } from './meetingTime.ts';

describe('meeting time in the admin form', () => {
  it('shows and reads the wall-clock time in Berlin, winter and summer, whatever the browser zone', () => {
    expect(toMeetingInput('2022-03-22T16:00:00.000Z')).toBe('2022-03-22T17:00');
    expect(toMeetingInput('2022-07-01T16:00:00.000Z')).toBe('2022-07-01T18:00');
    expect(fromMeetingInput('2022-03-22T17:00')).toBe('2022-03-22T16:00:00.000Z');
    expect(fromMeetingInput('2022-07-01T18:00')).toBe('2022-07-01T16:00:00.000Z');
    expect(fromMeetingInput('')).toBe('');
  });
  it('round-trips every half hour across the DST changes', () => {
    for (let t = Date.parse('2026-03-28T00:00:00Z'); t < Date.parse('2026-03-30T00:00:00Z'); t += 30 * 60_000) {
      const iso = new Date(t).toISOString();
      expect(fromMeetingInput(toMeetingInput(iso))).toBe(iso);
    }
  });
});
