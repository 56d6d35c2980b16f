import { describe, expect, it } from 'vitest';
import { DataTypes } from '../../../src/core/index.js';
import { coreFixture } from '../../helpers/core-fixture.js';

describe('create_campaign, list_campaigns, get_campaign', () => {
  it('creates a campaign at version 1 with empty data and lists it with the caller\'s role', async () => {
    const f = await coreFixture();
    const { campaign } = await f.ok('create_campaign', { name: '  Curse of Strahd ', system: 'D&D 5e', description: 'Gothic horror' });
    // Names are trimmed so "Curse of Strahd" is what delete_campaign's confirm must match.
    expect(campaign).toMatchObject({ name: 'Curse of Strahd', system: 'D&D 5e', description: 'Gothic horror', version: 1, activeSessionId: null });
    expect(Object.values(campaign.data).every((list) => Array.isArray(list) && list.length === 0)).toBe(true);
    expect(campaign.history).toEqual([{ version: 1, at: '2026-01-01T00:00:00.000Z', actor: { id: 'owner', name: 'Owner' }, summary: 'Created the campaign' }]);
    expect(f.eventsOf('campaign.created')).toMatchObject([{ campaignId: campaign.id, name: 'Curse of Strahd', version: 1 }]);

    const { campaigns } = await f.ok('list_campaigns');
    expect(campaigns).toEqual([
      expect.objectContaining({ id: campaign.id, name: 'Curse of Strahd', version: 1, role: 'gm', activeSessionId: null }),
    ]);
    expect((await f.ok('get_campaign', { campaignId: campaign.id })).campaign).toEqual(campaign);
  });

  it('says so when there are no campaigns yet', async () => {
    const f = await coreFixture();
    const r = await f.call('list_campaigns');
    expect(r.ok && r.value.campaigns).toEqual([]);
    expect(r.text).toMatch(/No campaigns yet: create one with create_campaign/);
  });

  it('returns one data type only when asked', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    await f.ok('update_campaign_data', { campaignId, dataType: 'characters', operation: 'add', item: { name: 'Tordek' } });
    await f.ok('update_campaign_data', { campaignId, dataType: 'npcs', operation: 'add', item: { name: 'Sildar' } });
    const { campaign } = await f.ok('get_campaign', { campaignId, dataType: 'npcs' });
    expect(campaign.data.npcs.map((n: { name: string }) => n.name)).toEqual(['Sildar']);
    expect(campaign.data.characters).toEqual([]);
  });

  it('rejects bad input naming the field and what was expected', async () => {
    const f = await coreFixture();
    const emptyName = await f.fail('create_campaign', { name: '   ', system: 'D&D 5e' });
    expect(emptyName).toMatchObject({ code: 'VALIDATION', field: 'name' });
    expect(emptyName.message).toMatch(/name: .*>=1 characters/);
    const noSystem = await f.fail('create_campaign', { name: 'X' });
    expect(noSystem).toMatchObject({ code: 'VALIDATION', field: 'system' });
    expect(noSystem.message).toMatch(/expected string/);
    expect(await f.fail('get_campaign', { campaignId: 'nope' })).toMatchObject({ code: 'NOT_FOUND', field: 'campaignId', message: 'Campaign "nope" does not exist' });
    expect(await f.fail('get_campaign', {})).toMatchObject({ code: 'VALIDATION', field: 'campaignId' });
  });
});

describe('update_campaign', () => {
  it('changes name and description as a new version with a readable history entry', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    f.clock.advance(60_000);
    const { campaign } = await f.ok('update_campaign', { campaignId, name: 'Phandelver', description: 'Act 2' });
    expect(campaign).toMatchObject({ name: 'Phandelver', description: 'Act 2', system: 'D&D 5e', version: 2, updatedAt: '2026-01-01T00:01:00.000Z' });
    expect(campaign.history.at(-1)).toMatchObject({ version: 2, summary: 'Changed name, description' });
    expect(f.eventsOf('campaign.updated')).toMatchObject([{ campaignId, version: 2, summary: 'Changed name, description', dataType: null }]);
  });

  it('refuses a call that changes nothing, without creating a version', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const error = await f.fail('update_campaign', { campaignId });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'name' });
    expect(error.message).toMatch(/give a name, system or description/);
    expect((await f.ok('get_campaign', { campaignId })).campaign.version).toBe(1);
  });

  it('fails with CONFLICT on a stale expectedVersion and leaves the stored campaign as it was', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign('Original');
    await f.ok('update_campaign', { campaignId, description: 'first edit', expectedVersion: 1 });
    const before = (await f.ok('get_campaign', { campaignId })).campaign;
    const eventsBefore = f.events.length;

    const error = await f.fail('update_campaign', { campaignId, name: 'Lost edit', expectedVersion: 1 });
    expect(error).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion', details: { currentVersion: 2 } });
    expect(error.message).toMatch(/at version 2, not 1/);
    expect((await f.ok('get_campaign', { campaignId })).campaign).toEqual(before);
    expect(f.events.length).toBe(eventsBefore);
  });
});

