import { ROLES, type MemberRole } from '../../shared/meeting/model.ts';
import { MEMBER_ID_PATTERN, type MeetingSpecInput } from '../../shared/protocol/meetingSpec.ts';
import { fail, ok, type Result } from '../../shared/protocol/result.ts';
import { mapRole } from './oparl.ts';

/**
 * CSV of members and agenda, for councils without OParl. Files come from Excel as often as
 * from scripts: `;` or `,` or tab, optional BOM, quoted fields, German or English headers.
 * Every error names the line of the file. Pure.
 */

export interface CsvRow {
  /** Line in the file where the row starts (1 = header). */
  line: number;
  cells: string[];
}

export function parseCsv(text: string): CsvRow[] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const delimiter = [';', '\t', ','].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells: cells.map((c) => c.trim()) });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  endRow();
  return rows;
}

type Columns<K extends string> = Record<K, readonly string[]>;

const normalize = (h: string) => h.toLowerCase().replace(/[^a-zäöüß]/g, '').replace('ö', 'oe');

function columnIndex<K extends string>(header: CsvRow, columns: Columns<K>, required: readonly NoInfer<K>[], file: string): Result<Record<K, number>> {
  const names = header.cells.map(normalize);
  const index = {} as Record<K, number>;
  for (const key of Object.keys(columns) as K[]) {
    index[key] = names.findIndex((n) => columns[key].includes(n));
    if (index[key] < 0 && required.includes(key)) {
      return fail('invalid_payload', `${file} line ${header.line}: no column "${columns[key][0]}" (header: ${header.cells.join(', ')})`);
    }
  }
  return ok(index);
}

const TRUE = new Set(['ja', 'j', 'yes', 'y', 'true', 'wahr', '1', 'x']);
const FALSE = new Set(['nein', 'n', 'no', 'false', 'falsch', '0']);
function yesNo(value: string): boolean | undefined | null {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return null;
}

const MEMBER_COLUMNS = {
  id: ['id', 'kennung'],
  name: ['name', 'mitglied'],
  role: ['role', 'rolle', 'funktion'],
  votingRight: ['votingright', 'stimmrecht', 'stimmberechtigt'],
  group: ['group', 'fraktion', 'gruppe', 'fraktiongruppe', 'fraktionsgruppe'],
} as const;

export function parseMembersCsv(text: string, file = 'members.csv'): Result<NonNullable<MeetingSpecInput['members']>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return fail('invalid_payload', `${file}: is empty`);
  const col = columnIndex(header, MEMBER_COLUMNS, ['name'], file);
  if (!col.ok) return col;
  const c = col.data;
  const members: NonNullable<MeetingSpecInput['members']> = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const at = `${file} line ${row.line}`;
    const get = (i: number) => (i >= 0 ? (row.cells[i] ?? '') : '');
    const name = get(c.name);
    if (!name) return fail('invalid_payload', `${at}: name is empty`);
    const voting = yesNo(get(c.votingRight));
    if (voting === null) return fail('invalid_payload', `${at}: votingRight "${get(c.votingRight)}" is not ja/nein`);
    const rawRole = get(c.role);
    let mapped: { role: MemberRole; votingRight: boolean };
    if ((ROLES as readonly string[]).includes(rawRole.toLowerCase())) {
      const role = rawRole.toLowerCase() as MemberRole;
      if (role === 'advisory' && voting) return fail('invalid_payload', `${at}: an advisory member (beratend) cannot have a voting right`);
      mapped = { role, votingRight: voting ?? role !== 'advisory' };
    } else if (rawRole === '' || /vorsitz|mitglied|beratend|grundmandat/i.test(rawRole)) {
      mapped = mapRole(rawRole, voting);
    } else {
      return fail('invalid_payload', `${at}: role "${rawRole}" is not one of Vorsitz, stellv. Vorsitz, Mitglied, beratend`);
    }
    const id = get(c.id) || `m${members.length + 1}`;
    if (!MEMBER_ID_PATTERN.test(id)) return fail('invalid_payload', `${at}: id "${id}" must be 1–64 letters, digits or . _ : -`);
    if (seen.has(id)) return fail('invalid_payload', `${at}: id "${id}" appears twice`);
    seen.add(id);
    const group = get(c.group);
    if (group.length > 100) return fail('invalid_payload', `${at}: group is longer than 100 characters`);
    members.push({ id, name, ...mapped, ...(c.group >= 0 ? { group: group || null } : {}) });
  }
  if (members.length === 0) return fail('invalid_payload', `${file}: has no members below the header`);
  return ok(members);
}

const AGENDA_COLUMNS = {
  number: ['number', 'nummer', 'top', 'nr'],
  name: ['name', 'bezeichnung', 'titel', 'betreff'],
  public: ['public', 'oeffentlich', 'offentlich', 'oeffentlichkeit'],
  paper: ['paper', 'vorlage', 'drucksache'],
} as const;

export function parseAgendaCsv(text: string, file = 'agenda.csv'): Result<NonNullable<MeetingSpecInput['agenda']>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return fail('invalid_payload', `${file}: is empty`);
  const col = columnIndex(header, AGENDA_COLUMNS, ['number', 'name'], file);
  if (!col.ok) return col;
  const c = col.data;
  const agenda: NonNullable<MeetingSpecInput['agenda']> = [];
  for (const row of rows) {
    const at = `${file} line ${row.line}`;
    const get = (i: number) => (i >= 0 ? (row.cells[i] ?? '') : '');
    const number = get(c.number);
    const name = get(c.name);
    if (!number) return fail('invalid_payload', `${at}: number is empty`);
    if (!name) return fail('invalid_payload', `${at}: name is empty`);
    const pub = yesNo(get(c.public));
    if (pub === null) return fail('invalid_payload', `${at}: public "${get(c.public)}" is not ja/nein`);
    const paper = get(c.paper);
    if (paper.length > 50) return fail('invalid_payload', `${at}: paper is longer than 50 characters`);
    agenda.push({ number, name, public: pub ?? !/^\s*N\b/i.test(number), paper: paper || null });
  }
  if (agenda.length === 0) return fail('invalid_payload', `${file}: has no items below the header`);
  return ok(agenda);
}
