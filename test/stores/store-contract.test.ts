import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, InMemoryEventBus, ownerActor } from '../../src/core/index.js';
import { openStore } from '../../src/stores/open-store.js';
import { reachable } from '../helpers/reachable.js';

// The same contract against every backend keyv gives us. Redis and Postgres run when reachable:
// .ci/run starts Redis (and uses the machine's Postgres) so CI always covers them.
const dir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const [redisUp, postgresUp] = await Promise.all([reachable(redisUrl), reachable(postgresUrl)]);
if (!redisUp) console.warn(`Skipping Redis store tests: nothing listens at ${redisUrl} (set TEST_REDIS_URL; .ci/run starts one)`);
if (!postgresUp) console.warn(`Skipping Postgres store tests: nothing listens at ${postgresUrl} (set TEST_DATABASE_URL)`);

const namespace = `ttrpg-hub-test-${process.pid}-${Date.now()}`;
const backends = [
  { name: 'sqlite', url: `sqlite://${join(dir, 'hub.sqlite')}`, persistent: true, run: true },
  { name: 'memory', url: 'memory://', persistent: false, run: true },
  { name: 'redis', url: redisUrl, persistent: true, run: redisUp },
  { name: 'postgres', url: postgresUrl, persistent: true, run: postgresUp },
];

