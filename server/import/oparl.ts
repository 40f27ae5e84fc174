import type { MemberRole } from '../../shared/meeting/model.ts';
import { MEMBER_ID_PATTERN, type MeetingSpecInput } from '../../shared/protocol/meetingSpec.ts';
import { fail, ok, type Result } from '../../shared/protocol/result.ts';
import { dateOnly, repairTimestamp } from './timestamps.ts';

/**
 * OParl 1.1 bundle → meeting spec. Pure: no I/O, no clock. Tolerates what real RIS endpoints
 * get wrong (missing `order`, malformed offsets, unknown fields) and names the field when
 * something the meeting cannot do without is missing.
 *
 * Bundle: `{ meeting: Meeting (embedded agendaItem), organization: Organization,
 *            persons: [Person (embedded membership)], papers?: [Paper (embedded consultation)],
 *            body?: Body, organizations?: [Organization], rules?: string, statutoryMembers?: number,
 *            minuteFormat?: string, language?: string }`.
 * `organizations` may carry the Fraktionen and Gruppen (classification "Fraktion"/"Gruppe"):
 * a person's membership in one of them active on the meeting date becomes the member's group.
 */

export interface OParlImport {
  /** The OParl meeting id: re-importing the same id updates instead of duplicating. */
  sourceId: string;
  spec: MeetingSpecInput;
  /** OParl agenda item id per spec.agenda entry (null when the RIS gave none). */
  itemSourceIds: (string | null)[];
  /** Where each spec member / agenda entry came from, to name the OParl field in errors. */
  origins: { members: string[]; agenda: string[] };
  /** What was repaired or left out, for the clerk to check. */
  warnings: string[];
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined);
const bool = (x: unknown): boolean | undefined => (typeof x === 'boolean' ? x : undefined);
/** OParl links are URLs, but some servers embed the object instead. */
const ref = (x: unknown): string | undefined => str(x) ?? (isObj(x) ? str(x.id) : undefined);

class Missing extends Error {}
function need<T>(value: T | undefined, path: string, what = 'is missing'): T {
  if (value === undefined) throw new Missing(`${path}: ${what}`);
  return value;
}

export function mapOParlBundle(bundle: unknown): Result<OParlImport> {
  try {
    return ok(mapBundle(bundle));
  } catch (error) {
    if (error instanceof Missing) return fail('invalid_payload', error.message);
    throw error;
  }
}

function mapBundle(bundle: unknown): OParlImport {
  const warnings: string[] = [];
  if (!isObj(bundle)) throw new Missing('body: must be an object { meeting, organization, persons, papers }');
  const meeting = need(isObj(bundle.meeting) ? bundle.meeting : undefined, 'meeting');
  const organization = need(isObj(bundle.organization) ? bundle.organization : undefined, 'organization');
  const persons = need(Array.isArray(bundle.persons) ? bundle.persons : undefined, 'persons', 'must be an array');
  const papers = Array.isArray(bundle.papers) ? bundle.papers.filter(isObj) : [];

  const sourceId = need(str(meeting.id), 'meeting.id');
  const name = need(str(meeting.name), 'meeting.name');
  const rawStart = need(str(meeting.start), 'meeting.start');
  const start = repairTimestamp(rawStart);
  if (!start) throw new Missing(`meeting.start: cannot read "${rawStart}" as a date-time`);
  if (start.repaired) warnings.push(`meeting.start: "${rawStart}" read as ${start.iso}`);
  if (meeting.cancelled === true) warnings.push('meeting.cancelled: the RIS marks this meeting as cancelled');
  const organizationId = need(str(organization.id), 'organization.id');
  const organizationName = need(str(organization.name), 'organization.name');
  const orgs = Array.isArray(meeting.organization) ? meeting.organization.map(ref) : [];
  if (orgs.length > 0 && !orgs.includes(organizationId)) {
    warnings.push(`meeting.organization: does not list ${organizationId}`);
  }

  const body = str(isObj(bundle.body) ? bundle.body.name : undefined) ?? str(isObj(organization.body) ? organization.body.name : undefined);
  if (!body) warnings.push('body.name: missing, the organization name is used as the body');

  const meetingDate = start.iso.slice(0, 10);
  const groups = groupOrganizations(bundle.organizations);
  const members = mapMembers(persons, organizationId, meetingDate, warnings, groups);
  if (members.list.length === 0) {
    throw new Missing(`persons: nobody has a membership in ${organizationId} active on ${meetingDate}`);
  }
  const agenda = mapAgenda(meeting.agendaItem, papers, warnings);

  const spec: MeetingSpecInput = {
    body: body ?? organizationName,
    organization: organizationName,
    name,
    start: start.iso,
    location: locationText(meeting.location),
    members: members.list,
    agenda: agenda.items,
  };
  if (typeof bundle.rules === 'string') spec.rules = bundle.rules as MeetingSpecInput['rules'];
  if (typeof bundle.statutoryMembers === 'number') spec.statutoryMembers = bundle.statutoryMembers;
  if (typeof bundle.minuteFormat === 'string') spec.minuteFormat = bundle.minuteFormat as MeetingSpecInput['minuteFormat'];
  if (typeof bundle.language === 'string') spec.language = bundle.language as MeetingSpecInput['language'];
  return {
    sourceId,
    spec,
    itemSourceIds: agenda.sourceIds,
    origins: { members: members.origins, agenda: agenda.origins },
    warnings,
  };
}

