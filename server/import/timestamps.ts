/**
 * Real OParl endpoints serve timestamps the schema does not allow (`+01::00`, `+0100`, no
 * offset, a space instead of `T`). These functions repair what has one sensible reading and
 * refuse the rest; they never guess a date.
 */

const STRICT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$/;

export interface RepairedTimestamp {
  iso: string;
  repaired: boolean;
}

/** A date-time with offset, or null when the text cannot be read as one. */
export function repairTimestamp(raw: string): RepairedTimestamp | null {
  const text = raw.trim();
  if (STRICT.test(text) && !Number.isNaN(Date.parse(text))) return { iso: text, repaired: false };
  let fixed = text.replace(' ', 'T');
  // `+01::00`, `+01.00` and `+0100` all mean `+01:00`.
  fixed = fixed.replace(/([+-]\d{2})(?:[:.]+)?(\d{2})$/, '$1:$2');
  if (STRICT.test(fixed) && !Number.isNaN(Date.parse(fixed))) return { iso: fixed, repaired: true };
  // No offset at all: a German RIS means local time in Germany.
  const local = LOCAL.exec(fixed);
  if (!local) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = local;
  const wall = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  if (Number.isNaN(Date.parse(`${wall}Z`))) return null;
  return { iso: `${wall}${berlinOffset(wall)}`, repaired: true };
}

/** The offset of Europe/Berlin (`+01:00` or `+02:00`) at a wall-clock time there. */
export function berlinOffset(wall: string): string {
  const asUtc = Date.parse(`${wall}Z`);
  let offset = offsetMinutes(asUtc - 60 * 60_000);
  offset = offsetMinutes(asUtc - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function offsetMinutes(epochMs: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
    .formatToParts(new Date(epochMs))
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** `YYYY-MM-DD` from an OParl date (or date-time), or null when it is not one. */
export function dateOnly(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(raw.trim());
  return m && !Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`)) ? m[1]! : null;
}
