import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, spawnHub } from '../helpers/spawn-hub.js';

const dataDir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const token = 'crash-test-owner-token-0123456789';
const env = { DATA_DIR: dataDir, HUB_OWNER_TOKEN: token };

async function call(url: string, tool: string, input: Record<string, unknown>) {
  const res = await fetch(`${url}/api/tools/${tool}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ input }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('durability of the default SQLite store', () => {
  it('keeps every acknowledged write when the hub is killed with SIGKILL, and bad requests change nothing', async () => {
    const first = await spawnHub(env);
    const campaignId = (await call(first.url, 'create_campaign', { name: 'Kill -9', system: 'D&D 5e' })).body.value.campaign.id;
    await call(first.url, 'start_session', { campaignId });
    for (let i = 1; i <= 20; i++) expect((await call(first.url, 'add_session_note', { campaignId, note: `beat ${i}` })).status).toBe(200);
    await call(first.url, 'update_campaign_data', { campaignId, dataType: 'npcs', operation: 'add', item: { name: 'Ireena' } });

    // Rejected requests: nothing of them may reach the store.
    const bad = await call(first.url, 'update_campaign_data', { campaignId, dataType: 'npcs', operation: 'add', item: { name: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', field: 'item.name' });
    const stale = await call(first.url, 'update_campaign_data', { campaignId, dataType: 'npcs', operation: 'add', item: { name: 'Rahadin' }, expectedVersion: 1 });
    expect(stale.status).toBe(409);

    first.child.kill('SIGKILL');
    await exited(first.child);

    const second = await spawnHub(env);
    const session = (await call(second.url, 'get_session', { campaignId })).body.value.session;
    expect(session.notes.map((n: { text: string }) => n.text)).toEqual(Array.from({ length: 20 }, (_, i) => `beat ${i + 1}`));
    const campaign = (await call(second.url, 'get_campaign', { campaignId })).body.value.campaign;
    expect(campaign.data.npcs.map((n: { name: string }) => n.name)).toEqual(['Ireena']);
    expect(campaign.version).toBe(2);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  });
});
