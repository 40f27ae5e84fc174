import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditLog } from '../server/audit/auditLog.ts';
import { AuditedMeetingStore } from '../server/audit/auditedStore.ts';
import { MeetingService } from '../server/meetings/meetingService.ts';
import { openDatabase } from '../server/storage/database.ts';
import { SqliteMeetingStorage } from '../server/storage/sqliteMeetingStorage.ts';
import { TokenStore } from '../server/storage/tokenStore.ts';
import { AuditedSetupStore } from '../server/audit/auditedSetupStore.ts';
import type { StoreWrite } from '../server/storage/storeWrites.ts';
import { plainMeeting } from '../server/test/plainMeeting.ts';
import { percentile } from './stats.ts';

/**
 * What the SQLite writer thread spends per ballot, without sockets, clients or a second thread:
 * group commits of ballots written on one connection to a real file (WAL, fsync on commit),
 * with their audit entries, receipts and hashes, as `sqliteWriterThread.ts` writes them.
 * Deterministic enough to compare two versions of the storage code on this noisy machine
 * (`npx tsx bench/writerBatch.ts`); the vote scenario of `bench/run.ts` shows what it means end to end.
 */

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '2000' },
    batch: { type: 'string', default: '250' },
    rounds: { type: 'string', default: '15' },
  },
});
const MEMBERS = Number(args.members);
const BATCH = Number(args.batch);
const ROUNDS = Number(args.rounds);

const dir = mkdtempSync(join(tmpdir(), 'handzeichen-writer-bench-'));
try {
  const db = openDatabase(join(dir, 'bench.sqlite'));
  const audit = new AuditLog(db);
  const rows = new AuditedMeetingStore(db, audit);
  const storage = new SqliteMeetingStorage(rows, new TokenStore(db), new AuditedSetupStore(db, audit));
  const service = new MeetingService(storage);
  await service.create(plainMeeting('m', MEMBERS, ROUNDS), { tokens: [] });
  await Promise.all(Array.from({ length: MEMBERS }, (_, i) => service.setAttendance('m', `p${i + 1}`, true, 'chair')));

  const perBallot: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const opened = await service.openPoll('m', { itemId: `i${round + 1}`, mode: 'open', majority: 'simple', confirmNotQuorate: false, rollCallLive: false });
    if (!opened.ok) throw new Error(opened.error.message);
    const pollId = opened.data.pollId;
    const castAt = new Date().toISOString();
    for (let from = 0; from + BATCH <= MEMBERS; from += BATCH) {
      const writes: StoreWrite[] = Array.from({ length: BATCH }, (_, k) => ({
        kind: 'ballot',
        meetingId: 'm',
        pollId,
        ballot: { memberId: `p${from + k + 1}`, choice: 'yes', ballotId: `ballot-${round}-${from + k}-xxxxxxxx`, castAt },
        secretChoice: null,
      }));
      const t = performance.now();
      rows.saveBatch(writes);
      perBallot.push(((performance.now() - t) * 1000) / BATCH);
    }
    await service.closePoll('m', pollId);
  }
  perBallot.sort((a, b) => a - b);
  console.log(
    `writer: ${perBallot.length} commits of ${BATCH} ballots (${MEMBERS} members): per ballot median ${percentile(perBallot, 50).toFixed(1)} µs, p90 ${percentile(perBallot, 90).toFixed(1)} µs`,
  );
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
