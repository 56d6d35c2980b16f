import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/stores/open-store.js';
import { reachable } from '../helpers/reachable.js';

// Two store instances on one backend behave like two processes: each has its own connection and its
// own in-process lock, so only the backend's compare-and-set can keep their updates from clobbering.
const dir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const [redisUp, postgresUp] = await Promise.all([reachable(redisUrl), reachable(postgresUrl)]);
if (!redisUp) console.warn(`Skipping Redis atomicity tests: nothing listens at ${redisUrl}`);
if (!postgresUp) console.warn(`Skipping Postgres atomicity tests: nothing listens at ${postgresUrl}`);

const namespace = `ttrpg-hub-atomic-${process.pid}-${Date.now()}`;
const backends = [
  { name: 'sqlite', url: `sqlite://${join(dir, 'hub.sqlite')}`, run: true },
  { name: 'redis', url: redisUrl, run: redisUp },
  { name: 'postgres', url: postgresUrl, run: postgresUp },
];

type Connection = Awaited<ReturnType<typeof openStore>>;

/** Two store instances on one backend, closed afterwards whatever the test did. */
async function withTwoConnections(url: string, ns: string, test: (a: Connection, b: Connection) => Promise<void>): Promise<void> {
  const [a, b] = [await openStore(url, ns), await openStore(url, ns)];
  try {
    await test(a, b);
  } finally {
    await a.close().catch(() => {});
    await b.close().catch(() => {});
  }
}

describe.each(backends)('$name store: update is atomic across connections', ({ url, run }) => {
  it.runIf(run)('keeps all 200 concurrent increments made through two connections', async () => {
    await withTwoConnections(url, namespace, async (a, b) => {
      const key = `counter:${Math.random()}`;
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          (i % 2 ? a : b).update<{ n: number; seen: number[] }>(key, (c) => ({ n: (c?.n ?? 0) + 1, seen: [...(c?.seen ?? []), i] })),
        ),
      );
      const final = await a.get<{ n: number; seen: number[] }>(key);
      expect(final?.n).toBe(200);
      expect(new Set(final?.seen).size).toBe(200);
      // Every acknowledged update saw a distinct predecessor: no number was handed out twice.
      expect(new Set(results.map((r) => r?.n)).size).toBe(200);
    });
  }, 60_000);

  it.runIf(run)('writes entries alongside an update only with the swap that won', async () => {
    await withTwoConnections(url, `${namespace}-log`, async (a, b) => {
      const session = `session:${Math.random()}`;
      const entry = (n: number) => `${session}:entry:${n}`;
      // 200 writers reserve a position each by raising the count and write their entry in the same step.
      await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          (i % 2 ? a : b).update<{ count: number }>(session, (c) => ({ count: (c?.count ?? 0) + 1 }), { alongside: (next) => [[entry(next.count), { writer: i }]] }),
        ),
      );
      expect(await a.get(session)).toEqual({ count: 200 });
      const entries = await a.getMany<{ writer: number }>(Array.from({ length: 201 }, (_, n) => entry(n + 1)));
      // A losing attempt that had written its entry would leave a writer at two positions.
      expect(new Set(entries.slice(0, 200).map((e) => e?.writer)).size).toBe(200);
      expect(entries[200]).toBeUndefined();

      // And the loser of a race, made to lose for certain: its first attempt's entry is never written.
      const raced = `race:${Math.random()}`;
      await a.set(raced, { count: 1 });
      let attempts = 0;
      const result = await a.update<{ count: number; attempt: number }>(
        raced,
        async (c) => {
          attempts++;
          if (attempts === 1) await b.set(raced, { count: 10, attempt: 0 });
          return { count: (c?.count ?? 0) + 1, attempt: attempts };
        },
        { alongside: (next) => [[`${raced}:attempt:${next.attempt}`, next.count]] },
      );
      expect(result).toEqual({ count: 11, attempt: 2 });
      expect(await b.getMany([`${raced}:attempt:1`, `${raced}:attempt:2`])).toEqual([undefined, 11]);
    });
  }, 60_000);

  it.runIf(run)("judges each change by the row as it is now, after another connection's write", async () => {
    await withTwoConnections(url, `${namespace}-fresh`, async (a, b) => {
      const key = `doc:${Math.random()}`;
      // a writes the row (and knows what it wrote); b then changes it behind a's back.
      await a.update<{ version: number; by: string }>(key, () => ({ version: 1, by: 'a' }));
      await b.update<{ version: number; by: string }>(key, (c) => ({ version: c!.version + 1, by: 'b' }));
      // A version check made by a sees b's version, not its own last write.
      const checked = await a.update<{ version: number; by: string }>(key, (c) => {
        if (c?.version !== 2) throw new Error(`CONFLICT: saw version ${c?.version}`);
        return { version: 3, by: 'a' };
      });
      expect(checked).toEqual({ version: 3, by: 'a' });
      // A change that writes nothing reports the row as it is now.
      await b.update<{ version: number; by: string }>(key, (c) => ({ version: c!.version + 1, by: 'b' }));
      expect(await a.update(key, () => undefined)).toEqual({ version: 4, by: 'b' });
      // And an increment by a builds on b's write: nothing is lost.
      await b.set(key, { version: 10, by: 'b' });
      expect(await a.update<{ version: number; by: string }>(key, (c) => ({ version: c!.version + 1, by: 'a' }))).toEqual({ version: 11, by: 'a' });
      expect(await b.get(key)).toEqual({ version: 11, by: 'a' });
    });
  }, 60_000);

  it.runIf(run)('lets exactly one of two racing version checks win', async () => {
    await withTwoConnections(url, `${namespace}-v`, async (a, b) => {
      for (let round = 0; round < 10; round++) {
        const key = `doc:${round}:${Math.random()}`;
        await a.set(key, { version: 1 });
        const attempt = (s: typeof a) =>
          s
            .update<{ version: number }>(key, (c) => {
              if (c?.version !== 1) throw new Error('CONFLICT');
              return { version: 2 };
            })
            .then(() => 'won', () => 'lost');
        const outcomes = await Promise.all([attempt(a), attempt(b), attempt(a), attempt(b)]);
        expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
      }
    });
  }, 60_000);
});
