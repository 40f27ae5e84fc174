import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  adminToken: string | undefined;
  publicUrl: string | undefined;
  tls: { cert: Buffer; key: Buffer } | undefined;
  staticDir: string;
  /** PostgreSQL instead of the SQLite file in DATA_DIR: the clustered mode's single source of truth. */
  databaseUrl: string | undefined;
  /** Redis for the fan-out between the nodes of a cluster; with it this process is one node. */
  redisUrl: string | undefined;
  /** This node's name in the cluster: unique per process (default: host, process id and a random part). */
  nodeId: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  if ((env.TLS_CERT === undefined) !== (env.TLS_KEY === undefined)) throw new Error('Set both TLS_CERT and TLS_KEY, or neither');
  if (env.REDIS_URL && !env.DATABASE_URL) throw new Error('A cluster (REDIS_URL) runs on PostgreSQL: set DATABASE_URL too');
  if (env.REDIS_URL && !env.ADMIN_TOKEN) throw new Error('The nodes of a cluster share one admin token: set ADMIN_TOKEN');
  return {
    port,
    // Tablets reach the server over the LAN, so listen on every interface by default.
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    adminToken: env.ADMIN_TOKEN || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    tls: env.TLS_CERT && env.TLS_KEY ? { cert: readFileSync(env.TLS_CERT), key: readFileSync(env.TLS_KEY) } : undefined,
    staticDir: resolve(env.STATIC_DIR ?? 'dist/client'),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    nodeId: env.NODE_ID || `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
  };
}
