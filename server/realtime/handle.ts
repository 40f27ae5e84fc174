import * as v from 'valibot';
import { describeIssues } from '../../shared/protocol/meetingSpec.ts';
import { fail, type Result } from '../../shared/protocol/result.ts';
import type { Principal } from '../storage/tokenStore.ts';
import type { Logger } from '../logger.ts';
import { maySend, type Command } from './commandRoles.ts';
import type { AppSocket } from './types.ts';

/**
 * Registers one command with its schema, if the socket's role may send it (commandRoles.ts):
 * a listener for every command on every socket cost ≈ 5 KB a tablet, 50 MB at 10,000. Every
 * path ends in exactly one acknowledgement; bad input is answered and logged, never thrown.
 */
export function handle<S extends v.GenericSchema, T>(
  socket: AppSocket,
  log: Logger,
  event: Command,
  schema: S,
  run: (input: v.InferOutput<S>, principal: Principal) => Result<T> | Promise<Result<T>>,
): void {
  const principal = socket.data.principal;
  if (!maySend(principal.role, event)) return;
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
      log.warn('event with missing or extra payload refused', { event, role: principal.role });
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
