import type { Member } from './model.ts';

/**
 * Fraktionen and Gruppen: members who vote together and whom the minutes may name together.
 * A member without one (fraktionslos) has `group` null or absent.
 */

export const groupOf = (m: Pick<Member, 'group'> | undefined): string | null => m?.group?.trim() || null;

export const hasGroups = (members: readonly Pick<Member, 'group'>[]): boolean => members.some((m) => groupOf(m) !== null);

/**
 * Entries gathered by group, groups in the order they first appear, members without a group
 * last; the order inside a group is kept.
 */
export function byGroup<T>(entries: readonly T[], group: (entry: T) => string | null): { group: string | null; entries: T[] }[] {
  const groups = new Map<string | null, T[]>();
  for (const e of entries) {
    const g = group(e);
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(e);
  }
  const none = groups.get(null);
  groups.delete(null);
  const out = [...groups].map(([g, list]) => ({ group: g, entries: list }));
  if (none) out.push({ group: null, entries: none });
  return out;
}
