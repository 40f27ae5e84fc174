import { spawn } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';
import { MeetingOwnership } from '../server/cluster/ownership.ts';
import { migrate } from '../server/storage/postgres/migrate.ts';
import { startPostgres } from '../server/test/engines/postgres.ts';
import { median } from './stats.ts';

/**
 * How long a meeting is without an owner when its owner's process is killed with -9: a child
 * process takes the meeting, is SIGKILLed, and this process polls acquire() until it gets it.
 * Prints each round and the median; asserts nothing.
 *
 *   npx tsx bench/ownershipTakeover.ts [rounds=5]
 */
if (process.argv[2] === '--owner') {
  // The child: own the meeting, say so, wait to be killed.
  const ownership = new MeetingOwnership(process.argv[3]!, 'node-killed');
  if (!(await ownership.acquire('m1'))) throw new Error('child could not take m1');
  process.stdout.write('owned\n');
  setInterval(() => {}, 60_000);
} else {
  const rounds = Number(process.argv[2] ?? 5);
  const postgres = await startPostgres();
  const url = await postgres.createDatabase();
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  await migrate(pool);
  await pool.end();
  const survivor = new MeetingOwnership(url, 'node-survivor');
  const samples: number[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, '--owner', url], { stdio: ['ignore', 'pipe', 'inherit'] });
      const [line] = (await once(child.stdout!, 'data')) as [Buffer];
      if (line.toString().trim() !== 'owned') throw new Error(`child said ${line.toString()}`);
      if (await survivor.acquire('m1')) throw new Error('the survivor got m1 while the child held it');
      const exited = once(child, 'exit');
      const killedAt = performance.now();
      child.kill('SIGKILL');
      while (!(await survivor.acquire('m1'))) await new Promise((r) => setTimeout(r, 1));
      const ms = performance.now() - killedAt;
      samples.push(ms);
      console.log(`round ${round}: owner killed -9 → other node owns the meeting after ${ms.toFixed(1)} ms`);
      await survivor.release('m1');
      await exited;
    }
    console.log(`median of ${rounds}: ${median(samples).toFixed(1)} ms`);
  } finally {
    await survivor.close();
    await postgres.stop();
  }
}
