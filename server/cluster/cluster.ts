import type { Viewer } from '../../shared/meeting/project.ts';
import type { ElectionService } from '../meetings/electionService.ts';
import type { MeetingService } from '../meetings/meetingService.ts';
import type { AppServer } from '../realtime/types.ts';
import type { PostgresMeetingStorage } from '../storage/postgres/postgresMeetingStorage.ts';
import { MeetingRouter, type RoutedAnswer, type RoutedCall } from './meetingRouter.ts';
import { fenceOwnership, MeetingOwnership } from './ownership.ts';
import { connectRedisAdapter } from './redisAdapter.ts';
import { Relay } from './relay.ts';
import { routed, runRouted } from './routedServices.ts';

export interface ClusterOptions {
  databaseUrl: string;
  redisUrl: string;
  /** Unique per process: it names the node's relay channel and its rows in meeting_owners. */
  nodeId: string;
  onError: (error: Error) => void;
  /**
   * The node's PostgreSQL session ended: every meeting it owned may be another node's by now.
   * The process should stop serving (exit); its devices reconnect to the other nodes.
   */
  onLost: (error: Error) => void;
}

type SnapshotTo = (meetingId: string, socketId: string, viewer: Viewer) => boolean;

/** What the composition root gets to wire a node's services into the cluster. */
export interface ClusterNode {
  router: MeetingRouter;
  /**
   * The node's services as its sockets and HTTP routes use them: their commands run on each
   * meeting's owner. Commits are fenced by ownership from now on.
   */
  route(parts: { service: MeetingService; elections: ElectionService; meetings: PostgresMeetingStorage }): { service: MeetingService; elections: ElectionService };
  /** The Socket.IO server fans out through Redis; `snapshotTo` answers other nodes' devices. */
  attach(io: AppServer, snapshotTo: SnapshotTo): void;
  /** Asks the meeting's owner (maybe this node) to send a device its first snapshot. */
  requestSnapshot(meetingId: string, socketId: string, viewer: Viewer): Promise<void>;
  /** After the Socket.IO server is closed: it unsubscribes through the adapter's connections. */
  close(): Promise<void>;
}

/**
 * Connects a node to the cluster: its ownership session on PostgreSQL, the relay and the
 * Socket.IO adapter on Redis. See README.md beside this file for the design.
 */
export async function connectCluster(options: ClusterOptions): Promise<ClusterNode> {
  const { nodeId } = options;
  const ownership = new MeetingOwnership(options.databaseUrl, nodeId);
  ownership.onLost(options.onLost);
  let services: { meetings: MeetingService; elections: ElectionService } | undefined;
  let snapshotTo: SnapshotTo | undefined;
  const router = new MeetingRouter(ownership, (meetingId) => services?.meetings.drop(meetingId));
  /** Here, on the owner: the device's snapshot from the state in memory (read if need be). */
  const sendSnapshot = async (meetingId: string, socketId: string, viewer: Viewer) => {
    await services?.meetings.open(meetingId);
    return snapshotTo?.(meetingId, socketId, viewer) ?? false;
  };
  const relay = await Relay.start<RoutedCall, RoutedAnswer>(
    options.redisUrl,
    nodeId,
    async (call) => {
      const meetingId = call.kind === 'hello' ? call.meetingId : String(call.args[0]);
      if (!services || !ownership.owns(meetingId)) return { kind: 'notOwner' };
      if (call.kind === 'hello') return { kind: 'done', value: await sendSnapshot(meetingId, call.socketId, call.viewer as Viewer) };
      return { kind: 'done', value: await runRouted(services, call.target, call.method, call.args) };
    },
    options.onError,
  );
  router.connect(relay);
  const adapter = await connectRedisAdapter(options.redisUrl, options.onError);

  return {
    router,
    route({ service, elections, meetings }) {
      meetings.fence = (client, meetingIds) => fenceOwnership(client, meetingIds, nodeId);
      services = { meetings: service, elections };
      return { service: routed(service, 'meetings', router), elections: routed(elections, 'elections', router) };
    },
    attach(io, send) {
      adapter.install(io);
      snapshotTo = send;
    },
    async requestSnapshot(meetingId, socketId, viewer) {
      const hello: RoutedCall = { kind: 'hello', meetingId, socketId, viewer };
      if (!(await router.run(meetingId, () => sendSnapshot(meetingId, socketId, viewer), hello, false))) {
        throw new Error(`meeting ${meetingId}: no snapshot for ${socketId}`);
      }
    },
    async close() {
      await relay.close();
      await adapter.close();
      await ownership.close();
    },
  };
}
