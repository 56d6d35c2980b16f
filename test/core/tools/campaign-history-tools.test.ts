import { describe, expect, it } from 'vitest';
import { coreFixture, type CoreFixture } from '../../helpers/core-fixture.js';

/** v1 created, v2 adds Sildar, v3 renames the campaign, v4 removes Sildar. */
async function threeEdits(f: CoreFixture) {
  const campaignId = await f.campaign('Phandelver');
  const { item } = await f.ok('update_campaign_data', { campaignId, dataType: 'npcs', operation: 'add', item: { name: 'Sildar', faction: 'Lords\' Alliance' } });
  f.clock.advance(1000);
  await f.ok('update_campaign', { campaignId, name: 'Phandelver and Below' });
  await f.ok('update_campaign_data', { campaignId, dataType: 'npcs', operation: 'remove', itemId: item.id });
  return { campaignId, sildar: item };
}

describe('get_campaign_history', () => {
  it('lists every version with who changed what and when', async () => {
    const f = await coreFixture();
    const { campaignId } = await threeEdits(f);
    const co = await f.member(campaignId, 'gm', 'Bob');
    await f.ok('update_campaign', { campaignId, description: 'co-GM notes' }, co);

    const out = await f.ok('get_campaign_history', { campaignId });
    expect(out.currentVersion).toBe(5);
    expect(out.snapshot).toBeNull();
    expect(out.history.map((h: { version: number; actor: { name: string }; summary: string }) => [h.version, h.actor.name, h.summary])).toEqual([
      [1, 'Owner', 'Created the campaign'],
      [2, 'Owner', 'Added NPC "Sildar"'],
      [3, 'Owner', 'Changed name'],
      [4, 'Owner', 'Removed NPC "Sildar"'],
      [5, 'Bob', 'Changed description'],
    ]);
    expect(out.history[2].at).toBe('2026-01-01T00:00:01.000Z');
  });

  it('returns the content of one version on request', async () => {
    const f = await coreFixture();
    const { campaignId, sildar } = await threeEdits(f);
    const { snapshot } = await f.ok('get_campaign_history', { campaignId, version: 2 });
    expect(snapshot).toMatchObject({ version: 2, name: 'Phandelver', data: { npcs: [sildar] } });
    const missing = await f.fail('get_campaign_history', { campaignId, version: 99 });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', field: 'version' });
    expect((await f.fail('get_campaign_history', { campaignId, version: 0 })).field).toBe('version');
  });

  it('is for GMs only: players are refused', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const player = await f.member(campaignId, 'player');
    const error = await f.fail('get_campaign_history', { campaignId }, player);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toMatch(/needs the gm role .*your token has the player role/);
  });
});

describe('rollback_campaign', () => {
  it('restores an earlier version\'s content as a new version, keeping the history', async () => {
    const f = await coreFixture();
    const { campaignId, sildar } = await threeEdits(f);
    const { campaign } = await f.ok('rollback_campaign', { campaignId, version: 2 });
    expect(campaign.version).toBe(5);
    expect(campaign.name).toBe('Phandelver');
    expect(campaign.data.npcs).toEqual([sildar]);
    expect(campaign.history.map((h: { summary: string }) => h.summary)).toEqual([
      'Created the campaign',
      'Added NPC "Sildar"',
      'Changed name',
      'Removed NPC "Sildar"',
      'Rolled back to version 2',
    ]);
    expect(f.eventsOf('campaign.updated').at(-1)).toMatchObject({ version: 5, summary: 'Rolled back to version 2', dataType: null });
    // What get_campaign returns afterwards is the rolled-back content, not just the tool's output.
    expect((await f.ok('get_campaign', { campaignId })).campaign).toEqual(campaign);
  });

  it('can itself be undone by rolling back to the version before it', async () => {
    const f = await coreFixture();
    const { campaignId } = await threeEdits(f);
    await f.ok('rollback_campaign', { campaignId, version: 1 });
    const { campaign } = await f.ok('rollback_campaign', { campaignId, version: 4 });
    expect(campaign).toMatchObject({ version: 6, name: 'Phandelver and Below', data: { npcs: [] } });
  });

  it('leaves members and sessions alone: players keep their access', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    await f.ok('update_campaign', { campaignId, description: 'v2' });
    const player = await f.member(campaignId, 'player', 'Alice');
    const sessionId = await f.session(campaignId);
    await f.ok('rollback_campaign', { campaignId, version: 1 });

    expect((await f.core.deps.access.authenticate(player.token)).ok).toBe(true);
    expect((await f.ok('list_members', { campaignId })).members.map((m: { name: string }) => m.name)).toEqual(['Alice']);
    expect((await f.ok('get_session', { campaignId })).session.id).toBe(sessionId);
  });

  it('refuses the current or a later version, saying which versions are allowed', async () => {
    const f = await coreFixture();
    const { campaignId } = await threeEdits(f);
    for (const version of [4, 5]) {
      const error = await f.fail('rollback_campaign', { campaignId, version });
      expect(error).toMatchObject({ code: 'VALIDATION', field: 'version' });
      expect(error.message).toMatch(/expected 1 to 3/);
    }
    expect((await f.ok('get_campaign', { campaignId })).campaign.version).toBe(4);
  });

  it('fails with CONFLICT on a stale expectedVersion and changes nothing', async () => {
    const f = await coreFixture();
    const { campaignId } = await threeEdits(f);
    const before = (await f.ok('get_campaign', { campaignId })).campaign;
    const error = await f.fail('rollback_campaign', { campaignId, version: 1, expectedVersion: 3 });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion', details: { currentVersion: 4 } });
    expect((await f.ok('get_campaign', { campaignId })).campaign).toEqual(before);
    expect((await f.ok('get_campaign_history', { campaignId })).currentVersion).toBe(4);
  });
});
