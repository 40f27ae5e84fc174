import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createAdminRoutes } from './http/adminRoutes.ts';
import { createApi } from './http/api.ts';
import { createAuth } from './http/auth.ts';
import { createExportRoutes } from './http/exportRoutes.ts';
import { createHealthRoutes } from './http/healthRoutes.ts';
import { createReceiptRoutes } from './http/receiptRoutes.ts';
import { createSetupRoutes } from './http/setupRoutes.ts';
import { HttpError, sendJson } from './http/respond.ts';
import { securityHeaders } from './http/securityHeaders.ts';
import { serveStatic } from './http/staticFiles.ts';
import { createLogger, type Logger } from './logger.ts';
import { ElectionService } from './meetings/electionService.ts';
import { MeetingService } from './meetings/meetingService.ts';
import { attachRealtime } from './realtime/realtime.ts';
import { rooms } from './realtime/types.ts';
import { openSqliteStorage } from './storage/sqliteStorage.ts';
import type { Storage } from './storage/storage.ts';
import { PostgresMeetingStorage } from './storage/postgres/postgresMeetingStorage.ts';
import type { ClusterNode } from './cluster/cluster.ts';

export interface AppOptions {
  /** The embedded SQLite file, unless a storage is given (PostgreSQL: server/storage/postgres/). */
  dbFile: string;
  storage?: Storage;
  /** This process as one node of a cluster (PostgreSQL storage required): server/cluster/. */
  cluster?: ClusterNode;
  adminToken: string;
  /** The built client (dist/client). */
  staticDir: string;
  publicUrl?: string;
  tls?: { cert: Buffer; key: Buffer };
  log?: Logger;
}

/** How long requests under way may still take when the server stops (`close`). */
const CLOSE_GRACE_MS = 1_000;

/** The composition root: storage, core service, HTTP and realtime wired together. */
export function createApp(options: AppOptions) {
  const log = options.log ?? createLogger();
  const sqlite = options.storage
    ? undefined
    : openSqliteStorage(options.dbFile, {
        // Every commit fails from here on (its sender is told); /healthz answers 503.
        onCrash: (error) => log.error('SQLite writer thread failed, nothing can be stored', { error: String(error) }),
        onWalKept: () => log.warn('a secret ballot\'s commit could not truncate the SQLite WAL (a reader held an old snapshot, or the checkpoint failed); it is truncated with the next secret commit or restart'),
      });
  const storage = options.storage ?? sqlite!;
  const { tokens, setup } = storage;
  const local = new MeetingService(storage.meetings);
  const localElections = new ElectionService(local);
  let commands = { service: local, elections: localElections };
  if (options.cluster) {
    const meetings = storage.meetings;
    if (!(meetings instanceof PostgresMeetingStorage)) throw new Error('A cluster runs on PostgreSQL: set DATABASE_URL');
    // In a cluster, commands from sockets and HTTP run on each meeting's owner.
    commands = options.cluster.route({ ...commands, meetings });
  }
  const { service, elections } = commands;
  const auth = createAuth(options.adminToken, tokens);
  // Devices still connected with a revoked member link or card.
  const disconnectMember = (meetingId: string, memberId: string) => io.in(rooms.member(meetingId, memberId)).disconnectSockets(true);
  const health = createHealthRoutes({ ping: () => storage.ping(), log });
  const routes = [
    health.route,
    createSetupRoutes({ service, tokens, setup, auth, log, publicUrl: options.publicUrl }),
    createExportRoutes({ service, auth }),
    createReceiptRoutes({ service, auth }),
    createAdminRoutes({ service, setup, tokens, auth, publicUrl: options.publicUrl, onCardReissued: disconnectMember }),
  ];
  const api = createApi({
    service,
    tokens,
    auth,
    log,
    publicUrl: options.publicUrl,
    routes,
    onLinkReissued: disconnectMember,
  });

  const headers = securityHeaders({ tls: options.tls !== undefined });
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    api(req, res)
      .then((handled) => {
        if (handled) return;
        if (serveStatic(options.staticDir, req, res)) return;
        sendJson(res, 404, { error: 'Not found' });
      })
      .catch((error: unknown) => {
        log.error('request failed', { error: String(error) });
        if (!res.headersSent) sendJson(res, error instanceof HttpError ? error.status : 500, { error: 'Internal error' });
      });
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, onRequest) : createHttpServer(onRequest);
  const realtime = attachRealtime(server, {
    service: local,
    elections: localElections,
    tokens,
    log,
    publicUrl: options.publicUrl,
    ...(options.cluster
      ? { cluster: { router: options.cluster.router, commands: { service, elections }, requestSnapshot: options.cluster.requestSnapshot } }
      : {}),
  });
  const { io } = realtime;
  options.cluster?.attach(io, realtime.snapshotTo);
  // Socket.IO answers its HTTP requests (long-polling) itself, past onRequest.
  io.engine.on('headers', (engineHeaders: Record<string, string>) => Object.assign(engineHeaders, headers));

  return {
    server,
    io,
    /** This process's meeting service (in a cluster: the meetings it owns). */
    service: local,
    storage,
    setup,
    tokens,
    /** `health.drain()`: /healthz answers 503 from then on (call it first when shutting down). */
    health: { drain: health.drain },
    /** The SQLite file's connection; undefined on PostgreSQL. */
    db: sqlite?.db,
    listen(port: number, host = '127.0.0.1'): Promise<AddressInfo> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(server.address() as AddressInfo));
      });
    },
    async close(): Promise<void> {
      // Closing the HTTP server waits for every connection to end, and one that never sends a
      // request (a browser's speculative preconnect) or never finishes one (a tablet that lost
      // the Wi-Fi mid-request) would hold the shutdown until Node's own timeouts, 60 s and more.
      // Requests under way get a moment to finish; then every connection still open is cut.
      const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      try {
        await realtime.close();
      } finally {
        clearTimeout(cut);
      }
      await options.cluster?.close();
      await storage.close();
    },
  };
}

export type App = ReturnType<typeof createApp>;
