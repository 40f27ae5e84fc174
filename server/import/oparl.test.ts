import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MeetingSpec } from '../../shared/protocol/meetingSpec.ts';
import { mapOParlBundle, mapRole } from './oparl.ts';
import { repairTimestamp } from './timestamps.ts';

const FIXTURE = resolve(import.meta.dirname, '../../e2e/fixtures/oparl-agas-2022-03-22.json');
const B = 'https://ris.landkreis-peine.example/oparl/v1';
const fixture = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, any>;

function mapped(bundle = fixture()) {
  const result = mapOParlBundle(bundle);
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

describe('OParl bundle → meeting', () => {
  it('maps the fixture: meeting, body, location, repaired start', () => {
    const m = mapped();
    expect(m.sourceId).toBe(`${B}/meeting/2022-0417`);
    expect(m.spec).toMatchObject({
      body: 'Landkreis Peine',
      organization: 'Ausschuss für Gesundheit, Arbeit und Soziales',
      name: '2. Sitzung des Ausschusses für Gesundheit, Arbeit und Soziales',
      start: '2022-03-22T17:00:00+01:00',
      location: 'Mensa des Schulzentrum Ilsede, Am Schulzentrum 35, 31241 Ilsede',
    });
    expect(m.warnings).toContain('meeting.start: "2022-03-22T17:00:00+01::00" read as 2022-03-22T17:00:00+01:00');
    expect(v.safeParse(MeetingSpec, m.spec).success).toBe(true);
  });

  it('takes the persons with a membership active on the meeting date; votingRight decides who votes', () => {
    const members = mapped().spec.members!;
    const ids = members.map((x) => x.id.replace(`${B}/person/`, ''));
    expect(ids).toHaveLength(19);
    // ended before (1030, 1031), starts after (1032), other organization only (1040), deleted (1041)
    for (const gone of ['1030', '1031', '1032', '1040', '1041']) expect(ids).not.toContain(gone);
    expect(members.filter((x) => x.votingRight)).toHaveLength(15);
    expect(members[0]).toEqual({ id: `${B}/person/1001`, name: 'Klaus Marotz', role: 'chair', votingRight: true, group: 'SPD-Fraktion' });
    expect(members[1]).toMatchObject({ role: 'deputy', votingRight: true });
    const byId = (n: string) => members.find((x) => x.id === `${B}/person/${n}`)!;
    expect(byId('1004').name).toBe('Dr. Petra Schrader');
    expect(byId('1015')).toMatchObject({ role: 'member', votingRight: true });
    for (const advisory of ['1020', '1021', '1022', '1023']) expect(byId(advisory)).toMatchObject({ role: 'advisory', votingRight: false });
  });

  it('takes each member\'s Fraktion/Gruppe from memberships in organizations so classified, active on the meeting date', () => {
    const b = fixture();
    const members = mapped(b).spec.members!;
    const group = (name: string) => members.find((x) => x.name === name)?.group;
    expect(group('Klaus Marotz')).toBe('SPD-Fraktion');
    expect(group('Matthias Kühn')).toBe('CDU-Fraktion');
    expect(group('Rainer Ahrens')).toBe('Gruppe Grüne/FDP');
    // Left the CDU on 31 Jan, joined the SPD on 1 Feb: on 22 March the SPD holds.
    expect(group('Christina Wolters')).toBe('SPD-Fraktion');
    // Joins only after the meeting; a working group is no Fraktion.
    expect(group('Jutta Ebeling')).toBeNull();
    expect(group('Dirk Lehmann')).toBeNull();
    // Without the organizations the bundle has no groups at all.
    delete b.organizations;
    expect(mapped(b).spec.members!.every((x) => x.group === null)).toBe(true);
  });

  it('takes the minute format and language of the meeting, like rules', () => {
    const b = fixture();
    b.minuteFormat = 'sessionNet';
    b.language = 'en';
    expect(mapped(b).spec).toMatchObject({ minuteFormat: 'sessionNet', language: 'en' });
  });

  it('orders the agenda by `order`, keeps public flags and finds papers via consultation', () => {
    const m = mapped();
    expect(m.spec.agenda!.map((i) => i.number)).toEqual(['Ö 1', 'Ö 2', 'Ö 3', 'Ö 4', 'Ö 5', 'Ö 6', 'Ö 7', 'Ö 8', 'N 1', 'N 2']);
    expect(m.spec.agenda![5]).toEqual({ number: 'Ö 6', name: 'Integrationskonzept des Landkreises Peine', public: true, paper: '2022/032' });
    expect(m.spec.agenda![8]).toMatchObject({ number: 'N 1', public: false, paper: '2022/041' });
    expect(m.spec.agenda![9]).toMatchObject({ number: 'N 2', public: false, paper: null });
    expect(m.itemSourceIds[0]).toBe(`${B}/agendaitem/5000`);
  });

  it('keeps the array order when `order` is missing, and infers public from the number', () => {
    const b = fixture();
    for (const item of b.meeting.agendaItem) {
      delete item.order;
      if (item.number === 'N 2') delete item.public;
    }
    const m = mapped(b);
    expect(m.spec.agenda!.map((i) => i.number)).toEqual(['Ö 1', 'Ö 2', 'Ö 3', 'Ö 5', 'Ö 4', 'Ö 6', 'Ö 7', 'Ö 8', 'N 2', 'N 1']);
    expect(m.spec.agenda!.find((i) => i.number === 'N 2')!.public).toBe(false);
    expect(m.warnings.some((w) => w.includes('order of the array is kept'))).toBe(true);
  });

  it('tolerates unknown and missing optional fields', () => {
    const b = fixture();
    b.meeting.someVendorField = { x: 1 };
    delete b.meeting.location;
    delete b.body;
    delete b.papers;
    b.persons[0].membership[0].unexpected = true;
    const m = mapped(b);
    expect(m.spec.location).toBe('');
    expect(m.spec.body).toBe('Ausschuss für Gesundheit, Arbeit und Soziales');
    expect(m.spec.agenda!.every((i) => i.paper === null)).toBe(true);
  });

  it.each([
    ['meeting', (b: any) => delete b.meeting, /^meeting: is missing/],
    ['meeting.id', (b: any) => delete b.meeting.id, /^meeting\.id: is missing/],
    ['meeting.start', (b: any) => delete b.meeting.start, /^meeting\.start: is missing/],
    ['unreadable start', (b: any) => (b.meeting.start = 'next Tuesday'), /^meeting\.start: cannot read "next Tuesday"/],
    ['organization.id', (b: any) => delete b.organization.id, /^organization\.id: is missing/],
    ['persons', (b: any) => delete b.persons, /^persons: must be an array/],
    ['agenda item name', (b: any) => delete b.meeting.agendaItem[2].name, /^meeting\.agendaItem\[2\]\.name: is missing/],
    ['person id', (b: any) => delete b.persons[3].id, /^persons\[3\]\.id: is missing/],
    ['empty agenda', (b: any) => (b.meeting.agendaItem = []), /^meeting\.agendaItem: needs at least one item/],
  ])('names the missing required field: %s', (_, damage, message) => {
    const b = fixture();
    damage(b);
    const result = mapOParlBundle(b);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('refuses a bundle where nobody is a member on that day', () => {
    const b = fixture();
    b.meeting.start = '2019-01-01T10:00:00+01:00';
    const result = mapOParlBundle(b);
    expect(!result.ok && result.error.message).toMatch(/^persons: nobody has a membership/);
  });
});

describe('role mapping', () => {
  it.each([
    ['Vorsitzender', true, 'chair', true],
    ['Vorsitzende', undefined, 'chair', true],
    ['stellv. Vorsitzende', true, 'deputy', true],
    ['Stellvertretender Vorsitzender', true, 'deputy', true],
    ['Mitglied', true, 'member', true],
    ['Stellvertretendes Mitglied', true, 'member', true],
    ['Beratendes Mitglied', undefined, 'advisory', false],
    ['Beratendes Mitglied', true, 'advisory', false],
    ['Grundmandat', false, 'advisory', false],
    [undefined, undefined, 'member', true],
  ] as const)('%s / votingRight %s → %s', (role, votingRight, mapped, votes) => {
    expect(mapRole(role, votingRight)).toEqual({ role: mapped, votingRight: votes });
  });
});

describe('timestamps from real endpoints', () => {
  it.each([
    ['2021-03-01T10:00:00+01:00', '2021-03-01T10:00:00+01:00', false],
    ['2021-03-01T10:00:00+01::00', '2021-03-01T10:00:00+01:00', true],
    ['2021-03-01T10:00:00+0100', '2021-03-01T10:00:00+01:00', true],
    ['2021-03-01 10:00:00+01:00', '2021-03-01T10:00:00+01:00', true],
    ['2021-03-01T10:00:00', '2021-03-01T10:00:00+01:00', true],
    ['2021-07-01T10:00', '2021-07-01T10:00:00+02:00', true],
    ['2021-03-28T03:30:00', '2021-03-28T03:30:00+02:00', true],
  ])('%s', (raw, iso, repaired) => {
    expect(repairTimestamp(raw)).toEqual({ iso, repaired });
  });
  it('refuses what has no sensible reading', () => {
    expect(repairTimestamp('01.03.2021 10:00')).toBeNull();
    expect(repairTimestamp('2021-13-45T10:00:00+01:00')).toBeNull();
  });
});
