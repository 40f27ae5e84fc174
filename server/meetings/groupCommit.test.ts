import { describe, expect, it } from 'vitest';
import type { StoreWrite } from '../storage/storeWrites.ts';
import { GroupCommit, MAX_BATCH_CHANGES, MAX_BATCH_WAIT_MS } from './groupCommit.ts';

/**
 * The group commit over a store that takes its time (as PostgreSQL does): batches follow each
 * other in order, a failed commit takes back everything queued behind it, and a flush waits
 * for the commit under way. The store here is a list with a delay; the SQLite and server tests
 * run the same class against the real file.
 */

const ballot = (memberId: string): StoreWrite => ({
  kind: 'ballot',
  meetingId: 'm',
  pollId: 'p',
  ballot: { memberId, choice: 'yes', ballotId: `b-${memberId}`, castAt: '2026-12-03T10:00:00.000Z' },
  secretChoice: null,
});
const recordOf = (w: StoreWrite) => (w.kind === 'ballot' ? w.ballot : undefined)!;
const close: StoreWrite = { kind: 'currentItem', meetingId: 'm', itemId: null };
const names = (writes: StoreWrite[]) => writes.map((w) => (w.kind === 'ballot' ? w.ballot.memberId : w.kind));
/** Lets every queued microtask run, as Node does after each I/O callback (no new turn starts). */
const handlerDone = async () => {
  for (let i = 0; i < 20; i++) await null;
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function slowStore(failOn?: (writes: StoreWrite[]) => boolean) {
  const batches: string[][] = [];
  const committed: string[][] = [];
  const commit = async (writes: StoreWrite[]) => {
    batches.push(names(writes));
    await tick();
    if (failOn?.(writes)) throw new Error('disk says no');
    committed.push(names(writes));
  };
  return { batches, committed, commit };
}

describe('group commit over an asynchronous store', () => {
  it('writes what arrives during one turn together, and what arrives during a commit in the next batch, in order', async () => {
    const store = slowStore();
    const gc = new GroupCommit(store.commit, () => {});
    const first = [gc.add([ballot('a')], () => {}), gc.add([ballot('b')], () => {})];
    await new Promise((resolve) => setImmediate(resolve));
    const second = [gc.add([ballot('c')], () => {}), gc.add([close], () => {})];
    await Promise.all([...first, ...second]);
    expect(store.committed).toEqual([['a', 'b'], ['c', 'currentItem']]);
  });

  it('fails the batch behind a failed one too, and takes both back newest first', async () => {
    const store = slowStore((writes) => names(writes).includes('a'));
    const undone: string[] = [];
    const gc = new GroupCommit(store.commit, () => {});
    const aWrite = ballot('a');
    const a = gc.add([aWrite], () => undone.push('a'));
    await new Promise((resolve) => setImmediate(resolve));
    // Decided while 'a' was being written, on a state that held it.
    const closing = gc.add([close], () => undone.push('close'));
    await expect(a).rejects.toThrow('disk says no');
    await expect(closing).rejects.toThrow('disk says no');
    expect(undone).toEqual(['close', 'a']);
    expect(store.committed).toEqual([]);
    expect(gc.commitOf(recordOf(aWrite))).toBeUndefined();
    // The store works again: the next write goes through.
    store.batches.length = 0;
    await gc.add([ballot('d')], () => {});
    expect(store.committed).toEqual([['d']]);
  });

  it('lets a re-sent ballot wait for the commit of the first send, and a flush for everything queued', async () => {
    const store = slowStore();
    const gc = new GroupCommit(store.commit, () => {});
    const write = ballot('a');
    const sent = gc.add([write], () => {});
    expect(gc.commitOf(recordOf(write))).toBe(sent);
    await gc.flush();
    expect(store.committed).toEqual([['a']]);
    expect(gc.commitOf(recordOf(write))).toBeUndefined();
  });

  it('tells the listener after each commit, with that batch only', async () => {
    const store = slowStore();
    const heard: string[][] = [];
    const gc = new GroupCommit(store.commit, (writes) => heard.push(names(writes)));
    await Promise.all([gc.add([ballot('a')], () => {}), gc.add([ballot('b')], () => {})]);
    await gc.add([ballot('c')], () => {});
    expect(heard).toEqual([['a', 'b'], ['c']]);
  });

  // A burst is read within one event-loop turn; after each socket's handler the microtask queue
  // runs empty, which `handlerDone` stands in for here.
  it('writes a full batch mid-turn, right after the handler that filled it, instead of at the end of the turn', async () => {
    const batches: string[][] = [];
    const gc = new GroupCommit(async (writes) => void batches.push(names(writes)), () => {});
    const added: Promise<void>[] = [];
    let committedMidTurn = 0;
    for (let i = 0; i < MAX_BATCH_CHANGES + 10; i++) {
      added.push(gc.add([ballot(`m${i}`)], () => {}));
      await handlerDone();
      if (batches.length > 0 && committedMidTurn === 0) committedMidTurn = i + 1;
    }
    // The count, or on a slow run the wait, ends the first batch; never the turn's end.
    expect(committedMidTurn).toBeGreaterThan(0);
    expect(committedMidTurn).toBeLessThanOrEqual(MAX_BATCH_CHANGES);
    await Promise.all(added);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(MAX_BATCH_CHANGES);
    expect(batches.flat()).toEqual(Array.from({ length: MAX_BATCH_CHANGES + 10 }, (_, i) => `m${i}`));
  });

  it('writes a batch mid-turn once its first change has waited long enough', async () => {
    const batches: string[][] = [];
    const gc = new GroupCommit(async (writes) => void batches.push(names(writes)), () => {});
    const first = gc.add([ballot('a')], () => {});
    await handlerDone();
    const waitUntil = performance.now() + MAX_BATCH_WAIT_MS + 1;
    while (performance.now() < waitUntil); // a long read phase, without yielding to the next turn
    const second = gc.add([ballot('b')], () => {});
    await handlerDone();
    expect(batches).toEqual([['a', 'b']]);
    await Promise.all([first, second]);
  });

  it('holds check-ins back even when many arrive in one turn', async () => {
    const batches: string[][] = [];
    const gc = new GroupCommit(async (writes) => void batches.push(names(writes)), () => {});
    await gc.add([ballot('a')], () => {});
    const checkIn = (memberId: string): StoreWrite => ({
      kind: 'attendance',
      meetingId: 'm',
      change: { memberId, present: true, at: '2026-12-03T10:00:00.000Z', by: 'self', poll: null },
    });
    const added = Array.from({ length: MAX_BATCH_CHANGES + 1 }, (_, i) => gc.add([checkIn(`c${i}`)], () => {}));
    await handlerDone();
    expect(batches).toEqual([['a']]);
    await Promise.all(added);
    expect(batches.map((b) => b.length)).toEqual([1, MAX_BATCH_CHANGES + 1]);
  });
  it('acknowledges a finished commit and writes the next batch when the next change is queued, within the same turn', async () => {
    // A store whose answers wait for collection, as the SQLite writer thread's do in a burst.
    const answers: (() => void)[] = [];
    const batches: string[][] = [];
    const commit = (writes: StoreWrite[]) => new Promise<void>((resolve) => (batches.push(names(writes)), answers.push(resolve)));
    const gc = new GroupCommit(commit, () => {}, { collect: () => answers.splice(0).forEach((answer) => answer()) });
    let acked = false;
    void gc.add([ballot('a')], () => {}).then(() => (acked = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([['a']]);
    // The next turn reads one ballot after another and never yields to the loop.
    const b = gc.add([ballot('b')], () => {});
    await handlerDone();
    expect(acked).toBe(true);
    expect(batches).toEqual([['a'], ['b']]);
    gc.add([ballot('c')], () => {});
    await handlerDone();
    await b;
  });
  it('hands a pipelined store the next batch while the one before is still being written, and acknowledges in order', async () => {
    const answers: { resolve: () => void; reject: (e: Error) => void }[] = [];
    const batches: string[][] = [];
    const commit = (writes: StoreWrite[]) => new Promise<void>((resolve, reject) => (batches.push(names(writes)), answers.push({ resolve, reject })));
    const gc = new GroupCommit(commit, () => {}, { pipelinesCommits: true });
    const acked: string[] = [];
    void gc.add([ballot('a')], () => {}).then(() => acked.push('a'));
    await new Promise((resolve) => setImmediate(resolve));
    void gc.add([ballot('b')], () => {}).then(() => acked.push('b'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([['a'], ['b']]);
    answers[0]!.resolve();
    answers[1]!.resolve();
    await gc.flush();
    expect(acked).toEqual(['a', 'b']);
  });

  it('fails, with a failed batch, every batch handed over after it and everything queued, newest first; their own answers change nothing', async () => {
    const answers: { resolve: () => void; reject: (e: Error) => void }[] = [];
    const commit = (_writes: StoreWrite[]) => new Promise<void>((resolve, reject) => answers.push({ resolve, reject }));
    const heard: string[][] = [];
    const gc = new GroupCommit(commit, (writes) => heard.push(names(writes)), { pipelinesCommits: true });
    const undone: string[] = [];
    const a = gc.add([ballot('a')], () => undone.push('a'));
    await new Promise((resolve) => setImmediate(resolve));
    const b = gc.add([ballot('b')], () => undone.push('b'));
    await new Promise((resolve) => setImmediate(resolve));
    const c = gc.add([close], () => undone.push('close'));
    expect(answers).toHaveLength(2);
    answers[0]!.reject(new Error('disk says no'));
    await expect(a).rejects.toThrow('disk says no');
    await expect(b).rejects.toThrow('disk says no');
    await expect(c).rejects.toThrow('disk says no');
    expect(undone).toEqual(['close', 'b', 'a']);
    // The store refuses b on its own too; or, were it written, nobody may hear of it now.
    answers[1]!.resolve();
    await handlerDone();
    expect(heard).toEqual([]);
    expect(undone).toEqual(['close', 'b', 'a']);
    // Later writes go through.
    const d = gc.add([ballot('d')], () => {});
    await new Promise((resolve) => setImmediate(resolve));
    answers.at(-1)!.resolve();
    await d;
    expect(heard).toEqual([['d']]);
  });
});
