import type { MeetingSpecInput } from '../shared/protocol/meetingSpec.ts';
import type { CreatedMeeting } from '../server/meetings/createMeeting.ts';
import { BENCH_ADMIN_TOKEN } from './protocol.ts';

/**
 * A meeting of N voting members with one agenda item per round (an item with a result cannot be
 * voted on again), created through the public API.
 */
export function benchMeeting(n: number, rounds: number): MeetingSpecInput {
  return {
    body: 'Bench',
    organization: 'Parteitag',
    name: `Bench mit ${n} Mitgliedern`,
    start: '2026-01-01T10:00:00+01:00',
    members: Array.from({ length: n }, (_, i) => ({ id: `m${i}`, name: `Mitglied ${i}`, votingRight: true })),
    agenda: Array.from({ length: rounds }, (_, i) => ({ number: `Ö ${i + 1}`, name: `Antrag ${i + 1}` })),
  };
}

export async function createBenchMeeting(url: string, n: number, rounds: number): Promise<CreatedMeeting> {
  const res = await fetch(`${url}/api/meetings`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(benchMeeting(n, rounds)),
  });
  if (res.status !== 201) throw new Error(`POST /api/meetings: ${res.status} ${await res.text()}`);
  return (await res.json()) as CreatedMeeting;
}

export const tokenOf = (link: string): string => new URL(link).hash.replace('#token=', '');
