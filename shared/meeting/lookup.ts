import type { Member } from './model.ts';

/**
 * Constant-time lookups over the meeting's member lists. A party convention has up to 20,000
 * members; a linear search per ballot or per tablet makes a burst of votes quadratic.
 * The index is cached per array and rebuilt if the array's length changed.
 */

const idSets = new WeakMap<readonly string[], ReadonlySet<string>>();
const memberMaps = new WeakMap<readonly Member[], ReadonlyMap<string, Member>>();

export function idSet(ids: readonly string[]): ReadonlySet<string> {
  let set = idSets.get(ids);
  if (!set || set.size !== ids.length) idSets.set(ids, (set = new Set(ids)));
  return set;
}

export function memberById(members: readonly Member[]): ReadonlyMap<string, Member> {
  let map = memberMaps.get(members);
  if (!map || map.size !== members.length) memberMaps.set(members, (map = new Map(members.map((m) => [m.id, m]))));
  return map;
}
