import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.ts';
import { HttpError, sendJson } from './respond.ts';

/** Longer than a healthy store ever takes for `SELECT 1`, shorter than the load balancer's 2 s check interval. */
const PING_TIMEOUT_MS = 1000;

export interface HealthDeps {
  /** The storage's trivial query. */
  ping: () => Promise<void>;
  log: Logger;
}

/**
 * `GET /healthz` for the load balancer (deploy/haproxy.cfg): 200 while this node can serve,
 * 503 when its storage does not answer or it is draining. No auth: it says nothing but up or
 * down, and the reason never carries the database's error text (host names, users).
 */
export function createHealthRoutes(deps: HealthDeps) {
  let draining = false;
  // One ping at a time: against a database that hangs, checks every 2 s must not pile up
  // waiting connections on the pool the meetings need.
  let inflight: Promise<void> | undefined;
  let lastReason: string | undefined;

  async function storageProblem(): Promise<{ reason: string; error?: unknown } | undefined> {
    inflight ??= deps.ping().finally(() => (inflight = undefined));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<{ reason: string }>((resolve) => (timer = setTimeout(resolve, PING_TIMEOUT_MS, { reason: 'storage timeout' })));
    try {
      return await Promise.race([inflight.then(() => undefined), timedOut]);
    } catch (error) {
      return { reason: 'storage error', error };
    } finally {
      clearTimeout(timer);
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    if (pathname !== '/healthz') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Use GET');
    const problem = draining ? { reason: 'draining' } : await storageProblem();
    // Logged when the state changes, not on every check of every load balancer.
    if (problem?.reason !== lastReason) {
      if (problem) deps.log.warn('health check failing', { reason: problem.reason, ...('error' in problem ? { error: String(problem.error) } : {}) });
      else deps.log.info('health check passing again');
      lastReason = problem?.reason;
    }
    if (problem) sendJson(res, 503, { status: 'unavailable', reason: problem.reason });
    else sendJson(res, 200, { status: 'ok' });
    return true;
  }

  return {
    route,
    /** Answers 503 from now on, so the load balancer sends new connections elsewhere before this node shuts down. */
    drain(): void {
      draining = true;
    },
  };
}
