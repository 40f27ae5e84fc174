import { describe, expect, it } from 'vitest';
import type { Logger } from '../logger.ts';
import { connectionLog, REFUSAL_LOG_LIMIT } from './refusalLog.ts';

describe('a connection log', () => {
  it('logs the first warnings of a minute, counts the rest, and reports the count in the next minute and at the end', () => {
    const lines: [string, Record<string, unknown> | undefined][] = [];
    const base: Logger = { info: () => {}, error: () => {}, warn: (m, f) => lines.push([m, f]) };
    let t = 0;
    const log = connectionLog(base, { socket: 's1' }, () => t);
    for (let i = 0; i < 100; i++) log.warn('unknown event', { i });
    expect(lines).toHaveLength(REFUSAL_LOG_LIMIT + 1);
    expect(lines[0]).toEqual(['unknown event', { socket: 's1', i: 0 }]);
    expect(lines.at(-1)![0]).toBe('too many refusals: logging paused for this connection');
    t = 60_000;
    log.warn('unknown event', { i: 100 });
    expect(lines.slice(-2)).toEqual([
      ['refusals not logged', { socket: 's1', count: 100 - REFUSAL_LOG_LIMIT }],
      ['unknown event', { socket: 's1', i: 100 }],
    ]);
    log.close();
    expect(lines).toHaveLength(REFUSAL_LOG_LIMIT + 3);
  });
});
