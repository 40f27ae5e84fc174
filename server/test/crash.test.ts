import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { Choice } from '../../shared/meeting/model.ts';
import type { MeetingSpecInput } from '../../shared/protocol/meetingSpec.ts';
import type { Result } from '../../shared/protocol/result.ts';
import type { CreatedMeeting } from '../meetings/createMeeting.ts';
import { tokenOf } from './harness.ts';
import { reconnectingClient, until } from './reconnectingClient.ts';

/**
 * kill -9 in the middle of a burst of votes, five times, on one database. The server runs as
 * its own process (`node --import tsx server/main.ts`, as in production). Every round: each
 * acknowledged ballot is on disk, the poll is still open after the restart, the tablets
 * reconnect and resync by themselves, and re-sending the unacknowledged ballots with their
 * original ids (what the tablet outbox does) ends with exactly one ballot per member.
 */

const ROUNDS = 5;
const CLIENTS = 60;
const ROOT = resolve(import.meta.dirname, '../..');
const ADMIN = 'crash-test-admin-token-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'handzeichen-crash-'));
const dbFile = join(dataDir, 'handzeichen.sqlite');
let child: ChildProcess | undefined;
const sockets: Socket[] = [];

afterAll(() => {
  for (const s of sockets) s.disconnect();
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((res) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

function startProcess(port: number): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((res, rej) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Handzeichen läuft')) res(proc);
    });
    proc.once('exit', (code) => rej(new Error(`server exited early (${code}): ${out}`)));
  });
}

function killHard(proc: ChildProcess): Promise<void> {
  return new Promise((res) => {
    proc.once('exit', () => res());
    proc.kill('SIGKILL');
  });
}

const tablet = (url: string, token: string) => reconnectingClient(url, token, sockets);

const spec: MeetingSpecInput = {
  body: 'Landkreis Test',
  organization: 'Kreistag',
  name: 'Lasttest',
  start: '2026-11-25T17:00:00+01:00',
  rules: 'NKomVG',
  members: Array.from({ length: CLIENTS }, (_, i) => ({ id: `m${i + 1}`, name: `Mitglied ${i + 1}`, votingRight: true })),
  agenda: Array.from({ length: ROUNDS }, (_, i) => ({ number: `Ö ${i + 1}`, name: `Punkt ${i + 1}` })),
};

function storedBallots(pollId: string) {
  const db = new Database(dbFile);
  const rows = db.prepare('SELECT member_id, choice, ballot_id FROM ballots WHERE poll_id = ?').all(pollId) as {
    member_id: string;
    choice: Choice;
    ballot_id: string;
  }[];
  const status = (db.prepare('SELECT status FROM polls WHERE id = ?').get(pollId) as { status: string }).status;
  db.close();
  return { rows, status };
}

describe('crash safety', () => {
  it(`kill -9 mid-burst, ${ROUNDS} rounds × ${CLIENTS} clients: acknowledged == stored, poll open, tablets resync`, async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    child = await startProcess(port);
    const res = await fetch(`${url}/api/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    });
    const created = (await res.json()) as CreatedMeeting;
    const chair = tablet(url, tokenOf(created.chairUrl));
    const members = created.members.map((m) => tablet(url, tokenOf(m.joinUrl)));
    await until(() => chair.snapshot() !== null && members.every((m) => m.snapshot() !== null), 'first snapshots');
    // Everyone taps "Anwesend": only members present may vote.
    const checkIns = await Promise.all(members.map((m) => m.call('attendance:self', { present: true })));
    if (!checkIns.every((r) => r.ok)) throw new Error('check-in failed');
    const report: string[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      const itemId = chair.snapshot()!.agenda[round]!.id;
      const opened = await chair.call<{ pollId: string }>('poll:open', { itemId });
      if (!opened.ok) throw new Error(opened.error.message);
      const pollId = opened.data.pollId;
      const sent = members.map((_, i) => ({
        ballotId: `r${round}-m${i + 1}-${Math.random().toString(36).slice(2, 10)}`,
        choice: (['yes', 'no', 'abstain'] as const)[(i + round) % 3]!,
      }));
      const acked = new Set<number>();
      let ackedWhenKilled = 0;
      // Kill after a different number of acknowledgements each round, while the rest are in flight.
      const killAfter = 5 + round * 8;
      const killed = new Promise<void>((res) => {
        let fired = false;
        members.forEach((m, i) => {
          setTimeout(() => {
            m.socket.emit('ballot:cast', { pollId, ...sent[i]! }, (r: Result<unknown>) => {
              if (!r.ok) return;
              acked.add(i);
              if (!fired && acked.size >= killAfter) {
                fired = true;
                ackedWhenKilled = acked.size;
                void killHard(child!).then(res);
              }
            });
          }, i * 4);
        });
      });
      await killed;
      const ackedAtKill = new Set(acked);

      const { rows, status } = storedBallots(pollId);
      const stored = new Map(rows.map((r) => [r.member_id, { ballotId: r.ballot_id, choice: r.choice }]));
      for (const i of ackedAtKill) expect(stored.get(`m${i + 1}`), `acknowledged ballot of m${i + 1} lost`).toEqual(sent[i]);
      for (const r of rows) expect(sent[Number(r.member_id.slice(1)) - 1]).toMatchObject({ ballotId: r.ballot_id, choice: r.choice });
      expect(status).toBe('open');

      const connectsBefore = members.map((m) => m.connects());
      child = await startProcess(port);
      // Nobody tells the tablets: they reconnect and get a fresh snapshot with the poll still open.
      await until(
        () => members.every((m, i) => m.connects() > connectsBefore[i]! && m.snapshot()?.polls.some((p) => p.id === pollId && p.status === 'open')),
        'tablets to resync',
      );
      // The outbox re-sends every ballot not yet acknowledged, with its original id.
      const resent = await Promise.all(
        members.map((m, i) => (ackedAtKill.has(i) ? null : m.call('ballot:cast', { pollId, ...sent[i]! }))),
      );
      expect(resent.filter((r) => r && !r.ok)).toEqual([]);
      const after = storedBallots(pollId).rows;
      expect(after.length).toBe(CLIENTS);
      for (const r of after) expect(sent[Number(r.member_id.slice(1)) - 1]).toMatchObject({ ballotId: r.ballot_id, choice: r.choice });

      await until(() => chair.snapshot()?.polls.some((p) => p.id === pollId && p.status === 'open') ?? false, 'chair resync');
      const closed = await chair.call('poll:close', { pollId });
      expect(closed.ok).toBe(true);
      report.push(
        `round ${round + 1}: acknowledged when killed ${ackedWhenKilled}, by exit ${ackedAtKill.size}, stored at kill ${rows.length}, after resend ${after.length}`,
      );
      // The kill was sent while acknowledgements were still outstanding: mid-burst.
      expect(ackedWhenKilled).toBeLessThan(CLIENTS);
    }
    process.stdout.write(report.join('\n') + '\n');
  }, 240_000);
});
