import type { Logger } from '../logger.ts';

/** Per connection: this many warnings a minute are logged, the rest only counted. */
export const REFUSAL_LOG_LIMIT = 10;
const WINDOW_MS = 60_000;

export interface ConnectionLog extends Logger {
  /** Logs how many warnings were held back; call when the connection ends. */
  close(): void;
}

/**
 * Warnings about one connection's refused events, rate-limited: a flood of forbidden or unknown
 * events must not fill the disk. The first warnings of each minute are logged, then one line
 * says logging pauses, and the next logged line (or the disconnect) tells how many were held back.
 */
export function connectionLog(log: Logger, fields: Record<string, unknown>, now: () => number = () => performance.now()): ConnectionLog {
  let windowStart = now();
  let logged = 0;
  let suppressed = 0;
  const report = () => {
    if (suppressed > 0) log.warn('refusals not logged', { ...fields, count: suppressed });
    suppressed = 0;
  };
  return {
    info: (msg, f) => log.info(msg, { ...fields, ...f }),
    error: (msg, f) => log.error(msg, { ...fields, ...f }),
    warn(msg, f) {
      const t = now();
      if (t - windowStart >= WINDOW_MS) {
        report();
        windowStart = t;
        logged = 0;
      }
      if (logged < REFUSAL_LOG_LIMIT) {
        logged++;
        log.warn(msg, { ...fields, ...f });
        if (logged === REFUSAL_LOG_LIMIT) log.warn('too many refusals: logging paused for this connection', fields);
      } else suppressed++;
    },
    close: report,
  };
}
