import type { ElectionService } from '../meetings/electionService.ts';
import type { MeetingService } from '../meetings/meetingService.ts';
import { OWNER_SILENT, type MeetingRouter } from './meetingRouter.ts';

/**
 * The methods that decide on a meeting's state, by service: in a cluster they run on the
 * meeting's owner. Each takes the meeting id first and answers a Result (JSON, so it can travel).
 */
export const ROUTED_METHODS = {
  meetings: [
    'castBallot',
    'setAttendance',
    'memberSelf',
    'selectItem',
    'openPoll',
    'closePoll',
    'publishPoll',
    'challengeQuorum',
    'setExclusion',
    'recordHandCount',
    'invalidatePoll',
    'setDecisionKind',
    'addAmendment',
    'moveAmendment',
    'removeAmendment',
    'setRecordedVote',
    'setGroupWise',
    'reload',
  ],
  elections: ['setup', 'addCandidate', 'withdrawCandidate', 'demandSecret', 'openRound', 'recordHandCount', 'drawLot'],
} as const satisfies { meetings: readonly (keyof MeetingService)[]; elections: readonly (keyof ElectionService)[] };

export type RoutedTarget = keyof typeof ROUTED_METHODS;

/**
 * The same service, with every routed method sent to the meeting's owner. `open` on a meeting
 * owned elsewhere reads the stored state without keeping it (exports, the admin view). Anything
 * else (get, subscribe, create) stays local.
 */
export function routed<T extends MeetingService | ElectionService>(service: T, target: RoutedTarget, router: MeetingRouter): T {
  const methods = new Set<string>(ROUTED_METHODS[target]);
  return new Proxy(service, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (target === 'meetings' && prop === 'open') {
        const meetings = obj as MeetingService;
        return async (meetingId: string) => ((await router.whereIs(meetingId)) === 'local' ? meetings.open(meetingId) : meetings.read(meetingId));
      }
      if (typeof prop !== 'string' || !methods.has(prop)) return method.bind(obj);
      return (meetingId: string, ...rest: unknown[]) =>
        router.run(meetingId, () => method.call(obj, meetingId, ...rest), { kind: 'call', target, method: prop, args: [meetingId, ...rest] }, OWNER_SILENT);
    },
  });
}

/** The owner's side: runs a routed call that arrived through the relay on the local service. */
export function runRouted(services: { meetings: MeetingService; elections: ElectionService }, target: string, method: string, args: unknown[]): Promise<unknown> {
  const allowed = (ROUTED_METHODS as Record<string, readonly string[]>)[target];
  if (!allowed?.includes(method)) return Promise.reject(new Error(`not a routed method: ${target}.${method}`));
  const service = services[target as RoutedTarget] as unknown as Record<string, (...a: unknown[]) => unknown>;
  return Promise.resolve(service[method]!(...args));
}
