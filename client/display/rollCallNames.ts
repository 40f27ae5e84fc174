/**
 * Names for the roll-call list on the projector: sorted by surname (particles such as "von"
 * are shown but not sorted by, as in DIN 5007), and a short form that keeps the surname whole –
 * "Frau Dr. Franziska Müller-Lüdenscheid" becomes "Dr. Müller-Lüdenscheid", and two members
 * called Meyer become "Meyer, H." and "Meyer, K.".
 */
const SALUTATIONS = new Set(['herr', 'frau', 'hr.', 'fr.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.']);
const PARTICLES = new Set(['von', 'van', 'vom', 'zu', 'zur', 'der', 'den', 'de', 'da', 'di', 'del', 'le', 'la', 'ten', 'ter']);
const isTitle = (w: string) => /\.$/.test(w) || /^(dr|prof)$/i.test(w);

export interface RollCallName {
  id: string;
  /** Short form for the list: academic title and surname, an initial when two share it. */
  label: string;
  sortKey: string;
}

interface Parts {
  titles: string[];
  given: string[];
  surname: string;
  sortSurname: string;
}

function parse(name: string): Parts {
  const comma = name.indexOf(',');
  // "Müller, Hans" as some rosters write it.
  const words = (comma > 0 ? `${name.slice(comma + 1)} ${name.slice(0, comma)}` : name).trim().split(/\s+/).filter(Boolean);
  const titles: string[] = [];
  const rest: string[] = [];
  for (const w of words) {
    if (SALUTATIONS.has(w.toLowerCase())) continue;
    if (rest.length === 0 && isTitle(w)) titles.push(w);
    else rest.push(w);
  }
  if (rest.length === 0) return { titles: [], given: [], surname: name.trim(), sortSurname: name.trim() };
  let start = rest.length - 1;
  while (start > 0 && PARTICLES.has(rest[start - 1]!)) start--;
  const last = rest[rest.length - 1]!;
  return { titles, given: rest.slice(0, start), surname: rest.slice(start).join(' '), sortSurname: last };
}

export function rollCallNames(members: { id: string; name: string }[]): RollCallName[] {
  const parsed = members.map((m) => ({ id: m.id, name: m.name, ...parse(m.name) }));
  const shared = new Map<string, number>();
  for (const p of parsed) shared.set(p.surname, (shared.get(p.surname) ?? 0) + 1);
  return parsed
    .map((p) => {
      const initials = (shared.get(p.surname) ?? 0) > 1 && p.given.length ? `, ${p.given.map((g) => `${g[0]}.`).join(' ')}` : '';
      return {
        id: p.id,
        label: [...p.titles, p.surname].join(' ') + initials,
        sortKey: `${p.sortSurname} ${p.given.join(' ')} ${p.name}`,
      };
    })
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey, 'de', { sensitivity: 'base' }));
}