describe.each(backends)('$name store', ({ name, url, persistent, run }) => {
  it.runIf(run)('stores, reads and deletes nested JSON values', async () => {
    const store = await openStore(url, namespace);
    expect(store.kind).toBe(name);
    const value = { name: 'Strahd', tags: ['vampire'], hp: { current: 144, max: 144 }, at: '2026-11-22T00:00:00.000Z' };
    await store.set('npc:strahd', value);
    expect(await store.get('npc:strahd')).toEqual(value);
    expect(await store.get('npc:nobody')).toBeUndefined();
    expect(await store.delete('npc:strahd')).toBe(true);
    expect(await store.get('npc:strahd')).toBeUndefined();
    await store.ping();
    await store.close();
  });

  it.runIf(run)('writes, reads and deletes a batch of keys together, in the order asked', async () => {
    const store = await openStore(url, `${namespace}-many`);
    // Quotes, a leading colon (keyv's escape), unicode and 1,000 keys in one batch (beyond SQLite's old 999-variable limit).
    const entries = Array.from({ length: 1000 }, (_, i) => [`log:${i}`, [{ n: i, text: i === 7 ? ':colon "quoted" 🎲' : `roll ${i}` }]] as const);
    await store.setMany(entries);
    await store.setMany([['log:3', [{ n: 3, text: 'rewritten' }]]]);
    const read = await store.getMany<{ n: number; text: string }[]>(['log:999', 'log:7', 'log:missing', 'log:3', 'log:0']);
    expect(read).toEqual([[{ n: 999, text: 'roll 999' }], [{ n: 7, text: ':colon "quoted" 🎲' }], undefined, [{ n: 3, text: 'rewritten' }], [{ n: 0, text: 'roll 0' }]]);
    expect(await store.get('log:7')).toEqual([{ n: 7, text: ':colon "quoted" 🎲' }]);
    expect(await store.getMany([])).toEqual([]);
    await store.setMany([]);
    // Deleted together too (more keys than one statement takes), a key that never existed included.
    await store.deleteMany([...entries.map(([key]) => key), 'log:missing']);
    expect((await store.getMany(entries.map(([key]) => key))).every((v) => v === undefined)).toBe(true);
    await store.deleteMany([]);
    await store.close();
  });

  it.runIf(run)('answers reads made at once each with its own value, and a read after a write with that write', async () => {
    const store = await openStore(url, `${namespace}-reads`);
    await store.setMany(Array.from({ length: 20 }, (_, i) => [`pc:${i}`, { name: `PC ${i}`, hp: i }] as const));
    const keys = Array.from({ length: 60 }, (_, i) => (i % 25 === 24 ? 'pc:missing' : `pc:${i % 20}`));
    const read = await Promise.all(keys.map((key) => store.get<{ name: string; hp: number }>(key)));
    expect(read).toEqual(keys.map((key) => (key === 'pc:missing' ? undefined : { name: `PC ${key.slice(3)}`, hp: Number(key.slice(3)) })));
    // Three callers read pc:1 in the same turn: what one does to its copy the others do not see.
    read[1]!.hp = -100;
    expect(read[21]).toEqual({ name: 'PC 1', hp: 1 });
    expect(read[41]).toEqual({ name: 'PC 1', hp: 1 });
    await store.set('pc:1', { name: 'PC 1', hp: 50 });
    expect(await store.get('pc:1')).toEqual({ name: 'PC 1', hp: 50 });
    await store.close();
  });

  it.runIf(run)('writes an update and the entries alongside it together, or neither', async () => {
    const store = await openStore(url, `${namespace}-alongside`);
    const log = (n: number) => `log:${n}`;
    const reserve = (size: number) =>
      store.update<{ count: number }>('count', (c) => ({ count: (c?.count ?? 0) + size }), {
        alongside: (next) => Array.from({ length: size }, (_, i) => [log(next.count - size + i), { roll: next.count - size + i, text: ':"🎲' }] as const),
      });
    expect(await reserve(3)).toEqual({ count: 3 });
    expect(await reserve(2)).toEqual({ count: 5 });
    expect(await store.getMany([0, 1, 2, 3, 4, 5].map(log))).toEqual([...[0, 1, 2, 3, 4].map((n) => ({ roll: n, text: ':"🎲' })), undefined]);
    // A change that writes nothing writes nothing alongside either.
    expect(await store.update<{ count: number }>('count', () => undefined, { alongside: () => [['log:never', 1]] })).toEqual({ count: 5 });
    expect(await store.get('log:never')).toBeUndefined();
    // Naming the updated key among its own entries is a bug in the caller, refused before any write.
    await expect(store.update('count', () => ({ count: 99 }), { alongside: () => [['count', 1]] })).rejects.toThrow(/cannot also write count/);
    expect(await store.get('count')).toEqual({ count: 5 });
    await store.close();
  });

  it.runIf(run && persistent)('keeps acknowledged writes across a reopen', async () => {
    const first = await openStore(url, namespace);
    await first.set('campaign:keep', { version: 7 });
    await first.close();
    const second = await openStore(url, namespace);
    expect(await second.get('campaign:keep')).toEqual({ version: 7 });
    await second.delete('campaign:keep');
    await second.close();
  });

  it.runIf(run)('loses no change when fifty players act at once on one session', async () => {
    const store = await openStore(url, `${namespace}-concurrency`);
    const { registry } = createCore({ store, events: new InMemoryEventBus(), ownerToken: 'x'.repeat(32) });
    const actor = ownerActor();
    const campaign = await registry.call('create_campaign', { name: 'Busy table', system: 'D&D 5e' }, { actor });
    if (!campaign.ok) throw new Error(campaign.text);
    const campaignId = (campaign.value.campaign as { id: string }).id;
    await registry.call('start_session', { campaignId }, { actor });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 ? registry.call('add_session_note', { campaignId, note: `note ${i}` }, { actor }) : registry.call('roll_dice', { campaignId, expression: 'd20' }, { actor }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const session = await registry.call('get_session', { campaignId }, { actor });
    const s = session.ok ? (session.value.session as { notes: unknown[]; rolls: unknown[]; version: number }) : null;
    expect(s?.notes).toHaveLength(25);
    expect(s?.rolls).toHaveLength(25);
    expect(s?.version).toBe(51);
    await store.close();
  });
});

describe('store URLs', () => {
  it('rejects an unknown scheme and an unreachable server with a message saying so', async () => {
    await expect(openStore('mongodb://localhost/x')).rejects.toThrow(/Unsupported store URL scheme "mongodb:": expected sqlite:\/\/, redis:\/\/, postgres:\/\/ or memory:\/\//);
    await expect(openStore('redis://127.0.0.1:1')).rejects.toThrow(/Cannot reach the redis store/);
  });
});
