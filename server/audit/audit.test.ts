import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Choice } from '../../shared/meeting/model.ts';
import { connectClient, startServer, tokenOf, type TestClient, type TestServer } from '../test/harness.ts';
import { receiptCode } from '../../shared/receipts/receipt.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS, migrate } from '../storage/schema.ts';
import { AuditLog } from './auditLog.ts';
import { verifyDatabase } from './verify.ts';

let server: TestServer;
let clients: TestClient[] = [];
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  for (const c of clients) c.disconnect();
  clients = [];
  await server.dispose();
});

/** The demo meeting with two votes: an open one on Ö 12 (published) and a secret one on Ö 10 (closed). */
async function twoVotes() {
  const created = await server.createMeeting();
  const chair = await connectClient(server.url, tokenOf(created.chairUrl));
  const members = await Promise.all(created.members.slice(0, 10).map((m) => connectClient(server.url, tokenOf(m.joinUrl))));
  await Promise.all(members.map((m) => m.call('attendance:self', { present: true })));
  clients.push(chair, ...members);
  const item = (n: string) => chair.snapshot().agenda.find((i) => i.number === n)!.id;
  const run = async (itemId: string, mode: 'open' | 'secret', choices: Choice[], publish: boolean) => {
    const opened = await chair.call<{ pollId: string }>('poll:open', { itemId, mode });
    if (!opened.ok) throw new Error(opened.error.message);
    const pollId = opened.data.pollId;
    await Promise.all(choices.map((choice, i) => members[i]!.call('ballot:cast', { pollId, choice, ballotId: `ballot-${mode}-${i}` })));
    // One member changes their mind: the log keeps both, the count only the second.
    await members[0]!.call('ballot:cast', { pollId, choice: 'no', ballotId: `ballot-${mode}-again` });
    expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
    if (publish) expect((await chair.call('poll:publish', { pollId })).ok).toBe(true);
    return pollId;
  };
  const openPoll = await run(item('Ö 12'), 'open', ['yes', 'yes', 'yes', 'no', 'abstain', 'yes'], true);
  const secretPoll = await run(item('Ö 10'), 'secret', ['yes', 'no', 'no', 'yes'], false);
  return { openPoll, secretPoll };
}

const withDb = <T>(work: (db: Database.Database) => T): T => {
  const db = new Database(server.dbFile);
  try {
    return work(db);
  } finally {
    db.close();
  }
};

