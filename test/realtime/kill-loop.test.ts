import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reachable } from '../helpers/reachable.js';
import { exited, spawnHub } from '../helpers/spawn-hub.js';
import { httpWriter } from '../helpers/writers.js';

// `kill -9` in the middle of a stream of writes, a few times over (bounded for CI): every write the
// hub acknowledged is there after the restart, and the session still reads.
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisUp = await reachable(redisUrl);
if (!redisUp) console.warn(`Skipping the Redis kill -9 loop: nothing listens at ${redisUrl}`);

const token = 'kill-loop-owner-token-0123456789abcdef';
const CYCLES = 3;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const backends = [
  { name: 'sqlite', env: {} as Record<string, string>, run: true },
  { name: 'redis', env: { REDIS_URL: redisUrl, STORE_NAMESPACE: `kill-loop-${process.pid}-${Date.now()}` }, run: redisUp },
];

describe.each(backends)('kill -9 loop on $name', ({ env, run }) => {
  it.runIf(run)(`keeps every acknowledged note and roll over ${CYCLES} kills`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-kill-'));
    dirs.push(dataDir);
    const hubEnv = { ...env, DATA_DIR: dataDir, HUB_OWNER_TOKEN: token };
    let hub = await spawnHub(hubEnv);
    let api = httpWriter(hub.url, token);
    const campaignId = (await api.call('create_campaign', { name: 'Kill loop', system: 'D&D 5e' })).value.campaign.id;
    await api.call('start_session', { campaignId });
    const acknowledged: string[] = [];
    let rolls = 0;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      let stop = false;
      const writers = Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          const text = `c${cycle} w${w} n${i}`;
          try {
            const r = i % 2 ? await api.call('roll_dice', { campaignId, expression: '1d20' }) : await api.call('add_session_note', { campaignId, note: text });
            if (r.ok && i % 2) rolls++;
            else if (r.ok) acknowledged.push(text);
          } catch {
            return; // the hub died under us: this write was never acknowledged
          }
        }
      });
      await new Promise((r) => setTimeout(r, 400 + Math.random() * 600));
      hub.child.kill('SIGKILL');
      await exited(hub.child);
      stop = true;
      await Promise.all(writers);
      hub = await spawnHub(hubEnv);
      api = httpWriter(hub.url, token);
      const got = await api.call('get_session', { campaignId });
      expect(got.ok, got.text).toBe(true);
      const notes = new Set(got.value.session.notes.map((n: { text: string }) => n.text));
      expect(acknowledged.filter((t) => !notes.has(t))).toEqual([]);
      expect(got.value.session.rollCount).toBeGreaterThanOrEqual(rolls);
    }
    expect(acknowledged.length).toBeGreaterThan(CYCLES);
    hub.child.kill('SIGTERM');
    await exited(hub.child);
  }, 120_000);
});
