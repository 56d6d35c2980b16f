import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/stores/open-store.js';
import { restoreBackup, writeBackup } from '../../src/stores/store-backup.js';
import { reachable } from '../helpers/reachable.js';

// Backups read every key of a namespace: each backend lists its keys its own way.
const dir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const [redisUp, postgresUp] = await Promise.all([reachable(redisUrl), reachable(postgresUrl)]);
if (!redisUp) console.warn(`Skipping Redis backup tests: nothing listens at ${redisUrl}`);
if (!postgresUp) console.warn(`Skipping Postgres backup tests: nothing listens at ${postgresUrl}`);

const run = `${process.pid}-${Date.now()}`;
const backends = [
  { name: 'sqlite', url: `sqlite://${join(dir, 'hub.sqlite')}`, up: true },
  { name: 'redis', url: redisUrl, up: redisUp },
  { name: 'postgres', url: postgresUrl, up: postgresUp },
];

describe.each(backends)('backup of a $name store', ({ name, url, up }) => {
  it.runIf(up)('lists only its own namespace and restores it into another one unchanged', async () => {
    const source = await openStore(url, `backup-src-${run}`);
    const neighbour = await openStore(url, `backup-other-${run}`);
    const target = await openStore(url, `backup-dst-${run}`);
    try {
      const data: Record<string, unknown> = { 'campaign:a': { name: 'A', data: { npcs: [{ id: 'n', name: 'Ñoño "quoted"' }] } }, 'session:1': { notes: ['x'], version: 3 }, counter: 7 };
      for (const [k, v] of Object.entries(data)) await source.set(k, v);
      await neighbour.set('campaign:not-mine', { name: 'other hub' });
      const file = join(dir, `${name}.jsonl.gz`);
      const { entries } = await writeBackup(source, file, { hubVersion: 'test' });
      expect(entries).toBe(3);
      const restored = await restoreBackup(target, file);
      expect(restored.ok).toBe(true);
      const copied: Record<string, unknown> = {};
      for await (const [key, value] of target.entries()) copied[key] = value;
      expect(copied).toEqual(data);
    } finally {
      for (const store of [source, neighbour, target]) for await (const [key] of store.entries()) await store.delete(key);
      // @keyv/postgres shares one pool per URL: the first close ends it for all three.
      for (const store of [source, neighbour, target]) await store.close().catch(() => {});
    }
  });
});

describe('scheduled backups', () => {
  it('are written on the interval and only the newest ones are kept', async () => {
    const { startTestHub } = await import('../helpers/test-hub.js');
    const { existsSync, readdirSync } = await import('node:fs');
    const backups = join(dir, 'scheduled');
    const hub = await startTestHub({ storage: { url: `sqlite://${join(dir, 'scheduled.sqlite')}` }, backup: { intervalHours: 0.4 / 3600, keep: 2, dir: backups } });
    try {
      await hub.api('create_campaign', { name: 'Nightly', system: 'D&D 5e' });
      const files = () => (existsSync(backups) ? readdirSync(backups).filter((f) => f.endsWith('.jsonl.gz')) : []);
      // Four intervals at least: two files kept, older ones removed.
      for (let i = 0; i < 100 && files().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 1500));
      expect(files()).toHaveLength(2);
    } finally {
      await hub.close();
    }
  });
});
