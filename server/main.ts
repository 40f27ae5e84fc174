import { join } from 'node:path';
import { loadAdminToken } from './adminToken.ts';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { ensureDemoMeeting } from './demo/seedDemo.ts';
import { createLogger } from './logger.ts';
import { openPostgresStorage } from './storage/postgres/postgresStorage.ts';
import { connectCluster } from './cluster/cluster.ts';

const config = readConfig();
const log = createLogger();
const admin = loadAdminToken(config.dataDir, config.adminToken);
const logError = (what: string) => (error: Error) => log.error(what, { error: String(error) });
if (config.redisUrl) {
  // A fan-out message the Redis adapter could not send in time (an overloaded Redis) rejects
  // inside the library, where nobody awaits it. It must not take the node down mid-meeting:
  // the devices get the state with the next snapshot. Logged, so it is seen.
  process.on('unhandledRejection', logError('unhandled rejection'));
}
const cluster =
  config.redisUrl && config.databaseUrl
    ? await connectCluster({
        databaseUrl: config.databaseUrl,
        redisUrl: config.redisUrl,
        nodeId: config.nodeId,
        onError: logError('redis connection failed'),
        // Another node may own this node's meetings by now: stop at once, the devices move on.
        onLost: (error) => {
          log.error('ownership session lost, stopping', { error: String(error) });
          process.exit(1);
        },
      })
    : undefined;
const app = createApp({
  dbFile: join(config.dataDir, 'handzeichen.sqlite'),
  ...(config.databaseUrl ? { storage: await openPostgresStorage(config.databaseUrl, { onError: logError('database connection lost') }) } : {}),
  ...(cluster ? { cluster } : {}),
  adminToken: admin.token,
  staticDir: config.staticDir,
  publicUrl: config.publicUrl,
  tls: config.tls,
  log,
});
const address = await app.listen(config.port, config.host);
const base = (config.publicUrl ?? `${config.tls ? 'https' : 'http'}://localhost:${address.port}`).replace(/\/$/, '');
const rebase = (url: string) => url.replace(/^https?:\/\/[^/]+/, base);

// A cluster's nodes share one database: meetings come from the admin view or an import there.
const demo = cluster ? undefined : await ensureDemoMeeting(config.dataDir, { service: app.service, meetings: app.storage.meetings }, base);
const lines = [`Handzeichen läuft auf ${base} (Daten: ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}${cluster ? `, Knoten ${config.nodeId}` : ''})`];
if (!base.startsWith('https:') && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/.test(base)) {
  lines.push('Hinweis: ohne HTTPS starten Tablets nicht offline und halten den Bildschirm nicht an (README, „Running on a network“).');
}
if (admin.generated) lines.push(`Admin-Token (gespeichert in ${join(config.dataDir, 'admin-token')}): ${admin.token}`);
if (demo) {
  lines.push('', 'Demo-Sitzung:', `  Sitzungsleitung: ${rebase(demo.chairUrl)}`, `  Saalanzeige:     ${rebase(demo.displayUrl)}`, '  Mitglieder:');
  for (const m of demo.members) lines.push(`    ${m.name.padEnd(18)} ${rebase(m.joinUrl)}`);
}
process.stdout.write(lines.join('\n') + '\n');

/**
 * In a cluster the load balancer is told first (/healthz answers 503) and given time to notice
 * (deploy/haproxy.cfg checks every 2 s, twice) before the node's devices are cut off: they then
 * reconnect to another node. One process alone has nobody to hand over to.
 */
const DRAIN_MS = cluster ? 5_000 : 0;
const shutdown = () => {
  app.health.drain();
  setTimeout(() => void app.close().then(() => process.exit(0)), DRAIN_MS);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