interface ActiveMembership {
  role: string | undefined;
  votingRight: boolean | undefined;
  startDate: string | null;
}

/** OParl Organization id → name, for the organizations classified as Fraktion or Gruppe. */
function groupOrganizations(raw: unknown): Map<string, string> {
  const groups = new Map<string, string>();
  for (const o of Array.isArray(raw) ? raw : []) {
    if (!isObj(o) || o.deleted === true || !/fraktion|gruppe/i.test(str(o.classification) ?? '')) continue;
    const id = str(o.id);
    const name = str(o.name) ?? str(o.shortName);
    if (id && name) groups.set(id, name.slice(0, 100));
  }
  return groups;
}

/** The person's Fraktion/Gruppe on the meeting date: the newest active membership in one. */
function activeGroup(raw: unknown, groups: Map<string, string>, date: string): string | null {
  if (!Array.isArray(raw) || groups.size === 0) return null;
  let best: { name: string; from: string } | null = null;
  for (const m of raw) {
    if (!isObj(m) || m.deleted === true) continue;
    const name = groups.get(ref(m.organization) ?? '');
    if (!name) continue;
    const from = dateOnly(m.startDate) ?? '';
    const until = dateOnly(m.endDate);
    if ((from && from > date) || (until && until < date)) continue;
    if (!best || from > best.from) best = { name, from };
  }
  return best?.name ?? null;
}

function mapMembers(persons: unknown[], organizationId: string, date: string, warnings: string[], groups: Map<string, string>) {
  const list: NonNullable<MeetingSpecInput['members']> = [];
  const origins: string[] = [];
  const seen = new Set<string>();
  let inactive = 0;
  persons.forEach((person, i) => {
    const path = `persons[${i}]`;
    if (!isObj(person) || person.deleted === true) return;
    const id = need(str(person.id), `${path}.id`);
    if (!MEMBER_ID_PATTERN.test(id)) throw new Missing(`${path}.id: must be an http(s) URL of at most 300 characters`);
    const membership = activeMembership(person.membership, organizationId, date, path, warnings);
    if (!membership) {
      inactive++;
      return;
    }
    if (seen.has(id)) {
      warnings.push(`${path}.id: ${id} appears twice, the second is ignored`);
      return;
    }
    seen.add(id);
    const name = str(person.name) ?? composedName(person);
    list.push({ id, name: need(name, `${path}.name`), ...mapRole(membership.role, membership.votingRight), group: activeGroup(person.membership, groups, date) });
    origins.push(path);
  });
  if (inactive > 0) warnings.push(`persons: ${inactive} without a membership in the organization active on ${date} left out`);
  return { list, origins };
}

function activeMembership(raw: unknown, organizationId: string, date: string, path: string, warnings: string[]): ActiveMembership | null {
  if (!Array.isArray(raw)) return null;
  let best: ActiveMembership | null = null;
  raw.forEach((m, j) => {
    if (!isObj(m) || m.deleted === true || ref(m.organization) !== organizationId) return;
    const from = dateOnly(m.startDate);
    const until = dateOnly(m.endDate);
    if (m.startDate !== undefined && from === null) warnings.push(`${path}.membership[${j}].startDate: unreadable, ignored`);
    if (m.endDate !== undefined && m.endDate !== null && until === null) warnings.push(`${path}.membership[${j}].endDate: unreadable, ignored`);
    // endDate is the last day of the membership.
    if ((from && from > date) || (until && until < date)) return;
    // After a change of role, the newest membership is the one that holds.
    if (best && (best.startDate ?? '') > (from ?? '')) return;
    best = { role: str(m.role), votingRight: bool(m.votingRight), startDate: from };
  });
  return best;
}

