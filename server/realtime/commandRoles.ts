import type { ClientToServerEvents } from '../../shared/protocol/events.ts';
import type { Principal } from '../storage/tokenStore.ts';

export type Command = keyof ClientToServerEvents;
type Role = Principal['role'];

const MEMBER = ['member'] as const;
const CHAIR = ['chair'] as const;

/**
 * Who may send which command, for every event a client can send (the type makes the table
 * complete). A socket listens only for its own role's commands (handle.ts): a tablet for three,
 * not all 26. The guard (guard.ts) refuses another role's command as forbidden; the display
 * sends none.
 */
const COMMAND_ROLES: { readonly [C in Command]: readonly Role[] } = {
  'ballot:cast': MEMBER,
  'attendance:self': MEMBER,
  'record:own': MEMBER,
  'item:select': CHAIR,
  'poll:open': CHAIR,
  'poll:close': CHAIR,
  'poll:publish': CHAIR,
  'member:reissueLink': CHAIR,
  'attendance:set': CHAIR,
  'exclusion:set': CHAIR,
  'quorum:challenge': CHAIR,
  'poll:handCount': CHAIR,
  'poll:invalidate': CHAIR,
  'item:decisionKind': CHAIR,
  'motion:add': CHAIR,
  'motion:move': CHAIR,
  'motion:remove': CHAIR,
  'record:set': CHAIR,
  'poll:groupWise': CHAIR,
  'election:setup': CHAIR,
  'election:addCandidate': CHAIR,
  'election:withdrawCandidate': CHAIR,
  'election:demandSecret': CHAIR,
  'election:openRound': CHAIR,
  'election:drawLot': CHAIR,
  'election:handCount': CHAIR,
};

export const isCommand = (event: unknown): event is Command => typeof event === 'string' && Object.hasOwn(COMMAND_ROLES, event);

export const maySend = (role: Role, command: Command): boolean => COMMAND_ROLES[command].includes(role);
