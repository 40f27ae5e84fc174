import { fail, type Result } from '../../shared/protocol/result.ts';
import type { Principal } from '../storage/tokenStore.ts';
import type { Logger } from '../logger.ts';
import { isCommand } from './commandRoles.ts';
import type { RateLimiter } from './rateLimit.ts';
import type { AppSocket } from './types.ts';

/** One token bucket per role: each role's budget fits what its screen legitimately sends. */
export type RoleLimiters = Record<Principal['role'], RateLimiter>;

/**
 * Runs before every handler of a connection: every event is rate-limited per token holder
 * (member, or the meeting's chair or display), another role's event is refused as forbidden,
 * and an event nobody handles gets an error acknowledgement instead of silence (a client
 * waiting for an ack must never hang). Log lines for a flood are limited too: one per refusal
 * streak here, and `log` is the connection's rate-limited log, so an attacker cannot fill the disk.
 */
export function guardSocket(socket: AppSocket, limiters: RoleLimiters, log: Logger): void {
  const p = socket.data.principal;
  const key = p.role === 'member' ? `${p.meetingId}:${p.memberId}` : p.meetingId;
  const limiter = limiters[p.role];
  let refusing = false;
  socket.use((packet, next) => {
    const [event] = packet;
    if (!limiter.take(key)) {
      if (!refusing) log.warn('rate limit: events refused', { role: p.role, meetingId: p.meetingId });
      refusing = true;
      return replyTo(packet, fail('rate_limited', 'Too many requests; please wait a moment'));
    }
    refusing = false;
    if (typeof event !== 'string' || socket.listenerCount(event) === 0) {
      // A socket listens only for its own role's commands (commandRoles.ts).
      if (isCommand(event)) {
        log.warn('event refused for role', { event, role: p.role });
        return replyTo(packet, fail('forbidden', `${event} is not allowed for ${p.role}`));
      }
      log.warn('unknown event', { event: String(event).slice(0, 64), role: p.role });
      return replyTo(packet, fail('invalid_payload', 'Unknown event'));
    }
    next();
  });
}

/**
 * Answers a refused event through its acknowledgement, if it has one. A function of its own rather
 * than a closure made per event: every ballot of a burst passes the guard.
 */
function replyTo(packet: unknown[], r: Result<unknown>): void {
  const ack = packet[packet.length - 1];
  if (typeof ack === 'function') (ack as (r: Result<unknown>) => void)(r);
}