describe('update_campaign_data', () => {
  const singular = { characters: 'character', npcs: 'NPC', locations: 'location', plotPoints: 'plot point', quests: 'quest' } as const;

  it.each(DataTypes)('adds, updates and removes %s, one version each, keeping custom fields', async (dataType) => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const added = await f.ok('update_campaign_data', { campaignId, dataType, operation: 'add', item: { name: 'Thing', level: 3, tags: ['a'] } });
    expect(added.item).toMatchObject({ name: 'Thing', level: 3, tags: ['a'] });
    expect(added.item.id).toEqual(expect.any(String));
    expect(added.campaign.version).toBe(2);
    expect(added.campaign.data[dataType]).toEqual([added.item]);

    const itemId = added.item.id;
    const updated = await f.ok('update_campaign_data', { campaignId, dataType, operation: 'update', itemId, item: { level: 4, status: 'alive' } });
    // update merges: fields not given survive, and the id cannot be changed.
    expect(updated.item).toEqual({ id: itemId, name: 'Thing', level: 4, tags: ['a'], status: 'alive' });
    expect(updated.campaign.version).toBe(3);

    const removed = await f.ok('update_campaign_data', { campaignId, dataType, operation: 'remove', itemId });
    expect(removed.item).toMatchObject({ id: itemId, name: 'Thing' });
    expect(removed.campaign.data[dataType]).toEqual([]);
    expect(removed.campaign.version).toBe(4);

    expect(removed.campaign.history.slice(1).map((h: { summary: string }) => h.summary)).toEqual([
      `Added ${singular[dataType]} "Thing"`,
      `Updated ${singular[dataType]} "Thing"`,
      `Removed ${singular[dataType]} "Thing"`,
    ]);
    expect(f.eventsOf('campaign.updated').map((e) => [e.version, e.dataType])).toEqual([[2, dataType], [3, dataType], [4, dataType]]);
  });

  it('keeps an id given on add and refuses a second item with the same id', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const added = await f.ok('update_campaign_data', { campaignId, dataType: 'npcs', operation: 'add', item: { id: 'sildar', name: 'Sildar' } });
    expect(added.item.id).toBe('sildar');
    const dup = await f.fail('update_campaign_data', { campaignId, dataType: 'npcs', operation: 'add', item: { id: 'sildar', name: 'Other' } });
    expect(dup).toMatchObject({ code: 'CONFLICT', field: 'item.id' });
    expect(dup.message).toMatch(/use operation "update"/);
  });

  it('explains what is missing or wrong, naming the field', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const cases: [unknown, string, RegExp][] = [
      [{ dataType: 'npcs', operation: 'update', item: { name: 'X' } }, 'itemId', /itemId is required to update an item/],
      [{ dataType: 'npcs', operation: 'remove' }, 'itemId', /itemId is required to remove an item/],
      [{ dataType: 'npcs', operation: 'add' }, 'item', /item is required to add an item/],
      [{ dataType: 'npcs', operation: 'add', item: { level: 2 } }, 'item.name', /item\.name: .*expected string/],
      [{ dataType: 'npcs', operation: 'add', item: { name: '' } }, 'item.name', /item\.name: .*>=1 characters/],
      [{ dataType: 'monsters', operation: 'add', item: { name: 'X' } }, 'dataType', /expected one of "characters"\|"npcs"/],
      [{ dataType: 'npcs', operation: 'rename', item: { name: 'X' } }, 'operation', /expected one of "add"\|"update"\|"remove"/],
    ];
    for (const [input, field, message] of cases) {
      const error = await f.fail('update_campaign_data', { campaignId, ...(input as object) });
      expect(error, JSON.stringify(input)).toMatchObject({ code: 'VALIDATION', field });
      expect(error.message, JSON.stringify(input)).toMatch(message);
    }
    // An update may not blank a name out either.
    const { item } = await f.ok('update_campaign_data', { campaignId, dataType: 'npcs', operation: 'add', item: { name: 'Sildar' } });
    const blank = await f.fail('update_campaign_data', { campaignId, dataType: 'npcs', operation: 'update', itemId: item.id, item: { name: '' } });
    expect(blank).toMatchObject({ code: 'VALIDATION', field: 'item.name' });
    expect((await f.ok('get_campaign', { campaignId })).campaign.version).toBe(2);
  });

  it('reports an unknown item id as NOT_FOUND on itemId', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const error = await f.fail('update_campaign_data', { campaignId, dataType: 'quests', operation: 'remove', itemId: 'ghost' });
    expect(error).toMatchObject({ code: 'NOT_FOUND', field: 'itemId', message: 'Item in quests "ghost" does not exist' });
  });

  it('enforces the per-type item limit with LIMIT', async () => {
    const f = await coreFixture({ limits: { maxItemsPerType: 2 } });
    const campaignId = await f.campaign();
    for (const name of ['A', 'B']) await f.ok('update_campaign_data', { campaignId, dataType: 'locations', operation: 'add', item: { name } });
    const error = await f.fail('update_campaign_data', { campaignId, dataType: 'locations', operation: 'add', item: { name: 'C' } });
    expect(error).toMatchObject({ code: 'LIMIT', field: 'dataType' });
    expect(error.message).toMatch(/already has 2 locations: the limit is 2/);
  });

  it('applies concurrent changes one after the other, losing none', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const names = ['A', 'B', 'C', 'D', 'E'];
    await Promise.all(names.map((name) => f.ok('update_campaign_data', { campaignId, dataType: 'characters', operation: 'add', item: { name } })));
    const { campaign } = await f.ok('get_campaign', { campaignId });
    expect(campaign.version).toBe(6);
    expect(campaign.data.characters.map((c: { name: string }) => c.name).sort()).toEqual(names);
  });

  it('honours expectedVersion on data changes', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const stale = await f.fail('update_campaign_data', { campaignId, dataType: 'npcs', operation: 'add', item: { name: 'X' }, expectedVersion: 7 });
    expect(stale).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 1 } });
    expect((await f.ok('get_campaign', { campaignId })).campaign.data.npcs).toEqual([]);
    await f.ok('update_campaign_data', { campaignId, dataType: 'npcs', operation: 'add', item: { name: 'X' }, expectedVersion: 1 });
  });
});

