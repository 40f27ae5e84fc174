import { spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import pg from 'pg';
import { exited, freePort, spawnEngine, systemUser, track, waitUntil } from './process.ts';

/**
 * A throwaway PostgreSQL for tests: its own data directory in a temp dir, on 127.0.0.1 at a
 * random port, gone after stop(). A real server (no pg-mem), with fsync and synchronous commit
 * on, so tests of durability test what production does. initdb runs with --no-sync: a freshly
 * made cluster need not survive a power cut, the commits made afterwards must.
 *
 * Root (these tests and CI run as root) may not run initdb or postgres; both then run as the
 * `postgres` system user that Debian's postgresql-common package creates.
 */

export interface TestPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres — trust auth, the superuser. */
  url: string;
  /** A new empty database on this server, for a test that wants its own schema. */
  createDatabase(name?: string): Promise<string>;
  /** Immediate shutdown (the signal `pg_ctl stop -m immediate` sends) and the temp dir removed. Idempotent. */
  stop(): Promise<void>;
}

/** The newest installed major version's bin dir; PG_BIN overrides. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error(`no PostgreSQL server under ${root}/*/bin: apt-get install postgresql (.ci/run does)`);
  return join(root, versions[0]!, 'bin');
}

/** Who runs the server: ourselves, or the `postgres` user when we are root. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const user = systemUser('postgres');
  if (!user) throw new Error('running as root, and there is no `postgres` system user to run initdb and postgres as (apt-get install postgresql creates it)');
  return user;
}

let counter = 0;

/**
 * A freshly initdb'd cluster shared by every test process of this user and server build, made
 * once (in a private dir, then renamed into place, so a concurrent test never sees half of
 * one). Copying it (~40 MB) is several times faster than initdb.
 */
function clusterTemplate(bin: string, user: { uid: number; gid: number } | undefined): string {
  const build = Math.round(statSync(join(bin, 'postgres')).mtimeMs).toString(36);
  const template = join(tmpdir(), `handzeichen-pg-template-${basename(dirname(bin))}-${build}-${process.getuid?.() ?? 0}`);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  const work = mkdtempSync(`${template}.partial-`);
  try {
    if (user) chownSync(work, user.uid, user.gid);
    const drop = user ? ['setpriv', `--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--'] : [];
    const initdb = [join(bin, 'initdb'), '-D', join(work, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions'];
    const argv = [...drop, ...initdb];
    const init = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', cwd: work });
    if (init.status !== 0) throw new Error(`initdb failed (${init.status}):\n${init.stderr || init.stdout || init.error}`);
    try {
      renameSync(join(work, 'data'), template);
    } catch (e) {
      // Another test process won the race: use its template.
      if (!existsSync(join(template, 'PG_VERSION'))) throw e;
    }
    return template;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'handzeichen-pg-'));
  const data = join(dir, 'data');
  if (user) chownSync(dir, user.uid, user.gid);
  const logFile = join(dir, 'server.log');
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : '');

  let child: ChildProcess | undefined;
  let untrack = () => {};
  try {
    // initdb is most of the start-up time: run it once per installed server and copy the result.
    const copy = spawnSync('cp', ['-a', clusterTemplate(bin, user), data], { encoding: 'utf8' });
    if (copy.status !== 0) throw new Error(`copying the initdb template failed:\n${copy.stderr}`);

    // The port may be taken between freePort() and postgres binding it: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const logFd = openSync(logFile, 'a');
      child = spawnEngine(join(bin, 'postgres'), [
        '-D', data,
        '-c', 'listen_addresses=127.0.0.1',
        '-c', `port=${port}`,
        '-c', `unix_socket_directories=${dir}`,
        '-c', 'fsync=on',
        '-c', 'synchronous_commit=on',
        '-c', 'full_page_writes=on',
        '-c', 'max_connections=60',
        // Stay out of the way of other test processes on two shared cores.
        '-c', 'shared_buffers=32MB',
      ], { user, logFd, cwd: dir, signal: 'SIGQUIT' });
      closeSync(logFd);
      untrack = track(child, dir, 'SIGQUIT');
      const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      try {
        await waitUntil(() => canQuery(url), child, 20_000, 'postgres', log);
      } catch (e) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await exited(child);
        untrack();
        if (attempt < 3 && /already in use|could not bind/i.test(log())) continue;
        throw e;
      }
      return handle(url, child, dir, untrack);
    }
  } catch (e) {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
    untrack();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

async function canQuery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function handle(url: string, child: ChildProcess, dir: string, untrack: () => void): TestPostgres {
  let stopping: Promise<void> | undefined;
  return {
    url,
    async createDatabase(name = `t${process.pid}_${++counter}`) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    },
    stop() {
      stopping ??= (async () => {
        // SIGQUIT is PostgreSQL's immediate shutdown: no checkpoint, the cluster is thrown away anyway.
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
        const killed = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited(child);
        clearTimeout(killed);
        untrack();
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}
