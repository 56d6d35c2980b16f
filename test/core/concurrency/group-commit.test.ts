import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../src/core/concurrency/group-commit.js';

/** A flush that takes a turn of the event loop, like a store write, and records its batches. */
const recording = (fail?: (items: number[]) => boolean) => {
  const batches: number[][] = [];
  const commit = new GroupCommit<number, string>(async (key, items) => {
    batches.push(items);
    await new Promise((r) => setTimeout(r, 5));
    if (fail?.(items)) throw new Error(`write of ${items.join(',')} failed`);
    return items.map((i) => `${key}:${i}`);
  });
  return { batches, commit };
};

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('group commit', () => {
  it('writes what arrives in one turn of the event loop together, and what arrives during a write in the next batch', async () => {
    const { batches, commit } = recording();
    const first = [1, 2].map((i) => commit.submit('s', i));
    await nextTurn();
    expect(batches).toEqual([[1, 2]]);
    // Submitted while that write is under way: they wait for it, then go as one batch.
    const rest = [3, 4, 5].map((i) => commit.submit('s', i));
    expect(await Promise.all([...first, ...rest])).toEqual(['s:1', 's:2', 's:3', 's:4', 's:5']);
    expect(batches).toEqual([[1, 2], [3, 4, 5]]);
    // A lone item waits for nothing but the end of its turn.
    expect(await commit.submit('s', 6)).toBe('s:6');
    expect(batches).toEqual([[1, 2], [3, 4, 5], [6]]);
  });

  it('keeps keys apart', async () => {
    const { batches, commit } = recording();
    expect(await Promise.all([commit.submit('a', 1), commit.submit('b', 2), commit.submit('a', 3)])).toEqual(['a:1', 'b:2', 'a:3']);
    expect(batches).toEqual([[1, 3], [2]]);
  });

  it('fails only the batch whose write failed, and goes on with the next', async () => {
    const { batches, commit } = recording((items) => items.includes(2));
    const first = commit.submit('s', 1);
    await nextTurn();
    const outcomes = await Promise.allSettled([first, ...[2, 3].map((i) => commit.submit('s', i))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(await commit.submit('s', 4)).toBe('s:4');
    expect(batches).toEqual([[1], [2, 3], [4]]);
  });
});
