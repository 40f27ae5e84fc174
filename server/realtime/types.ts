import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events.ts';
import type { Principal } from '../storage/tokenStore.ts';

export interface SocketData {
  principal: Principal;
}

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Room names: the chair's and the display's of a meeting, and one per member (a member may have two devices). */
export const rooms = {
  chair: (meetingId: string) => `${meetingId}:chair`,
  display: (meetingId: string) => `${meetingId}:display`,
  member: (meetingId: string, memberId: string) => `${meetingId}:member:${memberId}`,
};
