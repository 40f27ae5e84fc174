import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectClient, startServer, tokenOf, type TestClient, type TestServer } from './harness.ts';

/**
 * An acknowledgement means stored. The disk is made to refuse ballots for real: a SQLite trigger
 * in the file aborts every insert until it is dropped. (It is in the schema, not TEMP: the
 * ballots are written by the writer thread's own connection, which a TEMP trigger would not reach.)
 */

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

const refuseBallots = () =>
  server.db.exec(`CREATE TRIGGER refuse_ballots BEFORE INSERT ON ballots BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
const acceptBallots = () => server.db.exec('DROP TRIGGER refuse_ballots');

async function openVote() {
  const created = await server.createMeeting();
  const chair = await connectClient(server.url, tokenOf(created.chairUrl));
  clients.push(chair);
  for (const m of created.members) if ((await chair.call('attendance:set', { memberId: m.id, present: true })).ok !== true) throw new Error('check-in');
  const itemId = chair.snapshot().agenda.find((i) => i.number === 'Ö 12')!.id;
  const opened = await chair.call<{ pollId: string }>('poll:open', { itemId });
  if (!opened.ok) throw new Error(opened.error.message);
  return { meetingId: created.id, chair, pollId: opened.data.pollId };
}

describe('a ballot whose commit fails', () => {
  it('is not acknowledged to a re-send that arrives before the commit', async () => {
    const { meetingId, pollId } = await openVote();
    const service = server.app.service;
    const input = { pollId, choice: 'yes' as const, ballotId: 'resent-ballot-1' };
    refuseBallots();
    // The tablet sends, loses the connection, sends the same ballot again: both in one turn.
    const [first, again] = await Promise.all([service.castBallot(meetingId, 'p1', input), service.castBallot(meetingId, 'p1', input)]);
    expect(first).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(again).toMatchObject({ ok: false, error: { code: 'internal' } });
    acceptBallots();
    // The next re-send is stored and acknowledged.
    expect(await service.castBallot(meetingId, 'p1', input)).toMatchObject({ ok: true });
    expect(server.db.prepare('SELECT ballot_id FROM ballots WHERE poll_id = ?').all(pollId)).toEqual([{ ballot_id: 'resent-ballot-1' }]);
  });

  it('is not counted by a close that flushed it, and the close is refused until the ballots are stored', async () => {
    const { meetingId, chair, pollId } = await openVote();
    const service = server.app.service;
    expect(await service.castBallot(meetingId, 'p2', { pollId, choice: 'no', ballotId: 'stored-ballot-2' })).toMatchObject({ ok: true });
    refuseBallots();
    const lost = service.castBallot(meetingId, 'p1', { pollId, choice: 'yes', ballotId: 'lost-ballot-1' });
    // The chair ends the vote in the same turn: the close writes the waiting ballot, which fails.
    const close = service.closePoll(meetingId, pollId);
    expect(await lost).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await close).toMatchObject({ ok: false, error: { code: 'internal' } });
    acceptBallots();
    expect((await chair.call('poll:close', { pollId })).ok).toBe(true);
    const closed = await chair.waitFor((s) => s.polls.find((p) => p.id === pollId)?.status === 'closed');
    expect(closed.polls.find((p) => p.id === pollId)?.counts).toEqual({ yes: 0, no: 1, abstain: 0 });
  });
});
