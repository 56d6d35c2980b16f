import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reachable } from '../helpers/reachable.js';
import { exited, spawnHub } from '../helpers/spawn-hub.js';
import { httpWriter, stdioWriter, type Writer } from '../helpers/writers.js';

// Issue 14, defect 1: two processes on one store lost acknowledged writes and both won version races.
// Real processes through their real entry points: `ttrpg-hub start` twice, or `start` + `mcp` (stdio).
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const [redisUp, postgresUp] = await Promise.all([reachable(redisUrl), reachable(postgresUrl)]);
if (!redisUp) console.warn(`Skipping two hubs on Redis: nothing listens at ${redisUrl}`);
if (!postgresUp) console.warn(`Skipping two hubs on Postgres: nothing listens at ${postgresUrl}`);

const token = 'two-writers-owner-token-0123456789abc';
const cleanup: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

async function hub(env: Record<string, string>) {
  const h = await spawnHub({ HUB_OWNER_TOKEN: token, ...env });
  cleanup.push(async () => {
    h.child.kill('SIGTERM');
    await exited(h.child);
  });
  return httpWriter(h.url, token, `hub ${h.url}`);
}

function dataFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-two-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const setups = [
  {
    name: 'a hub and the stdio MCP server opening the same SQLite file itself (--standalone)',
    run: true,
    start: async (): Promise<[Writer, Writer]> => {
      const env = { DATA_DIR: dataFolder() };
      const a = await hub(env);
      const b = await stdioWriter({ ...env, HUB_OWNER_TOKEN: token, LOG_LEVEL: 'warn' }, ['--standalone']);
      cleanup.push(() => b.close());
      return [a, b];
    },
  },
  {
    name: 'a hub and the stdio MCP server on one SQLite data folder (relayed to the hub)',
    run: true,
    start: async (): Promise<[Writer, Writer]> => {
      const env = { DATA_DIR: dataFolder() };
      const a = await hub(env);
      const b = await stdioWriter({ ...env, HUB_OWNER_TOKEN: token, LOG_LEVEL: 'warn' });
      cleanup.push(() => b.close());
      return [a, b];
    },
  },
  {
    name: 'two hubs on one SQLite data folder',
    run: true,
    start: async (): Promise<[Writer, Writer]> => {
      const env = { DATA_DIR: dataFolder() };
      return [await hub(env), await hub(env)];
    },
  },
  {
    name: 'two hubs on Redis',
    run: redisUp,
    start: async (): Promise<[Writer, Writer]> => {
      const env = { DATA_DIR: dataFolder(), REDIS_URL: redisUrl, STORE_NAMESPACE: `two-writers-${process.pid}-${Date.now()}` };
      return [await hub(env), await hub(env)];
    },
  },
  {
    name: 'two hubs on Postgres',
    run: postgresUp,
    start: async (): Promise<[Writer, Writer]> => {
      const env = { DATA_DIR: dataFolder(), DATABASE_URL: postgresUrl, STORE_NAMESPACE: `two-writers-${process.pid}-${Date.now()}` };
      return [await hub(env), await hub(env)];
    },
  },
];

describe.each(setups)('$name', ({ run, start }) => {
  it.runIf(run)('keeps all 200 acknowledged writes made concurrently through both, and lets one of two version checks win', async () => {
    const [a, b] = await start();
    const created = await a.call('create_campaign', { name: 'Shared table', system: 'D&D 5e' });
    const campaignId = created.value.campaign.id as string;
    expect((await b.call('start_session', { campaignId })).ok).toBe(true);

    const writes = await Promise.all(
      Array.from({ length: 200 }, (_, i) => {
        const w = i % 2 ? a : b;
        return i % 4 < 2 ? w.call('add_session_note', { campaignId, note: `note ${i}` }) : w.call('roll_dice', { campaignId, expression: `1d20 # roll ${i}` });
      }),
    );
    const acknowledged = writes.filter((w) => w.ok).length;
    expect(acknowledged, writes.find((w) => !w.ok)?.text).toBe(200);

    const session = (await a.call('get_session', { campaignId })).value.session;
    expect(session.notes).toHaveLength(100);
    expect(session.rollCount).toBe(100);
    // Every acknowledged change got its own version: 1 (start) + 200.
    expect(session.version).toBe(201);
    // The newest 50 rolls (the session's recent window) are all there, none overwritten by the other writer.
    const labels = (await b.call('get_session', { campaignId })).value.session.rolls.map((r: any) => r.roll.label);
    expect(new Set(labels).size).toBe(50);

    // Version races: both writers hold version v and try to change it; exactly one may succeed each time.
    for (let round = 0; round < 10; round++) {
      const { version } = (await a.call('get_campaign', { campaignId })).value.campaign;
      const outcomes = await Promise.all([a, b, a, b].map((w, i) => w.call('update_campaign', { campaignId, description: `round ${round} by ${i}`, expectedVersion: version })));
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.ok).every((o) => /CONFLICT|someone changed it first/.test(o.text))).toBe(true);
    }
    const history = (await b.call('get_campaign', { campaignId })).value.campaign.history as { version: number }[];
    expect(new Set(history.map((h) => h.version)).size).toBe(history.length);
  }, 120_000);
});
