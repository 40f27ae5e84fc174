import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Choice } from '../../../shared/meeting/model.ts';
import type { Result } from '../../../shared/protocol/result.ts';
import { AuditedMeetingStore } from '../../audit/auditedStore.ts';
import { AuditedSetupStore } from '../../audit/auditedSetupStore.ts';
import { AuditLog, entryHash, GENESIS, type AuditEntry } from '../../audit/auditLog.ts';
import { readSqliteRecord } from '../../audit/sqliteRecord.ts';
import { verifyDatabase, verifyRecord } from '../../audit/verify.ts';
import { DEMO_MEETING } from '../../demo/demoMeeting.ts';
import { ElectionService } from '../../meetings/electionService.ts';
import { MeetingService } from '../../meetings/meetingService.ts';
import { startPostgres, type TestPostgres } from '../../test/engines/postgres.ts';
import { openDatabase, type Db } from '../database.ts';
import type { NewMeeting } from '../meetingStore.ts';
import { SqliteMeetingStorage } from '../sqliteMeetingStorage.ts';
import type { IssuedToken, MeetingSource } from '../storage.ts';
import type { BallotWrite, MeetingStorage, StoreWrite } from '../storeWrites.ts';
import { newToken, TokenStore } from '../tokenStore.ts';
import { migrate } from './migrate.ts';
import { auditEntries } from './pgAudit.ts';
import { readPostgresRecord } from './pgRecord.ts';
import { PostgresMeetingStorage } from './postgresMeetingStorage.ts';

/**
 * The PostgreSQL meeting storage against a real, throwaway PostgreSQL, and against the SQLite
 * storage: the same writes must give the same MeetingState and the same audit log.
 */

let server: TestPostgres;
const pools: pg.Pool[] = [];
const dirs: string[] = [];
const sqlites: Db[] = [];

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  for (const db of sqlites) db.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await server?.stop();
});

/** Every store's own clock (secret ballots' batch time, Beschlussart): fixed, so both logs hash alike. */
const storeClock = () => '2026-12-03T20:00:00.000Z';

/** A migrated database of its own for the test, and `n` pools on it (as `n` server nodes). */
async function freshDatabase(n = 1, setting?: string): Promise<pg.Pool[]> {
  const url = await server.createDatabase();
  if (setting) await alterDatabase(url, setting);
  const opened = Array.from({ length: n }, () => new pg.Pool({ connectionString: url, max: 3 }));
  pools.push(...opened);
  await migrate(opened[0]!);
  return opened;
}

