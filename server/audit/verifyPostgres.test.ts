import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Choice } from '../../shared/meeting/model.ts';
import { verifyPostgres } from '../storage/postgres/pgRecord.ts';
import { useTestServer } from '../test/harness.ts';

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, 'verifyCli.ts');
const TSX = resolve(import.meta.dirname, '../../node_modules/.bin/tsx');

/** `DATABASE_URL=… npm run verify`: exit status and output. */
async function verifyCli(databaseUrl: string): Promise<{ status: number; out: string }> {
  try {
    const { stdout } = await run(TSX, [CLI], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
    return { status: 0, out: stdout };
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string };
    return { status: code, out: stdout };
  }
}

describe('verify on PostgreSQL', () => {
  const t = useTestServer('postgres');

  /** The demo meeting through the real server: an open vote on Ö 12 (published), a secret one on Ö 10 (closed). */
  async function twoVotes() {
    const created = await t.server.createMeeting();
    const chair = await t.join(created.chairUrl);
    const members = await Promise.all(created.members.slice(0, 10).map((m) => t.join(m.joinUrl)));
    await Promise.all(members.map((m) => m.call('attendance:self', { present: true })));
    const item = (n: string) => chair.snapshot().agenda.find((i) => i.number === n)!.id;
    const vote = async (itemId: string, mode: 'open' | 'secret', choices: Choice[], publish: boolean) => {
      const opened = await chair.call<{ pollId: string }>('poll:open', { itemId, mode });
      if (!opened.ok) throw new Error(opened.error.message);
      const pollId = opened.data.pollId;
      const acks = await Promise.all(choices.map((choice, i) => members[i]!.call('ballot:cast', { pollId, choice, ballotId: `ballot-${mode}-${i}` })));
      expect(acks.every((a) => a.ok)).toBe(true);
      expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
      if (publish) expect((await chair.call('poll:publish', { pollId })).ok).toBe(true);
      return pollId;
    };
    return {
      openPoll: await vote(item('Ö 12'), 'open', ['yes', 'yes', 'yes', 'no', 'abstain', 'yes'], true),
      secretPoll: await vote(item('Ö 10'), 'secret', ['yes', 'no', 'no', 'yes'], false),
    };
  }

  it('npm run verify with DATABASE_URL: exit 0 on the record a real server wrote, 1 once a log entry is rewritten', async () => {
    await twoVotes();
    const url = t.server.databaseUrl!;
    const clean = await verifyCli(url);
    // Secret ballots are counters, not rows: 6 of the 10 ballots are stored as such.
    expect(clean.out).toMatch(/\d+ Protokolleinträge, 2 Abstimmungen, 6 Stimmen geprüft/);
    expect(clean).toMatchObject({ status: 0, out: expect.stringContaining('OK: Hash-Kette und Ergebnisse stimmen überein.') });

    // Only a superuser gets past the append-only trigger; the chain still shows the change.
    await t.server.rows('ALTER TABLE audit_log DISABLE TRIGGER ALL');
    await t.server.rows(
      `UPDATE audit_log SET payload = replace(payload, '"no"', '"yes"') WHERE seq = (SELECT min(seq) FROM audit_log WHERE payload LIKE '%"choice":"no"%')`,
    );
    const tampered = await verifyCli(url);
    expect(tampered.status).toBe(1);
    expect(tampered.out).toMatch(/ABWEICHUNGEN[\s\S]*audit entry \d+: hash does not match its content \(ballot\.accepted\)/);
  }, 60_000);

  it.each([
    ['the stored tally changed', `UPDATE polls SET yes = yes + 1 WHERE id = ?`, /stored tally/],
    ['a ballot changed in the ballots table', `UPDATE ballots SET choice = 'yes' WHERE poll_id = ? AND choice = 'no'`, /ballots count|in the audit log/],
    ['a voting right taken in the members table', `UPDATE members SET voting_right = false WHERE id = 'p2'`, /member p2 differs from the recorded setup/],
    ['a log row removed', `DELETE FROM audit_log WHERE seq = 3`, /audit entry 4: expected sequence number 3/],
  ])('flags tampering: %s', async (_, sql, problem) => {
    const { openPoll } = await twoVotes();
    expect((await verifyPostgres(t.server.databaseUrl!)).problems).toEqual([]);
    await t.server.rows('ALTER TABLE audit_log DISABLE TRIGGER ALL');
    // The open poll's id, where the statement asks for one.
    await t.server.rows(sql, ...(sql.includes('?') ? [openPoll] : []));
    expect((await verifyPostgres(t.server.databaseUrl!)).problems.join('\n')).toMatch(problem);
  });
});
