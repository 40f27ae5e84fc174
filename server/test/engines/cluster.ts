import { startNodeProcess, type NodeProcess } from '../../cluster/nodeProcess.ts';
import { startHaproxy, type TestHaproxy } from './haproxy.ts';
import { startPostgres, type TestPostgres } from './postgres.ts';
import { freePort } from './process.ts';
import { startRedis, type TestRedis } from './redis.ts';

export interface TestCluster {
  databaseUrl: string;
  /** HAProxy in front of the nodes: where devices connect. */
  lb: TestHaproxy;
  /** node-a, node-b, …: each its own `server/main.ts` process. */
  nodes: NodeProcess[];
  stop(): Promise<void>;
}

/** A throwaway cluster: PostgreSQL, Redis, `count` node processes and HAProxy, all on loopback. */
export async function startTestCluster(adminToken: string, count = 2): Promise<TestCluster> {
  let postgres: TestPostgres | undefined;
  let redis: TestRedis | undefined;
  let lb: TestHaproxy | undefined;
  const nodes: NodeProcess[] = [];
  const stop = async () => {
    await lb?.stop();
    for (const n of nodes) await n.stop();
    await Promise.all([postgres?.stop(), redis?.stop()]);
  };
  try {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const databaseUrl = await postgres.createDatabase();
    const ports: number[] = [];
    // One after the other: the first migrates the empty database (an advisory lock orders them anyway).
    for (let i = 0; i < count; i++) {
      ports.push(await freePort());
      const NODE_ID = `node-${String.fromCharCode(97 + i)}`;
      nodes.push(await startNodeProcess({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url, ADMIN_TOKEN: adminToken, NODE_ID, PORT: ports[i]! }));
    }
    lb = await startHaproxy(ports);
    return { databaseUrl, lb, nodes, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
