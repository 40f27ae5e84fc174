import { describe, expect, it } from 'vitest';
import type { MeetingSummary } from '../../shared/protocol/meetingSummary.ts';
import { STORES, useTestServer } from '../test/harness.ts';

describe.each(STORES)('archiving and listing meetings on %s', (store) => {
  const t = useTestServer(store);
  const admin = () => ({ authorization: `Bearer ${t.server.adminToken}`, 'content-type': 'application/json' });
  const list = async () => {
    const res = await fetch(`${t.server.url}/api/admin/meetings`, { headers: admin() });
    expect(res.status).toBe(200);
    return (await res.json()) as MeetingSummary[];
  };
  const archive = (meetingId: string, archived: boolean) =>
    fetch(`${t.server.url}/api/admin/meetings/${meetingId}/archive`, { method: 'POST', headers: admin(), body: JSON.stringify({ archived }) });

  it('lists the meetings, archives and restores one, and logs each in the audit log', async () => {
    const created = await t.server.createMeeting();
    expect(await list()).toEqual([
      expect.objectContaining({ id: created.id, archivedAt: null, sourceId: null, members: created.members.length, items: expect.any(Number), polls: 0 }),
    ]);

    const res = await archive(created.id, true);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: created.id, archived: true });
    const [archived] = await list();
    expect(archived!.archivedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await t.server.rows(`SELECT archived_at FROM meetings WHERE id = ?`, created.id)).toEqual([{ archived_at: archived!.archivedAt }]);

    expect((await archive(created.id, false)).status).toBe(200);
    expect((await list())[0]!.archivedAt).toBeNull();

    const log = await t.server.rows(`SELECT at, payload FROM audit_log WHERE meeting_id = ? AND kind = 'meeting.archived' ORDER BY seq`, created.id);
    expect(log.map((e) => JSON.parse(String(e.payload)))).toEqual([{ archived: true }, { archived: false }]);
    // Archiving is logged at the time it stores.
    expect(log[0]!.at).toBe(archived!.archivedAt);
  });

  it('refuses an unknown meeting and a request without the admin token', async () => {
    expect((await archive('nope', true)).status).toBe(404);
    expect((await fetch(`${t.server.url}/api/admin/meetings`)).status).toBe(401);
  });
});