/** A default for every new session on the database of `url`. */
async function alterDatabase(url: string, setting: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(new URL(url).pathname.slice(1))} SET ${setting}`).finally(() => admin.end());
}

async function migratedUrl(): Promise<string> {
  const url = await server.createDatabase();
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  await migrate(pool).finally(() => pool.end());
  return url;
}

function sqliteStorage(): { storage: SqliteMeetingStorage; audit: AuditLog; db: Db } {
  const dir = mkdtempSync(join(tmpdir(), 'handzeichen-pgstore-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'handzeichen.db'));
  sqlites.push(db);
  const audit = new AuditLog(db);
  const storage = new SqliteMeetingStorage(new AuditedMeetingStore(db, audit, storeClock), new TokenStore(db), new AuditedSetupStore(db, audit, storeClock));
  return { storage, audit, db };
}

/** The demo meeting (server/demo/demoMeeting.ts) with Fraktionen, as the setup routes store it. */
function demoMeeting(id = 'm1'): NewMeeting {
  const groups = ['SPD', 'CDU', 'Grüne'];
  return {
    id,
    body: DEMO_MEETING.body ?? '',
    organization: DEMO_MEETING.organization ?? '',
    name: DEMO_MEETING.name,
    start: DEMO_MEETING.start,
    location: DEMO_MEETING.location ?? '',
    rules: DEMO_MEETING.rules ?? 'NKomVG',
    statutoryMembers: 10,
    members: DEMO_MEETING.members.map((m, i) => ({
      id: m.id,
      name: m.name,
      role: m.role ?? 'member',
      votingRight: m.votingRight,
      ...(i < 9 ? { group: groups[i % 3]! } : {}),
    })),
    agenda: DEMO_MEETING.agenda.map((item, i) => ({ id: `i${i + 1}`, number: item.number, name: item.name, public: item.public ?? true, paper: item.paper || null })),
  };
}

type Links = { tokens: readonly IssuedToken[]; source?: MeetingSource };

/** Links for the chair, the display and every member, as server/meetings/createMeeting.ts issues them. */
function linksFor(m: NewMeeting, source?: MeetingSource): Links {
  const principals = [{ meetingId: m.id, role: 'chair' as const }, { meetingId: m.id, role: 'display' as const }, ...m.members.map((x) => ({ meetingId: m.id, role: 'member' as const, memberId: x.id }))];
  return { tokens: principals.map((principal) => ({ token: newToken(), principal })), ...(source ? { source } : {}) };
}

/** Passes everything to a store and keeps a copy of each batch, to replay it into another. */
class Recording implements MeetingStorage {
  readonly created: [NewMeeting, string, Links][] = [];
  readonly batches: StoreWrite[][] = [];
  constructor(private readonly inner: MeetingStorage) {}
  createMeeting(m: NewMeeting, createdAt: string, links: Links) {
    this.created.push([structuredClone(m), createdAt, structuredClone(links)]);
    return this.inner.createMeeting(m, createdAt, links);
  }
  meetingIds() {
    return this.inner.meetingIds();
  }
  load(meetingId: string) {
    return this.inner.load(meetingId);
  }
  commit(writes: readonly StoreWrite[]) {
    this.batches.push(structuredClone([...writes]));
    return this.inner.commit(writes);
  }
}

function data<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

/**
 * A whole meeting through the real service (core decisions, group commit): check-ins, an open
 * vote with a changed ballot, § 68 and group-wise minutes, a secret vote, a hand count declared
 * invalid and repeated, exclusions, a quorum check, Beschlussart, amendments added, moved,
 * removed and voted on, a Sammelabstimmung, an open election and a secret one decided by lot.
 */
async function runMeeting(storage: MeetingStorage): Promise<void> {
  let t = Date.parse('2026-12-03T17:00:00.000Z');
  const clock = () => new Date((t += 1000)).toISOString();
  const service = new MeetingService(storage, clock);
  const elections = new ElectionService(service, clock, (among, count) => among.slice(0, count));
  const m = 'm1';
  const meeting = demoMeeting(m);
  // Imported from a council information system: the meeting's and two items' ids there.
  await service.create(meeting, linksFor(meeting, { sourceId: 'oparl:meeting/4711', itemSources: [['i1', 'oparl:item/1'], ['i2', null], ['i6', 'oparl:item/6']] }));
  const ids = DEMO_MEETING.members.map((x) => x.id);
  const voters = ids.slice(0, 10);
  let ballotNo = 0;
  const cast = (memberId: string, pollId: string, choice: Choice, marks?: string[]) =>
    service.castBallot(m, memberId, { pollId, choice, ballotId: `ballot-${++ballotNo}-${memberId}`, ...(marks ? { marks } : {}) }).then(data);
  const vote = (pollId: string, choices: Choice[]) => Promise.all(choices.map((c, i) => cast(voters[i]!, pollId, c)));
  const open = (itemId: string, extra: Record<string, unknown> = {}) =>
    service.openPoll(m, { itemId, mode: 'open', majority: 'simple', confirmNotQuorate: false, rollCallLive: false, ...extra }).then(data);

  // Concurrent check-ins: the group commit puts several in one batch.
  data(await service.setAttendance(m, ids[0]!, true, 'chair'));
  await Promise.all(ids.slice(1).map((id) => service.setAttendance(m, id, true, 'self').then(data)));
  data(await service.setExclusion(m, { itemId: 'i4', memberId: 'p5', excluded: true }));
  data(await service.setExclusion(m, { itemId: 'i4', memberId: 'p6', excluded: true }));
  data(await service.setExclusion(m, { itemId: 'i4', memberId: 'p6', excluded: false }));
  data(await service.challengeQuorum(m));

  const openVote = (await open('i6')).pollId;
  await vote(openVote, ['yes', 'yes', 'no', 'abstain', 'yes', 'no', 'yes', 'yes']);
  await cast('p1', openVote, 'no');
  data(await service.setRecordedVote(m, openVote, 'p2', true, 'self'));
  data(await service.setRecordedVote(m, openVote, 'p3', true, 'chair'));
  data(await service.setRecordedVote(m, openVote, 'p3', false, 'chair'));
  data(await service.closePoll(m, openVote));
  data(await service.setGroupWise(m, openVote, true));
  data(await service.publishPoll(m, openVote));
  data(await service.setDecisionKind(m, 'i6', 'adoptedAmended'));
  data(await service.setDecisionKind(m, 'i6', null));
  data(await service.setDecisionKind(m, 'i6', 'rejected'));

  const secretVote = (await open('i4', { mode: 'secret' })).pollId;
  await Promise.all(['p1', 'p3', 'p8', 'p2', 'p10', 'p4'].map((id, i) => cast(id, secretVote, (['yes', 'no', 'abstain'] as const)[i % 3]!)));
  data(await service.closePoll(m, secretVote));
  data(await service.publishPoll(m, secretVote));

  const first = (await open('i5')).pollId;
  await vote(first, ['yes', 'no']);
  data(await service.closePoll(m, first));
  const repeat = data(await service.invalidatePoll(m, first, true)).pollId!;
  await vote(repeat, ['no', 'no', 'yes']);
  // A member leaves and comes back while the vote runs: its expected voters move with them.
  data(await service.setAttendance(m, 'p9', false, 'self'));
  data(await service.setAttendance(m, 'p9', true, 'chair'));
  data(await service.closePoll(m, repeat));

  const amendments = [];
  for (const mover of ['SPD', 'CDU', 'Grüne']) amendments.push(data(await service.addAmendment(m, { itemId: 'i3', mover, text: `Antrag der ${mover}` })).motionId);
  data(await service.moveAmendment(m, { motionId: amendments[1]!, direction: 'up' }));
  data(await service.removeAmendment(m, amendments[2]!));
  const onAmendment = (await open('i3', { motionId: amendments[1]! })).pollId;
  await vote(onAmendment, ['yes', 'no', 'no', 'no']);
  data(await service.closePoll(m, onAmendment));
  const onOther = (await open('i3', { motionId: amendments[0]! })).pollId;
  await vote(onOther, ['yes', 'yes']);
  data(await service.closePoll(m, onOther));
  // The item itself, by show of hands: declared invalid (a show of hands is repeated by new numbers).
  const byHand = data(await service.recordHandCount(m, { itemId: 'i3', counts: { yes: 6, no: 3, abstain: 1 }, majority: 'simple' })).pollId;
  data(await service.invalidatePoll(m, byHand, false));
  data(await service.recordHandCount(m, { itemId: 'i3', counts: { yes: 7, no: 3, abstain: 0 }, majority: 'simple' }));
  const bloc = (await open('i1', { blocItemIds: ['i1', 'i2'] })).pollId;
  await vote(bloc, ['yes', 'yes']);
  data(await service.closePoll(m, bloc));

  data(await elections.setup(m, 'i7', 1));
  const [a, b] = [data(await elections.addCandidate(m, 'i7', 'Frau Wilke')).candidateId, data(await elections.addCandidate(m, 'i7', 'Herr Kühn')).candidateId];
  const openElection = data(await elections.openRound(m, 'i7', false)).pollId;
  await Promise.all([cast('p1', openElection, 'yes', [a]), cast('p2', openElection, 'yes', [b]), cast('p3', openElection, 'yes', [a]), cast('p4', openElection, 'abstain', [])]);
  data(await service.closePoll(m, openElection));

  data(await elections.setup(m, 'i8', 1));
  const candidates: string[] = [];
  for (const name of ['Herr Brandes', 'Frau Nolte', 'Herr Ahrens']) candidates.push(data(await elections.addCandidate(m, 'i8', name)).candidateId);
  data(await elections.demandSecret(m, 'i8', true));
  const secretElection = data(await elections.openRound(m, 'i8', false)).pollId;
  // No majority in the first Wahlgang; a tie in the second, decided by lot.
  const [c, d, e] = candidates as [string, string, string];
  const marks = [[c], [c], [d], [e], []] as string[][];
  await Promise.all(marks.map((x, i) => cast(voters[i]!, secretElection, x.length ? 'yes' : 'abstain', x)));
  data(await service.closePoll(m, secretElection));
  const second = data(await elections.openRound(m, 'i8', false)).pollId;
  await Promise.all([cast('p1', second, 'yes', [c]), cast('p2', second, 'yes', [d])]);
  data(await service.closePoll(m, second));
  data(await elections.drawLot(m, second, undefined));
}

/** Maps and Sets as arrays of their entries: toEqual then compares their order too. */
function ordered(value: unknown): unknown {
  if (value instanceof Map) return [...value].map(([k, v]) => [k, ordered(v)]);
  if (value instanceof Set) return [...value];
  if (Array.isArray(value)) return value.map(ordered);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ordered(v)]));
  return value;
}

describe('the PostgreSQL meeting storage', () => {
  it('loads the same state and logs the same audit entries as SQLite for the same writes', async () => {
    const lite = sqliteStorage();
    const recording = new Recording(lite.storage);
    await runMeeting(recording);
    const [pool] = await freshDatabase();
    const postgres = new PostgresMeetingStorage(pool!, storeClock);
    for (const [m, at, links] of recording.created) await postgres.createMeeting(m, at, links);
    for (const writes of recording.batches) await postgres.commit(writes);

    // Every kind of write was exercised.
    const kinds = new Set(recording.batches.flat().map((w) => w.kind));
    expect([...kinds].sort()).toEqual(
      ['attendance', 'ballot', 'currentItem', 'decisionKind', 'election', 'exclusion', 'groupWise', 'motionAdded', 'motionRemoved', 'motionsMoved', 'pollInserted', 'pollUpdated', 'quorumCheck', 'recordedVote'].sort(),
    );
    expect(recording.batches.some((b) => b.length > 1)).toBe(true);

    const fromSqlite = (await lite.storage.load('m1'))!;
    const fromPostgres = (await postgres.load('m1'))!;
    expect(fromPostgres).toEqual(fromSqlite);
    expect(ordered(fromPostgres)).toEqual(ordered(fromSqlite));
    expect(fromSqlite.secretCounts.size).toBe(3);
    expect(fromSqlite.elections?.get('i8')?.lots).toHaveLength(1);
    expect(await postgres.meetingIds()).toEqual(await lite.storage.meetingIds());
    // The links (hashed) and the import source, written with the meeting.
    for (const sql of [
      'SELECT hash, meeting_id, role, member_id, issued_at, revoked_at FROM tokens ORDER BY hash',
      'SELECT id, source_id, archived_at FROM meetings',
      'SELECT id, source_id FROM agenda_items ORDER BY position',
    ]) {
      const rows = (await pool!.query(sql)).rows;
      expect(rows).toEqual(lite.db.prepare(sql).all());
      expect(rows.length).toBeGreaterThan(0);
    }
    expect(await postgres.load('nope')).toBeUndefined();

    // Entry for entry, hash for hash: same kinds, payloads, times and chain.
    const sqliteLog = lite.audit.entries();
    expect(verifyDatabase(lite.db).problems).toEqual([]);
    expect(sqliteLog.length).toBeGreaterThan(100);
    expect(await auditEntries(pool!)).toEqual(sqliteLog);
    // What `verify` reads, elections and secret counters included, is the same from either store.
    const client = await pool!.connect();
    try {
      const record = await readPostgresRecord(client);
      expect(record).toEqual(readSqliteRecord(lite.db));
      expect([record.ballots.length, record.secretVotes.length, record.polls.filter((p) => p.election).length].every((n) => n > 0)).toBe(true);
      expect(verifyRecord(record).problems).toEqual([]);
    } finally {
      client.release();
    }
  }, 60_000);

  it('stores none of a batch the database refuses, and rejects it', async () => {
    const [pool] = await freshDatabase();
    const store = new PostgresMeetingStorage(pool!, storeClock);
    await store.createMeeting(demoMeeting(), '2026-12-03T16:00:00.000Z', linksFor(demoMeeting()));
    const before = (await store.load('m1'))!;
    const entries = (await auditEntries(pool!)).map((e) => e.kind);
    const poll = (id: string, itemId: string) => ({ ...openPollWrite('m1', id).poll, itemId });
    const ballot = (pollId: string, memberId: string): BallotWrite => ({
      kind: 'ballot',
      meetingId: 'm1',
      pollId,
      ballot: { memberId, choice: 'yes', ballotId: `ballot-${memberId}`, castAt: '2026-12-03T17:01:00.000Z' },
      secretChoice: null,
    });
    const checkIn: StoreWrite = { kind: 'attendance', meetingId: 'm1', change: { memberId: 'p1', present: true, at: '2026-12-03T16:59:00.000Z', by: 'self', poll: null } };

    // A second open poll in the meeting, after a first one and a ballot in it.
    await expect(store.commit([checkIn, { kind: 'pollInserted', meetingId: 'm1', poll: poll('a', 'i1') }, ballot('a', 'p1'), { kind: 'pollInserted', meetingId: 'm1', poll: poll('b', 'i2') }])).rejects.toMatchObject({ code: '23505', constraint: 'one_open_poll' });
    // A ballot for a poll that does not exist, after writes that alone would be fine.
    await expect(store.commit([checkIn, { kind: 'currentItem', meetingId: 'm1', itemId: 'i1' }, ballot('nope', 'p1')])).rejects.toMatchObject({ code: '23503' });
    // A member voting twice in a secret poll, within one batch.
    await store.commit([{ kind: 'pollInserted', meetingId: 'm1', poll: { ...poll('s', 'i3'), mode: 'secret' } }]);
    const secret = (memberId: string): BallotWrite => ({ ...ballot('s', memberId), ballot: { memberId, choice: null, ballotId: `b-${memberId}-${Math.random()}`, castAt: null }, secretChoice: 'no' });
    await expect(store.commit([secret('p1'), secret('p2'), secret('p1')])).rejects.toMatchObject({ code: '23505', constraint: 'secret_voters_pkey' });

    // A meeting whose links cannot all be stored (the same token twice) is not stored at all.
    const other = demoMeeting('m2');
    const links = linksFor(other);
    await expect(store.createMeeting(other, '2026-12-03T16:00:00.000Z', { tokens: [...links.tokens, links.tokens[0]!] })).rejects.toMatchObject({ code: '23505' });
    expect(await store.meetingIds()).toEqual(['m1']);

    // Nothing of the refused batches: the meeting as before, with only the secret poll that committed.
    const after = (await store.load('m1'))!;
    expect(after.polls.map((p) => p.id)).toEqual(['s']);
    expect({ ...after, polls: [] }).toEqual({ ...before, polls: [] });
    expect((await auditEntries(pool!)).map((e) => e.kind)).toEqual([...entries, 'poll.opened']);
  });

  it('keeps one unforked chain when two nodes commit at the same time', async () => {
    // Even where sessions default to a snapshot per transaction, which would hide the other node's tail.
    const [one, two] = await freshDatabase(2, `default_transaction_isolation = 'repeatable read'`);
    const stores = [new PostgresMeetingStorage(one!, storeClock), new PostgresMeetingStorage(two!, storeClock)];
    await stores[0]!.createMeeting(demoMeeting('m1'), '2026-12-03T16:00:00.000Z', linksFor(demoMeeting('m1')));
    await stores[1]!.createMeeting(demoMeeting('m2'), '2026-12-03T16:00:01.000Z', linksFor(demoMeeting('m2')));
    const ids = DEMO_MEETING.members.map((x) => x.id);
    // 2 × 40 commits in flight at once, each of one or three check-ins.
    await Promise.all(
      Array.from({ length: 80 }, (_, i) => {
        const meetingId = i % 2 ? 'm2' : 'm1';
        const writes: StoreWrite[] = Array.from({ length: 1 + (i % 3 === 0 ? 2 : 0) }, (_, k) => ({
          kind: 'attendance',
          meetingId,
          change: { memberId: ids[(i + k) % ids.length]!, present: (i >> 1) % 2 === 0, at: `2026-12-03T17:00:${String(i % 60).padStart(2, '0')}.000Z`, by: 'self', poll: null },
        }));
        return stores[i % 2]!.commit(writes);
      }),
    );
    const log = await auditEntries(one!);
    expect(log.length).toBe(2 + 80 + 2 * 27);
    let prev = GENESIS;
    log.forEach((e: AuditEntry, i) => {
      expect({ seq: e.seq, prevHash: e.prevHash, hash: e.hash }).toEqual({ seq: i + 1, prevHash: prev, hash: entryHash(e) });
      prev = e.hash;
    });
  });

  it('makes a batch visible to other nodes whole, and by the time its commit resolves', async () => {
    const [writer, reader] = await freshDatabase(2);
    const store = new PostgresMeetingStorage(writer!, storeClock);
    await store.createMeeting({ ...demoMeeting(), members: Array.from({ length: 500 }, (_, i) => ({ id: `p${i}`, name: `M ${i}`, role: 'member', votingRight: true })) }, '2026-12-03T16:00:00.000Z', { tokens: [] });
    await store.commit([openPollWrite('m1', 'big')]);
    const ballots: StoreWrite[] = Array.from({ length: 500 }, (_, i) => ({
      kind: 'ballot',
      meetingId: 'm1',
      pollId: 'big',
      ballot: { memberId: `p${i}`, choice: 'yes', ballotId: `ballot-${i}-xxxx`, castAt: `2026-12-03T17:01:00.${String(i).padStart(3, '0')}Z` },
      secretChoice: null,
    }));
    const count = async () => Number((await reader!.query(`SELECT count(*) AS n FROM ballots WHERE poll_id = 'big'`)).rows[0].n);
    let done = false;
    const seen = new Set<number>();
    const committing = store.commit(ballots).then(() => (done = true));
    while (!done) seen.add(await count());
    await committing;
    expect(await count()).toBe(500);
    // Read while the commit was under way: nothing of it, or all of it.
    expect(seen.has(0)).toBe(true);
    for (const n of seen) expect([0, 500]).toContain(n);
    expect((await new PostgresMeetingStorage(reader!).load('m1'))!.ballots.get('big')!.size).toBe(500);
  });

  it('opens a pool of its own only on a server that acknowledges commits once they are durable', async () => {
    const url = await migratedUrl();
    const store = await PostgresMeetingStorage.open(url, { clock: storeClock });
    await store.createMeeting(demoMeeting(), '2026-12-03T16:00:00.000Z', linksFor(demoMeeting()));
    expect(await store.meetingIds()).toEqual(['m1']);
    await store.close();
    await expect(store.meetingIds()).rejects.toThrow();

    const lax = await migratedUrl();
    await alterDatabase(lax, 'synchronous_commit = off');
    await expect(PostgresMeetingStorage.open(lax)).rejects.toThrow(/synchronous_commit is off/);
  });

  it('leaves no xmin or row order linking a secret voter to a candidate', async () => {
    const [pool] = await freshDatabase();
    const store = new PostgresMeetingStorage(pool!, storeClock);
    await store.createMeeting(demoMeeting(), '2026-12-03T16:00:00.000Z', linksFor(demoMeeting()));
    const election = { stage: 1 as const, seats: 1, candidateIds: ['ca', 'cb', 'cc'], votes: null };
    const opened = openPollWrite('m1', 'w');
    await store.commit([{ ...opened, poll: { ...opened.poll, mode: 'secret', election } }]);
    const secretBallot = (memberId: string, marks: string[]): BallotWrite => ({
      kind: 'ballot',
      meetingId: 'm1',
      pollId: 'w',
      ballot: { memberId, choice: null, ballotId: `ballot-of-${memberId}`, castAt: null },
      secretChoice: marks.length ? 'yes' : 'abstain',
      secretMarks: marks,
    });
    // One ballot per commit, the case that would leak the most; then a batch in voting order p9, p3, p6.
    await store.commit([secretBallot('p7', ['ca'])]);
    await store.commit([secretBallot('p2', ['cb'])]);
    await store.commit([secretBallot('p9', ['cc']), secretBallot('p3', []), secretBallot('p6', ['ca'])]);
    // What anyone allowed to SELECT sees: every counter of the poll last written by one transaction.
    const counters = await pool!.query(`SELECT candidate_id, votes, xmin::text AS xmin FROM secret_votes WHERE poll_id = 'w' ORDER BY candidate_id`);
    expect(counters.rows.map((r) => [r.candidate_id, r.votes])).toEqual([['ca', 2], ['cb', 1], ['cc', 1]]);
    expect(new Set(counters.rows.map((r) => r.xmin)).size).toBe(1);
    // A batch's voters lie in key order, not in the order they voted.
    const voters = await pool!.query(`SELECT member_id FROM secret_voters`);
    expect(voters.rows.map((r) => r.member_id)).toEqual(['p7', 'p2', 'p3', 'p6', 'p9']);
  });
});

/** A pollInserted write for an open vote on i1, built by hand. */
function openPollWrite(meetingId: string, id: string): Extract<StoreWrite, { kind: 'pollInserted' }> {
  return {
    kind: 'pollInserted' as const,
    meetingId,
    poll: {
      ...{ id, itemId: 'i1', round: 1, mode: 'open', majority: 'simple', status: 'open', openedAt: '2026-12-03T17:00:00.000Z', closedAt: null, publishedAt: null },
      ...{ eligibleMemberIds: ['p1', 'p2'], excludedMemberIds: [], quorum: { present: 2, total: 10, required: 6, quorate: false }, quorumOverridden: true },
      ...{ rules: 'NKomVG', statutoryMembers: 10, counts: null, rollCallLive: false, countedByHand: false, invalidatedAt: null },
    },
  };
}
