import { describe, expect, it } from 'vitest';
import { idSet, memberById } from './lookup.ts';
import type { Member } from './model.ts';

describe('member lookups', () => {
  it('answers membership like includes, for the same array every time', () => {
    const ids = ['p1', 'p2', 'p3'];
    expect(idSet(ids).has('p2')).toBe(true);
    expect(idSet(ids).has('p4')).toBe(false);
    expect(idSet(ids)).toBe(idSet(ids));
  });

  it('rebuilds when the array grew', () => {
    const ids = ['p1'];
    expect(idSet(ids).has('p2')).toBe(false);
    ids.push('p2');
    expect(idSet(ids).has('p2')).toBe(true);
  });

  it('finds members by id', () => {
    const members: Member[] = [
      { id: 'p1', name: 'A', role: 'chair', votingRight: true },
      { id: 'p2', name: 'B', role: 'member', votingRight: false },
    ];
    expect(memberById(members).get('p2')).toBe(members[1]);
    expect(memberById(members).get('x')).toBeUndefined();
  });
});
