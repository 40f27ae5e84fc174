import { beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../logger.ts';
import { REFUSAL_LOG_LIMIT } from '../realtime/refusalLog.ts';
import { STORES, useTestServer } from './harness.ts';

/** Every role's events are rate-limited, and a connection's refusals cannot flood the log. */

describe.each(STORES)('on %s', (store) => {
  let lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];

  const recorder: Logger = {
    info: (msg, fields) => lines.push({ level: 'info', msg, fields }),
    warn: (msg, fields) => lines.push({ level: 'warn', msg, fields }),
    error: (msg, fields) => lines.push({ level: 'error', msg, fields }),
  };

  const t = useTestServer(store, { log: recorder });
  beforeEach(() => {
    lines = [];
  });

  const codes = (results: { ok: boolean; error?: { code: string } }[]) => {
    const out: Record<string, number> = {};
    for (const r of results) {
      const k = r.ok ? 'ok' : r.error!.code;
      out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  };
  const warnings = () => lines.filter((l) => l.level === 'warn');

  describe('a flood of events', () => {
    it('from the display token is mostly refused unread, and logs a handful of lines, then one summary', async () => {
      const created = await t.server.createMeeting();
      const display = await t.join(created.displayUrl);
      const results = await Promise.all(
        Array.from({ length: 1000 }, (_, i) =>
          i % 2 ? display.call('no:such:event' as never, { i }) : display.call('poll:close', { pollId: `poll-${i}` }),
        ),
      );
      const seen = codes(results as never);
      // The display's small bucket: a few events get as far as a refusal by role or name.
      expect(seen.rate_limited).toBeGreaterThanOrEqual(980);
      expect((seen.forbidden ?? 0) + (seen.invalid_payload ?? 0)).toBeGreaterThan(0);
      expect(seen.ok).toBeUndefined();
      expect(warnings().length).toBeLessThanOrEqual(REFUSAL_LOG_LIMIT + 1);
      display.disconnect();
      await waitUntil(() => warnings().some((l) => l.msg === 'refusals not logged'));
      const summary = warnings().find((l) => l.msg === 'refusals not logged')!;
      expect(summary.fields?.count).toBeGreaterThan(0);
      expect(warnings().length).toBeLessThanOrEqual(REFUSAL_LOG_LIMIT + 2);
    });

    it('from the chair token is limited too, more generously; a chair clicking at human speed never is', async () => {
      const created = await t.server.createMeeting();
      const chair = await t.join(created.chairUrl);
      // Checking every member in by hand, one after another: never refused.
      for (const m of created.members) expect((await chair.call('attendance:set', { memberId: m.id, present: true })).ok).toBe(true);
      const flood = await Promise.all(Array.from({ length: 300 }, () => chair.call('poll:close', { pollId: 'no-such-poll' })));
      const seen = codes(flood as never);
      expect(seen.rate_limited).toBeGreaterThan(100);
      expect(seen.not_found).toBeGreaterThan(20);
      expect(warnings().length).toBeLessThanOrEqual(REFUSAL_LOG_LIMIT + 1);
    });
  });

  async function waitUntil(pred: () => boolean): Promise<void> {
    for (let i = 0; i < 200 && !pred(); i++) await new Promise((r) => setTimeout(r, 10));
    if (!pred()) throw new Error('waitUntil: timed out');
  }
});
