import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Choice } from '../../shared/meeting/model.ts';
import { AuditedSetupStore } from '../audit/auditedSetupStore.ts';
import { AuditedMeetingStore } from '../audit/auditedStore.ts';
import { AuditLog } from '../audit/auditLog.ts';
import { verifyDatabase } from '../audit/verify.ts';
import { MeetingService } from '../meetings/meetingService.ts';
import { plainMeeting } from '../test/plainMeeting.ts';
import { openDatabase } from './database.ts';
import { SqliteMeetingStorage } from './sqliteMeetingStorage.ts';
import type { StoreWrite } from './storeWrites.ts';
import { openSqliteStorage, type SqliteStorage } from './sqliteStorage.ts';
import { SqliteWriter } from './sqliteWriter.ts';
import { newToken, TokenStore } from './tokenStore.ts';

/**
 * The writer thread against a real SQLite file: group commits are written by the thread's own
 * connection, in order, durable when acknowledged; a failed commit rejects and its change is
 * taken back; this thread's writes (meetings, setup, archiving, tokens) and the thread's commits
 * share one unbroken audit chain; a secret commit still truncates the WAL (and stands when that
 * fails); closing waits for commits under way; a dead thread fails every commit instead of
 * leaving it waiting.
 */

const dirs: string[] = [];
const opened: SqliteStorage[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close().catch(() => {});
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(events: Parameters<typeof openSqliteStorage>[1] = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'handzeichen-writer-'));
  dirs.push(dir);
  const file = join(dir, 'handzeichen.sqlite');
  const storage = openSqliteStorage(file, events);
  opened.push(storage);
  return { file, storage, service: new MeetingService(storage.meetings) };
}

const MEMBERS = 40;
const meeting = (id: string) => plainMeeting(id, MEMBERS, 3);
const chairLink = (meetingId: string) => ({ tokens: [{ token: newToken(), principal: { meetingId, role: 'chair' as const } }] });

async function openVote(service: MeetingService, meetingId: string, mode: 'open' | 'secret' = 'open', itemId = 'i1') {
  for (let i = 1; i <= MEMBERS; i++) expect((await service.setAttendance(meetingId, `p${i}`, true, 'self')).ok).toBe(true);
  const opened = await service.openPoll(meetingId, { itemId, mode, majority: 'simple', confirmNotQuorate: false, rollCallLive: false });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.data.pollId;
}

/** A trigger that makes the store refuse p3's ballot, as a full disk or a broken file would; `DROP TRIGGER refuse_p3` ends it. */
const REFUSE_P3 = `CREATE TRIGGER refuse_p3 BEFORE INSERT ON ballots WHEN NEW.member_id = 'p3' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`;

/** A ballot of meeting m1 as the group commit hands it to the store; a secret one also carries its choice for the counters. */
function ballotWrite(pollId: string, memberId: string, choice: Choice, ballotId: string, secret = false): StoreWrite {
  return { kind: 'ballot', meetingId: 'm1', pollId, ballot: { memberId, choice, ballotId, castAt: '2026-12-04T17:30:00.000Z' }, secretChoice: secret ? choice : null };
}

