import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedMeeting } from '../meetings/createMeeting.ts';
import { connectClient, startServer, tokenOf, type TestClient, type TestServer } from '../test/harness.ts';

let server: TestServer;
let created: CreatedMeeting;
const clients: TestClient[] = [];

/** Opens a vote on the item, lets the members vote yes and closes it. */
async function decide(chair: TestClient, members: TestClient[], number: string): Promise<void> {
  const itemId = chair.snapshot().agenda.find((i) => i.number === number)!.id;
  const opened = await chair.call<{ pollId: string }>('poll:open', { itemId, confirmNotQuorate: true });
  if (!opened.ok) throw new Error(opened.error.message);
  const pollId = opened.data.pollId;
  await Promise.all(members.map((m, i) => m.call('ballot:cast', { pollId, choice: 'yes', ballotId: `${number.replace(/\W/g, '')}-${i}-ballot` })));
  const closed = await chair.call('poll:close', { pollId });
  if (!closed.ok) throw new Error(closed.error.message);
}

beforeAll(async () => {
  server = await startServer();
  created = await server.createMeeting();
  const chair = await connectClient(server.url, tokenOf(created.chairUrl));
  const members = await Promise.all(created.members.slice(0, 3).map((m) => connectClient(server.url, tokenOf(m.joinUrl))));
  clients.push(chair, ...members);
  await Promise.all(members.map((m) => m.call('attendance:self', { present: true })));
  await decide(chair, members, 'Ö 12');
  await decide(chair, members, 'N 1');
  // A quorum challenge during the non-public item belongs to it.
  const selected = await chair.call('item:select', { itemId: chair.snapshot().agenda.find((i) => i.number === 'N 1')!.id });
  if (!selected.ok || !(await chair.call('quorum:challenge', {})).ok) throw new Error('quorum challenge failed');
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await server.dispose();
});

const get = (path: string) => fetch(`${server.url}/api/meetings/${created.id}/${path}`, { headers: { authorization: `Bearer ${server.adminToken}` } });

describe('export query parameters', () => {
  it('minutes.txt?scope=public leaves non-public items out, as the results files do', async () => {
    const full = await (await get('minutes.txt')).text();
    expect(full).toContain('TOP N 1 – Vergabe der Trägerschaft der Migrationsberatung (Vorlage 2022/041)');
    expect(full).toContain('Beschlussfähigkeit angezweifelt');

    const res = await get('minutes.txt?scope=public');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('TOP Ö 12 – Integrationskonzept des Landkreises Peine (Vorlage 2022/032)');
    expect(text).not.toContain('N 1');
    expect(text).not.toContain('Migrationsberatung');
    expect(text).not.toContain('2022/041');
    expect(text).not.toContain('Beschlussfähigkeit angezweifelt');
    expect(await (await get('minutes.txt?scope=public&lang=en')).text()).toContain('(Paper 2022/032)');
  });

  it('answers 400 for an unknown scope or lang on every export route', async () => {
    for (const file of ['minutes.txt', 'results.json', 'results.csv']) {
      for (const query of ['scope=publik', 'scope=', 'lang=fr', 'scope=public&scope=full']) {
        const res = await get(`${file}?${query}`);
        expect(res.status, `${file}?${query}`).toBe(400);
        expect(((await res.json()) as { error: string }).error).toMatch(/scope|lang/);
      }
      expect((await get(`${file}?scope=full&lang=de`)).status).toBe(200);
    }
  });
});