describe('delete_campaign', () => {
  it('needs the exact name in confirm and keeps the campaign otherwise', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign('Tomb of Annihilation');
    const error = await f.fail('delete_campaign', { campaignId, confirm: 'tomb of annihilation' });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'confirm', message: 'confirm must be the campaign\'s name "Tomb of Annihilation"' });
    expect((await f.ok('get_campaign', { campaignId })).campaign.name).toBe('Tomb of Annihilation');
  });

  it('removes the campaign, its sessions and its tokens\' access', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign('Tomb of Annihilation');
    const keep = await f.campaign('Keep');
    const sessionId = await f.session(campaignId);
    const player = await f.member(campaignId, 'player', 'Alice');

    const { deleted } = await f.ok('delete_campaign', { campaignId, confirm: 'Tomb of Annihilation' });
    expect(deleted).toEqual({ id: campaignId, name: 'Tomb of Annihilation' });
    expect((await f.fail('get_campaign', { campaignId })).code).toBe('NOT_FOUND');
    expect((await f.fail('get_session', { sessionId })).code).toBe('NOT_FOUND');
    expect((await f.ok('list_campaigns')).campaigns.map((c: { id: string }) => c.id)).toEqual([keep]);
    const auth = await f.core.deps.access.authenticate(player.token);
    expect(!auth.ok && auth.error.code).toBe('UNAUTHENTICATED');
    expect(f.eventsOf('campaign.deleted')).toMatchObject([{ campaignId }]);
  });
});