/**
 * OParl `role` is free text ("Vorsitzender", "stellv. Vorsitzende", "Beratendes Mitglied").
 * `votingRight` decides who votes; without it, only an advisory role means no vote.
 */
export function mapRole(role: string | undefined, votingRight: boolean | undefined): { role: MemberRole; votingRight: boolean } {
  const r = (role ?? '').toLowerCase();
  const chairish = /vorsitz/.test(r);
  const deputy = chairish && /stellv|vertret/.test(r);
  const advisoryRole = /beratend/.test(r);
  const votes = votingRight ?? !advisoryRole;
  if (deputy) return { role: 'deputy', votingRight: votes };
  if (chairish) return { role: 'chair', votingRight: votes };
  return { role: votes && !advisoryRole ? 'member' : 'advisory', votingRight: votes && !advisoryRole };
}

function composedName(p: Obj): string | undefined {
  const title = Array.isArray(p.title) ? p.title.map(str).filter(Boolean).join(' ') : p.title;
  const parts = [p.formOfAddress, title, p.givenName, p.familyName].map(str).filter((x) => x !== undefined);
  return parts.length > 0 && (str(p.familyName) || str(p.givenName)) ? parts.join(' ') : undefined;
}

function mapAgenda(raw: unknown, papers: Obj[], warnings: string[]) {
  const entries = need(Array.isArray(raw) && raw.length > 0 ? raw : undefined, 'meeting.agendaItem', 'needs at least one item');
  const indexed = entries.map((item, i) => ({ item, i })).filter((x): x is { item: Obj; i: number } => isObj(x.item) && x.item.deleted !== true);
  const allOrdered = indexed.every(({ item }) => typeof item.order === 'number' && Number.isFinite(item.order));
  if (allOrdered) indexed.sort((a, b) => (a.item.order as number) - (b.item.order as number) || a.i - b.i);
  else warnings.push('meeting.agendaItem: not every item has an order, the order of the array is kept');

  const items: NonNullable<MeetingSpecInput['agenda']> = [];
  const sourceIds: (string | null)[] = [];
  const origins: string[] = [];
  for (const { item, i } of indexed) {
    const path = `meeting.agendaItem[${i}]`;
    const name = need(str(item.name), `${path}.name`);
    let number = str(item.number);
    let isPublic = bool(item.public);
    if (isPublic === undefined) {
      // A non-public item shown to the audience is worse than the reverse; "N 3" is never public.
      isPublic = !/^\s*N\b/i.test(number ?? '');
      warnings.push(`${path}.public: missing, taken as ${isPublic ? 'public' : 'non-public'}`);
    }
    if (!number) {
      number = `${isPublic ? 'Ö' : 'N'} ${typeof item.order === 'number' ? item.order : items.length + 1}`;
      warnings.push(`${path}.number: missing, numbered "${number}"`);
    }
    const paper = paperReference(item, papers);
    if (paper === undefined && item.consultation !== undefined) warnings.push(`${path}.consultation: paper not in the bundle`);
    items.push({ number, name, public: isPublic, paper: paper ?? null });
    sourceIds.push(str(item.id) ?? null);
    origins.push(path);
  }
  return { items, sourceIds, origins };
}

/** AgendaItem → Consultation → Paper; the consultation is usually embedded in the paper. */
function paperReference(item: Obj, papers: Obj[]): string | undefined {
  const consultation = item.consultation;
  const consultationId = ref(consultation);
  const itemId = str(item.id);
  let paperId = isObj(consultation) ? ref(consultation.paper) : undefined;
  let paper = paperId ? papers.find((p) => str(p.id) === paperId) : undefined;
  if (!paper) {
    paper = papers.find((p) =>
      (Array.isArray(p.consultation) ? p.consultation : []).some(
        (c) => (consultationId !== undefined && ref(c) === consultationId) || (itemId !== undefined && isObj(c) && ref(c.agendaItem) === itemId),
      ),
    );
  }
  if (!paper) return undefined;
  paperId = str(paper.reference) ?? str(paper.name);
  return paperId?.slice(0, 50);
}

function locationText(raw: unknown): string {
  if (!isObj(raw)) return '';
  const place = [str(raw.postalCode), str(raw.locality)].filter(Boolean).join(' ');
  const parts = [str(raw.description), str(raw.room), str(raw.streetAddress), place || undefined].filter((x): x is string => !!x);
  // Some RIS repeat the address inside the description.
  return parts.filter((p, i) => !parts.some((q, j) => j !== i && q.includes(p) && q !== p)).join(', ').slice(0, 300);
}