describe('audit log and verify', () => {
  it('records every state change in a valid chain that matches the ballots', async () => {
    const { openPoll, secretPoll } = await twoVotes();
    const report = withDb(verifyDatabase);
    expect(report.problems).toEqual([]);
    const count = (kind: string) => withDb((db) => (db.prepare(`SELECT count(*) AS n FROM audit_log WHERE kind = ?`).get(kind) as { n: number }).n);
    expect(count('meeting.created')).toBe(1);
    expect(count('attendance.recorded')).toBe(10);
    // 6 + 1 change in the open vote; 4 in the secret one (its second tap is refused: no change of a secret vote)
    expect(count('ballot.accepted')).toBe(7 + 4);
    expect(report.entries).toBe(1 + 10 + (1 + 7 + 2) + (1 + 4 + 1));
    const kinds = withDb((db) => db.prepare(`SELECT kind FROM audit_log WHERE poll_id = ? ORDER BY seq`).all(openPoll)).map((r) => (r as { kind: string }).kind);
    expect(kinds[0]).toBe('poll.opened');
    expect(kinds.slice(-2)).toEqual(['poll.closed', 'poll.published']);

    // The secret vote's entries link no member to a choice.
    const secret = withDb((db) => db.prepare(`SELECT payload FROM audit_log WHERE poll_id = ? AND kind = 'ballot.accepted'`).all(secretPoll)) as { payload: string }[];
    expect(secret).toHaveLength(4);
    for (const { payload } of secret) expect(Object.keys(JSON.parse(payload) as object)).toEqual(['receipt']);
    expect(secret.map((s) => (JSON.parse(s.payload) as { receipt: string }).receipt)).toContain(receiptCode(secretPoll, 'ballot-secret-1'));
  });

  it('keeps the chain whole when an older database drops the unique hash index, and stays append-only', async () => {
    const rebuild = MIGRATIONS.findIndex((m) => m.includes('audit_log_v2'));
    const dir = mkdtempSync(join(tmpdir(), 'handzeichen-migrate-'));
    try {
      // A database as it was before the rebuild, with a log written by the real server code.
      const old = new Database(join(dir, 'old.sqlite'));
      migrate(old, rebuild);
      expect(old.prepare(`SELECT count(*) AS n FROM pragma_index_list('audit_log') WHERE "unique" = 1`).get()).toEqual({ n: 1 });
      const log = new AuditLog(old);
      for (let i = 0; i < 5; i++) log.append('m', `2026-12-02T17:0${i}:00.000Z`, 'attendance.recorded', null, { memberId: `p${i}`, present: true, by: 'self' });
      const before = log.entries();
      migrate(old);
      expect(old.prepare(`SELECT count(*) AS n FROM pragma_index_list('audit_log') WHERE "unique" = 1`).get()).toEqual({ n: 0 });
      expect(new AuditLog(old).entries()).toEqual(before);
      expect(verifyDatabase(old).problems).toEqual([]);
      expect(() => old.prepare(`UPDATE audit_log SET kind = 'x' WHERE seq = 1`).run()).toThrow(/append-only/);
      expect(() => old.prepare(`DELETE FROM audit_log WHERE seq = 1`).run()).toThrow(/append-only/);
      old.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to change or delete a log row', async () => {
    await twoVotes();
    withDb((db) => {
      expect(() => db.prepare(`UPDATE audit_log SET kind = 'x' WHERE seq = 1`).run()).toThrow(/append-only/);
      expect(() => db.prepare(`DELETE FROM audit_log WHERE seq = 1`).run()).toThrow(/append-only/);
    });
  });

  it.each([
    ['a ballot changed in the ballots table', (db: Database.Database, p: { openPoll: string }) => db.prepare(`UPDATE ballots SET choice = 'yes' WHERE poll_id = ? AND choice = 'no'`).run(p.openPoll), /ballots count|in the audit log/],
    ['the stored tally changed', (db: Database.Database, p: { openPoll: string }) => db.prepare(`UPDATE polls SET yes = yes + 1 WHERE id = ?`).run(p.openPoll), /stored tally/],
    ['a log row rewritten', (db: Database.Database) => { db.exec('DROP TRIGGER audit_log_no_update'); db.prepare(`UPDATE audit_log SET payload = replace(payload, '"no"', '"yes"') WHERE seq = (SELECT min(seq) FROM audit_log WHERE payload LIKE '%"choice":"no"%')`).run(); }, /audit entry \d+: hash does not match its content \(ballot\.accepted\)/],
    ['a voting right taken in the members table', (db: Database.Database) => db.prepare(`UPDATE members SET voting_right = 0 WHERE id = 'p2'`).run(), /member p2 differs from the recorded setup/],
    ['a log row removed', (db: Database.Database) => { db.exec('DROP TRIGGER audit_log_no_delete'); db.prepare(`DELETE FROM audit_log WHERE seq = 3`).run(); }, /audit entry 4: expected sequence number 3/],
  ])('flags tampering: %s', async (_, tamper, problem) => {
    const polls = await twoVotes();
    await server.stop();
    withDb((db) => tamper(db, polls));
    const report = withDb(verifyDatabase);
    expect(report.problems.join('\n')).toMatch(problem);
  });

  it('records what decides who may vote and how a result is minuted: setup edits, Mitwirkungsverbot, quorum checks, Beschlussart', async () => {
    const created = await server.createMeeting();
    const chair = await connectClient(server.url, tokenOf(created.chairUrl));
    clients.push(chair);
    const item = chair.snapshot().agenda.find((i) => i.number === 'Ö 12')!.id;
    expect((await chair.call('exclusion:set', { itemId: item, memberId: 'p3', excluded: true })).ok).toBe(true);
    expect((await chair.call('attendance:set', { memberId: 'p4', present: true })).ok).toBe(true);
    expect((await chair.call('quorum:challenge', {})).ok).toBe(true);
    expect((await chair.call('item:decisionKind', { itemId: item, kind: 'adoptedUnchanged' })).ok).toBe(true);

    // The admin takes p2's voting right away.
    const admin = { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' };
    const url = `${server.url}/api/admin/meetings/${created.id}`;
    const current = (await (await fetch(url, { headers: admin })).json()) as { members: { id: string; votingRight: boolean }[] } & Record<string, unknown>;
    const edited = { ...current, members: current.members.map((m) => (m.id === 'p2' ? { ...m, votingRight: false } : m)) };
    for (const key of ['id', 'archivedAt', 'sourceId', 'votes']) delete (edited as Record<string, unknown>)[key];
    const put = await fetch(url, { method: 'PUT', headers: admin, body: JSON.stringify(edited) });
    expect(put.status, await put.clone().text()).toBe(200);

    const log = withDb((db) => db.prepare(`SELECT kind, payload FROM audit_log ORDER BY seq`).all()) as { kind: string; payload: string }[];
    expect(log.map((e) => e.kind)).toEqual(['meeting.created', 'exclusion.set', 'attendance.recorded', 'quorum.checked', 'decisionKind.set', 'meeting.setupChanged']);
    expect(JSON.parse(log[1]!.payload)).toEqual({ itemId: item, memberId: 'p3', excluded: true });
    expect(JSON.parse(log[2]!.payload)).toEqual({ memberId: 'p4', present: true, by: 'chair' });
    const setup = JSON.parse(log[5]!.payload) as { members: { id: string; votingRight: boolean }[] };
    expect(setup.members.find((m) => m.id === 'p2')?.votingRight).toBe(false);
    expect(withDb(verifyDatabase).problems).toEqual([]);
  });

  it('npm run verify exits 0 on a clean record and 1 after tampering', async () => {
    await twoVotes();
    await server.stop();
    const cli = resolve(import.meta.dirname, 'verifyCli.ts');
    const tsx = resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
    expect(execFileSync(tsx, [cli, server.dbFile], { encoding: 'utf8' })).toContain('OK: Hash-Kette und Ergebnisse stimmen überein.');
    withDb((db) => db.prepare(`UPDATE polls SET no = 0`).run());
    let out = '';
    let status = 0;
    try {
      execFileSync(tsx, [cli, server.dbFile], { encoding: 'utf8' });
    } catch (error) {
      ({ stdout: out, status } = error as { stdout: string; status: number });
    }
    expect(status).toBe(1);
    expect(out).toContain('ABWEICHUNGEN');
  });
});
