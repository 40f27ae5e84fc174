import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface NodeProcess {
  url: string;
  port: number;
  /** The running process's id (the benchmark reads its RSS and CPU time from /proc). */
  pid(): number | undefined;
  /** kill -9, as a crash or a pulled plug; resolves once the process is gone. */
  killHard(): Promise<void>;
  /** Starts the node again on the same port, with the same name. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One node of a cluster as its own process (`node --import tsx server/main.ts`, as in
 * production), for tests and the benchmark that kill nodes for real.
 */
export async function startNodeProcess(env: { DATABASE_URL: string; REDIS_URL: string; ADMIN_TOKEN: string; NODE_ID: string; PORT: number }): Promise<NodeProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), `handzeichen-${env.NODE_ID}-`));
  let child: ChildProcess | undefined;
  const start = () =>
    new Promise<void>((res, rej) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, ...env, PORT: String(env.PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG ?? 'silent' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child = proc;
      let out = '';
      proc.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Handzeichen läuft')) res();
      });
      proc.once('exit', (code) => rej(new Error(`node ${env.NODE_ID} exited early (${code}): ${out}`)));
    });
  const kill = (signal: NodeJS.Signals) =>
    new Promise<void>((res) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return res();
      child.once('exit', () => res());
      child.kill(signal);
    });
  await start();
  return {
    url: `http://127.0.0.1:${env.PORT}`,
    port: env.PORT,
    pid: () => child?.pid,
    killHard: () => kill('SIGKILL'),
    restart: start,
    async stop() {
      await kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
