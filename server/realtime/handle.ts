import * as v from 'valibot';
import { describeIssues } from '../../shared/protocol/meetingSpec.ts';
import { fail, type Result } from '../../shared/protocol/result.ts';
import type { Principal } from '../storage/tokenStore.ts';
import type { Logger } from '../logger.ts';
import type { AppSocket } from './types.ts';

type Role = Principal['role'];

/** Every event some role may send, as registered below (see `isCommand`). */
const commands = new Set<string>();

/**
 * Whether some role may send `event`. Complete once one connection has registered its handlers:
 * every connection calls every `register…Handlers`, and those name each event whatever the role.
 */
export const isCommand = (event: string): boolean => commands.has(event);

/**
 * Registers one event with its schema and the roles allowed to send it. Every path ends in
 * exactly one acknowledgement; bad input is answered and logged, never thrown.
 *
 * A socket listens only for the events its role may send: a tablet for three, not all 26 (the
 * listeners cost ≈ 5 KB a tablet, 50 MB at 10,000). Another role's event then reaches no
 * listener, and the guard (guard.ts) answers it as forbidden.
 */
export function handle<S extends v.GenericSchema, T>(
  socket: AppSocket,
  log: Logger,
  event: string,
  roles: readonly Role[],
  schema: S,
  run: (input: v.InferOutput<S>, principal: Principal) => Result<T> | Promise<Result<T>>,
): void {
  commands.add(event);
  const principal = socket.data.principal;
  if (!roles.includes(principal.role)) return;
  (socket as unknown as { on(e: string, f: (...args: unknown[]) => void): void }).on(event, async (...args: unknown[]) => {
    const ack = args[args.length - 1];
    if (typeof ack !== 'function') {
      // Without an acknowledgement there is nobody to answer; commands always carry one.
      log.warn('event without acknowledgement ignored', { event, socket: socket.id });
      return;
    }
    // Not a closure: this runs for every ballot of a burst.
    const reply = ack as (r: Result<unknown>) => void;
    if (args.length !== 2) {
      log.warn('event with missing or extra payload refused', { event, role: socket.data.principal.role });
      return reply(fail('invalid_payload', 'Expected exactly one payload'));
    }
    const parsed = v.safeParse(schema, args[0]);
    if (!parsed.success) {
      const message = describeIssues(parsed.issues);
      log.warn('invalid payload', { event, role: principal.role, message });
      return reply(fail('invalid_payload', message));
    }
    try {
      reply(await run(parsed.output, principal));
    } catch (error) {
      log.error('handler failed', { event, error: String(error) });
      reply(fail('internal', 'Internal error'));
    }
  });
}