/** Reads with another connection to the file, as `npm run verify` or a restarted server would. */
function peek<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('the SQLite writer thread', () => {
  it('writes group commits on its own connection, each on disk when its promise resolves', async () => {
    const { file, storage, service } = open();
    await service.create(meeting('m1'), chairLink('m1'));
    const pollId = await openVote(service, 'm1');
    // From here this thread's connection may only read: every commit below is the writer thread's.
    storage.db.pragma('query_only = ON');
    const acks = Array.from({ length: MEMBERS }, (_, i) => service.castBallot('m1', `p${i + 1}`, { pollId, choice: 'yes', ballotId: `b${i + 1}` }));
    for (const [i, ack] of acks.entries()) {
      expect(await ack).toMatchObject({ ok: true });
      // Acknowledged means committed: a connection opened now finds the ballot.
      expect(peek(file, (db) => db.prepare('SELECT choice FROM ballots WHERE poll_id = ? AND member_id = ?').get(pollId, `p${i + 1}`))).toEqual({ choice: 'yes' });
    }
    expect(() => storage.db.prepare(`UPDATE meetings SET name = 'x'`).run()).toThrow(/readonly/);
    storage.db.pragma('query_only = OFF');
  });

  it('keeps the order of commits: every change of mind lands in the order it was made', async () => {
    const { file, service } = open();
    await service.create(meeting('m1'), chairLink('m1'));
    const pollId = await openVote(service, 'm1');
    const choices: Choice[] = ['yes', 'no', 'abstain'];
    // One member changes their mind 30 times, each change its own commit (a turn apart), none awaited.
    const acks: Promise<unknown>[] = [];
    for (let k = 0; k < 30; k++) {
      acks.push(service.castBallot('m1', 'p1', { pollId, choice: choices[k % 3]!, ballotId: `p1-${k}` }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await Promise.all(acks)).every((a) => (a as { ok: boolean }).ok)).toBe(true);
    expect(peek(file, (db) => db.prepare('SELECT ballot_id, choice FROM ballots WHERE poll_id = ?').all(pollId))).toEqual([{ ballot_id: 'p1-29', choice: choices[29 % 3] }]);
    const logged = peek(file, (db) => db.prepare(`SELECT payload FROM audit_log WHERE kind = 'ballot.accepted' ORDER BY seq`).all() as { payload: string }[]);
    expect(logged.map((r) => (JSON.parse(r.payload) as { choice: Choice }).choice)).toEqual(Array.from({ length: 30 }, (_, k) => choices[k % 3]));
    expect(peek(file, verifyDatabase).problems).toEqual([]);
  });

  it('rejects a commit that fails, rolls all of it back, takes the change back in memory, and goes on', async () => {
    const { file, storage, service } = open();
    await service.create(meeting('m1'), chairLink('m1'));
    const pollId = await openVote(service, 'm1');
    expect((await service.castBallot('m1', 'p1', { pollId, choice: 'yes', ballotId: 'kept' })).ok).toBe(true);
    // A constraint in the file refuses p3's ballot; p2's, in the same batch, must go with it.
    storage.db.exec(REFUSE_P3);
    const [p2, p3] = await Promise.all([
      service.castBallot('m1', 'p2', { pollId, choice: 'no', ballotId: 'lost-2' }),
      service.castBallot('m1', 'p3', { pollId, choice: 'no', ballotId: 'lost-3' }),
    ]);
    expect(p2).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(p3).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect([...service.get('m1')!.ballots.get(pollId)!.keys()]).toEqual(['p1']);
    // The commit's error is the database's, with its code.
    await expect(storage.meetings.commit([ballotWrite(pollId, 'p3', 'no', 'direct')])).rejects.toMatchObject({
      message: 'refused by the test',
      code: 'SQLITE_CONSTRAINT_TRIGGER',
    });
    storage.db.exec('DROP TRIGGER refuse_p3');
    expect((await service.castBallot('m1', 'p3', { pollId, choice: 'abstain', ballotId: 'stored-3' })).ok).toBe(true);
    expect(peek(file, (db) => db.prepare('SELECT member_id, ballot_id FROM ballots ORDER BY member_id').all())).toEqual([
      { member_id: 'p1', ballot_id: 'kept' },
      { member_id: 'p3', ballot_id: 'stored-3' },
    ]);
    expect(peek(file, verifyDatabase).problems).toEqual([]);
  });

  it('refuses, unwritten, the commits posted behind a failed one before its failure was heard of, and writes those posted after', async () => {
    const { file, storage, service } = open();
    await service.create(meeting('m1'), chairLink('m1'));
    const pollId = await openVote(service, 'm1');
    storage.db.exec(REFUSE_P3);
    const write = (memberId: string, ballotId: string) => ballotWrite(pollId, memberId, 'yes', ballotId);
    // Posted one after the other without waiting, as the group commit hands batches over.
    const failing = storage.meetings.commit([write('p3', 'refused')]);
    const behind = storage.meetings.commit([write('p4', 'behind')]);
    await expect(failing).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_TRIGGER' });
    await expect(behind).rejects.toMatchObject({ code: 'EARLIER_COMMIT_FAILED' });
    // Posted once the failure was heard of: written.
    await storage.meetings.commit([write('p5', 'after')]);
    expect(peek(file, (db) => db.prepare('SELECT member_id FROM ballots ORDER BY member_id').all())).toEqual([{ member_id: 'p5' }]);
    expect(peek(file, verifyDatabase).problems).toEqual([]);
  });

  /** Check-ins and check-outs enough to keep the thread busy for a while (each with its audit entry). */
  const longBatch = (n: number): StoreWrite[] =>
    Array.from({ length: n }, (_, k) => ({ kind: 'attendance', meetingId: 'm1', change: { memberId: `p${(k % MEMBERS) + 1}`, present: k % 2 === 1, at: '2026-12-04T17:00:00.000Z', by: 'chair', poll: null } }));

  it('writes the commits that queued up behind one under way in one transaction, and answers each', async () => {
    const { file, storage, service } = open();
    await service.create(meeting('m1'), chairLink('m1'));
    const pollId = await openVote(service, 'm1');
    const before = storage.writer.transactions;
    const ballot = (memberId: string) => ballotWrite(pollId, memberId, 'yes', `b-${memberId}`);
    // Posted without waiting, as the group commit hands batches over in a burst.
    const long = storage.meetings.commit(longBatch(4000));
    const small = ['p1', 'p2', 'p3', 'p4', 'p5'].map((m) => storage.meetings.commit([ballot(m)]));
    await Promise.all([long, ...small]);
    // Six commits, at most two transactions: the long one (perhaps with some of the rest) and those queued behind it.
    expect(storage.writer.transactions - before).toBeLessThanOrEqual(2);
    expect(peek(file, (db) => db.prepare('SELECT member_id FROM ballots ORDER BY member_id').all())).toEqual(['p1', 'p2', 'p3', 'p4', 'p5'].map((member_id) => ({ member_id })));
    expect(peek(file, verifyDatabase).problems).toEqual([]);
  });

  it('writes the commits queued together one by one when their transaction fails: those ahead of the failing one stand, those behind it are refused', async () => {
    const { file, storage, service } = open();
    await service.create(meeting('m1'), chairLink('m1'));
    const pollId = await openVote(service, 'm1');
    storage.db.exec(REFUSE_P3);
    const ballot = (memberId: string) => ballotWrite(pollId, memberId, 'no', `b-${memberId}`);
    const long = storage.meetings.commit(longBatch(4000));
    // Queued behind the long one, so the thread takes them together.
    const [p1, p2, p3, p4] = ['p1', 'p2', 'p3', 'p4'].map((m) => storage.meetings.commit([ballot(m)]));
    await expect(long).resolves.toBeUndefined();
    await expect(p1).resolves.toBeUndefined();
    await expect(p2).resolves.toBeUndefined();
    await expect(p3).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_TRIGGER' });
    await expect(p4).rejects.toMatchObject({ code: 'EARLIER_COMMIT_FAILED' });
    expect(peek(file, (db) => db.prepare('SELECT member_id FROM ballots ORDER BY member_id').all())).toEqual([{ member_id: 'p1' }, { member_id: 'p2' }]);
    expect(peek(file, verifyDatabase).problems).toEqual([]);
  });

  it('keeps one unbroken audit chain while this thread creates meetings, changes setups, archives and issues tokens between its commits', async () => {
    const { file, storage, service } = open();
    await service.create(meeting('m1'), chairLink('m1'));
    const pollId = await openVote(service, 'm1');
    const acks: Promise<{ ok: boolean }>[] = [];
    for (let i = 1; i <= MEMBERS; i++) {
      // A ballot for the writer thread, then at once a write on this thread's connection: the two
      // connections take turns for the file's write lock while the thread is writing.
      acks.push(service.castBallot('m1', `p${i}`, { pollId, choice: i % 2 ? 'yes' : 'no', ballotId: `b${i}` }));
      await service.setAttendance('m1', `p${i}`, false, 'chair');
      await service.create(meeting(`extra${i}`), chairLink(`extra${i}`));
      await storage.setup.setArchived(`extra${i}`, '2026-12-04T18:00:00.000Z');
      await storage.tokens.issue(chairLink(`extra${i}`).tokens, '2026-12-04T18:00:00.000Z');
      if (i % 10 === 0) {
        const extra = (await service.open(`extra${i}`))!;
        await storage.setup.replaceSetup(`extra${i}`, { ...extra.meeting, statutoryMembers: 5 }, { members: extra.meeting.members.slice(0, 5), agenda: extra.meeting.agenda.map((a) => ({ ...a, sourceId: null })), currentItemId: null, warnings: [] });
      }
    }
    expect((await Promise.all(acks)).every((a) => a.ok)).toBe(true);
    // And both at once: 100 commits posted to the thread, while this thread writes meetings.
    const at = '2026-12-04T18:30:00.000Z';
    const posted = Array.from({ length: 100 }, (_, k) =>
      storage.meetings.commit([{ kind: 'attendance', meetingId: 'm1', change: { memberId: `p${(k % MEMBERS) + 1}`, present: k < MEMBERS, at, by: 'chair', poll: null } }]),
    );
    for (let k = 0; k < 20; k++) await service.create(meeting(`busy${k}`), chairLink(`busy${k}`));
    await Promise.all(posted);
    expect((await service.closePoll('m1', pollId)).ok).toBe(true);
    expect(peek(file, verifyDatabase).problems).toEqual([]);
    const kinds = peek(file, (db) => db.prepare(`SELECT kind, count(*) AS n FROM audit_log GROUP BY kind ORDER BY kind`).all());
    expect(kinds).toEqual([
      { kind: 'attendance.recorded', n: 2 * MEMBERS + 100 },
      { kind: 'ballot.accepted', n: MEMBERS },
      { kind: 'meeting.archived', n: MEMBERS },
      { kind: 'meeting.created', n: MEMBERS + 1 + 20 },
      { kind: 'meeting.setupChanged', n: MEMBERS / 10 },
      { kind: 'poll.closed', n: 1 },
      { kind: 'poll.opened', n: 1 },
    ]);
  });

  it('hands over a commit done while the event loop is busy only when collected, without waiting for the loop', async () => {
    // In a burst the event loop reads thousands of sockets before it delivers the thread's
    // message; the group commit collects answers with every write it queues instead.
    const { storage, service } = open();
    await service.create(meeting('m1'), chairLink('m1'));
    const pollId = await openVote(service, 'm1');
    let committed = false;
    const ballot = { memberId: 'p1', choice: 'yes' as const, ballotId: 'b1', castAt: '2026-12-04T17:05:00.000Z' };
    void storage.meetings.commit([{ kind: 'ballot', meetingId: 'm1', pollId, ballot, secretChoice: null }]).then(() => (committed = true));
    const microtasks = async () => {
      for (let i = 0; i < 10; i++) await null;
    };
    // Busy for a second, as when reading a burst: the thread commits meanwhile (a few ms).
    const until = performance.now() + 1000;
    while (performance.now() < until);
    await microtasks();
    expect(committed).toBe(false);
    storage.writer.collect();
    await microtasks();
    expect(committed).toBe(true);
  });

  it('truncates the WAL after a commit that holds a secret ballot', async () => {
    const { file, storage, service } = open();
    await service.create(meeting('m1'), chairLink('m1'));
    const pollId = await openVote(service, 'm1', 'secret');
    const wal = () => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
    for (let i = 1; i <= 5; i++) {
      // Something else was written before (here: a token on this thread's connection): the log is not empty.
      await storage.tokens.issue(chairLink('m1').tokens, '2026-12-04T18:00:00.000Z');
      expect(wal()).toBeGreaterThan(0);
      expect(await service.castBallot('m1', `p${i}`, { pollId, choice: 'yes', ballotId: `secret-${i}` })).toMatchObject({ ok: true });
      expect(wal()).toBe(0);
    }
  });

  it('reports a secret commit as done when only the WAL checkpoint after it fails', async () => {
    // The checkpoint runs after COMMIT: the ballot is on disk, so its voter must hear "stored".
    // Before, the failed checkpoint failed the commit: the tablet was told to vote again and the
    // ballot was taken back in memory, while the file already counted it.
    const dir = mkdtempSync(join(tmpdir(), 'handzeichen-writer-'));
    dirs.push(dir);
    const file = join(dir, 'handzeichen.sqlite');
    const db = openDatabase(file);
    const audit = new AuditLog(db);
    class FailingCheckpoint extends AuditedMeetingStore {
      protected override truncateLog(): boolean {
        throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
      }
    }
    const store = new FailingCheckpoint(db, audit);
    // Group commits on this thread's connection, through the store above.
    const service = new MeetingService(new SqliteMeetingStorage(store, new TokenStore(db), new AuditedSetupStore(db, audit)));
    try {
      await service.create(meeting('m1'), chairLink('m1'));
      const pollId = await openVote(service, 'm1', 'secret');
      expect(await service.castBallot('m1', 'p1', { pollId, choice: 'yes', ballotId: 'secret-1' })).toMatchObject({ ok: true });
      expect(service.get('m1')!.ballots.get(pollId)?.has('p1')).toBe(true);
      expect(store.saveBatch([ballotWrite(pollId, 'p2', 'no', 'secret-2', true)])).toEqual({ walKept: true });
    } finally {
      db.close();
    }
    expect(peek(file, (d) => d.prepare('SELECT member_id FROM secret_voters ORDER BY member_id').all())).toEqual([{ member_id: 'p1' }, { member_id: 'p2' }]);
    expect(peek(file, verifyDatabase).problems).toEqual([]);
  });

  it('finishes the commits under way when closed, then refuses new ones', async () => {
    const { file, storage, service } = open();
    await service.create(meeting('m1'), chairLink('m1'));
    const pollId = await openVote(service, 'm1');
    const acks = Array.from({ length: 20 }, (_, i) =>
      storage.meetings.commit([ballotWrite(pollId, `p${i + 1}`, 'no', `b${i + 1}`)]),
    );
    const closed = storage.close();
    const after = storage.meetings.commit([{ kind: 'currentItem', meetingId: 'm1', itemId: null }]);
    await expect(after).rejects.toThrow(/writer closed/);
    expect(await Promise.allSettled(acks)).toEqual(acks.map(() => ({ status: 'fulfilled', value: undefined })));
    await closed;
    await storage.close(); // a second close changes nothing
    expect(peek(file, (db) => db.prepare('SELECT count(*) AS n FROM ballots').get())).toEqual({ n: 20 });
  });

  it('fails every waiting and every later commit when the thread dies, tells it once, and health fails', async () => {
    const crashes: Error[] = [];
    const { storage, service } = open({ onCrash: (e) => crashes.push(e) });
    await service.create(meeting('m1'), chairLink('m1'));
    const pollId = await openVote(service, 'm1');
    const waiting = Array.from({ length: 10 }, (_, i) => service.castBallot('m1', `p${i + 1}`, { pollId, choice: 'yes', ballotId: `b${i + 1}` }));
    await storage.writer.worker.terminate();
    // Each either made it before the thread went, or is refused and taken back; none waits forever.
    for (const ack of await Promise.all(waiting)) expect(ack.ok === true || (ack as { error: { code: string } }).error.code === 'internal').toBe(true);
    await expect(storage.meetings.commit([{ kind: 'currentItem', meetingId: 'm1', itemId: null }])).rejects.toThrow(/SQLite writer thread stopped/);
    expect(await service.castBallot('m1', 'p20', { pollId, choice: 'yes', ballotId: 'late' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(service.get('m1')!.ballots.get(pollId)?.has('p20')).toBe(false);
    await expect(storage.ping()).rejects.toThrow(/SQLite writer thread stopped/);
    expect(crashes.map((e) => e.message)).toEqual(['SQLite writer thread stopped (exit code 1)']);
  });

  it('fails commits with the reason when the thread cannot open the file', async () => {
    const crashes: Error[] = [];
    const writer = new SqliteWriter(join(tmpdir(), 'handzeichen-no-such-dir', 'x', 'handzeichen.sqlite'), { onCrash: (e) => crashes.push(e) });
    await expect(writer.commit([{ kind: 'currentItem', meetingId: 'm1', itemId: null }])).rejects.toThrow(/^SQLite writer thread failed: Cannot open database because the directory does not exist/);
    await writer.close();
    expect(crashes).toHaveLength(1);
  });
});
