import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, type CharacterImporter, type CharacterImportRequest } from '../../../src/core/index.js';
import { createImporters } from '../../../src/importers/create-importers.js';
import { coreFixture } from '../../helpers/core-fixture.js';

const fixture = (name: string) => JSON.parse(readFileSync(resolve('test/fixtures/characters', name), 'utf8'));
const rogue = () => fixture('roll20-v2-rogue5.json');

/**
 * A provider that needs a credential, standing in for D&D Beyond (its importer is built separately):
 * it records what the hub handed it, so the test sees that the stored credential comes back.
 */
function privateProvider(seen: CharacterImportRequest[]): CharacterImporter {
  return {
    provider: 'dndbeyond',
    formats: ['test provider URL'],
    accepts: (r) => typeof r.url === 'string' && r.url.startsWith('https://private.example/'),
    async import(r) {
      seen.push(r);
      const sheet = rogue();
      return ok({ ...(await createImporters()[0]!.import({ data: sheet }, new AbortController().signal).then((x) => (x.ok ? x.value : null)))!, source: { provider: 'dndbeyond', id: r.url!.split('/').pop()!, url: r.url!, importedAt: '' } });
    },
  };
}

describe('characters', () => {
  it('imports a Roll20 export as a campaign character, and a re-import refreshes it without duplicating', async () => {
    const f = await coreFixture({ importers: createImporters() });
    const campaignId = await f.campaign();
    const alice = await f.member(campaignId, 'player', 'Alice');
    const first = await f.ok('import_character', { campaignId, data: rogue() }, alice);
    expect(first.characters[0]).toMatchObject({ status: 'created', character: { name: 'Pip Quickfingers', owner: { memberId: alice.id }, source: { provider: 'roll20', id: '-MhandWrittenRogue1' } } });
    const id = first.characters[0].character.id;

    const changed = rogue();
    changed.attribs.find((a: { name: string }) => a.name === 'ac').current = '16';
    const again = await f.ok('import_character', { campaignId, data: JSON.stringify(changed) }, alice);
    expect(again.characters[0]).toMatchObject({ status: 'refreshed', character: { id, ac: 16 } });
    const campaign = (await f.ok('get_campaign', { campaignId })).campaign;
    expect(campaign.data.characters).toHaveLength(1);
    // Characters are versioned with the campaign: the history names both imports, and rollback restores AC 15.
    expect(campaign.history.map((h: { summary: string }) => h.summary).slice(-2)).toEqual(['Imported character "Pip Quickfingers"', 'Refreshed character "Pip Quickfingers"']);
    await f.ok('rollback_campaign', { campaignId, version: campaign.version - 1 });
    expect((await f.ok('get_character', { campaignId, character: 'pip' })).character.ac).toBe(15);
  });

  it('lets players change only their own characters, and the GM any', async () => {
    const f = await coreFixture({ importers: createImporters() });
    const campaignId = await f.campaign();
    const alice = await f.member(campaignId, 'player', 'Alice');
    const bob = await f.member(campaignId, 'player', 'Bob');
    await f.ok('import_character', { campaignId, data: rogue() }, alice);
    expect(await f.fail('update_character', { campaignId, character: 'Pip Quickfingers', changes: { ac: 20 } }, bob)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await f.fail('remove_character', { campaignId, character: 'Pip Quickfingers' }, bob)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await f.fail('import_character', { campaignId, data: rogue() }, bob)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/another player's character/) });
    expect(await f.fail('select_character', { campaignId, character: 'Pip' }, bob)).toMatchObject({ code: 'FORBIDDEN' });
    const updated = await f.ok('update_character', { campaignId, character: 'Pip', changes: { hp: { max: 38, current: 12, temp: 0 } } }, alice);
    expect(updated.character.hp.current).toBe(12);
    const listed = await f.ok('list_characters', { campaignId }, bob);
    expect(listed.characters).toEqual([expect.objectContaining({ name: 'Pip Quickfingers', mine: false, classes: 'Rogue 5 (Thief)', hp: '12/38' })]);
    await f.ok('remove_character', { campaignId, character: 'Pip' });
    expect((await f.ok('list_characters', { campaignId })).characters).toEqual([]);
  });

  it('refuses impossible values, HTML pages, unknown shapes and oversized exports, storing nothing', async () => {
    const f = await coreFixture({ importers: createImporters(), limits: { maxImportMb: 0.05 } });
    const campaignId = await f.campaign();
    await f.ok('import_character', { campaignId, data: rogue() });
    const before = (await f.ok('get_campaign', { campaignId })).campaign.version;

    const str45 = await f.fail('update_character', { campaignId, character: 'Pip', changes: { abilities: { str: 45, dex: 18, con: 14, int: 12, wis: 10, cha: 13 } } });
    expect(str45).toMatchObject({ code: 'VALIDATION', field: 'character.abilities.str', message: expect.stringMatching(/character\.abilities\.str: .*30.*got 45/) });
    const hp = await f.fail('update_character', { campaignId, character: 'Pip', changes: { hp: { max: 10, current: 50, temp: 0 } } });
    expect(hp).toMatchObject({ field: 'character.hp.current', message: expect.stringMatching(/current HP 50 is more than max HP 10/) });
    const levels = await f.fail('update_character', { campaignId, character: 'Pip', changes: { level: 9 } });
    expect(levels.message).toMatch(/level is 9 but the classes add up to 5/);

    const html = await f.fail('import_character', { campaignId, data: '<!DOCTYPE html><html><body>Sign in</body></html>' });
    expect(html).toMatchObject({ code: 'BAD_FILE', message: expect.stringMatching(/HTML page, not a character export/) });
    const unknown = await f.fail('import_character', { campaignId, data: { foo: 1 } });
    expect(unknown).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/expected one of Roll20 character exported by the VTT Enhancement Suite.*ttrpg-hub character sheet/) });
    const big = await f.fail('import_character', { campaignId, data: JSON.stringify({ ...rogue(), bio: 'x'.repeat(60_000) }) });
    expect(big).toMatchObject({ code: 'LIMIT', message: expect.stringMatching(/^The export is 6\d KB: the import limit is 52 KB \(limits\.maxImportMb/) });
    const badSheet = await f.fail('import_character', { campaignId, data: { name: 'Zed', system: 'dnd5e', level: 1, abilities: { str: 0, dex: 10, con: 10, int: 10, wis: 10, cha: 10 } } });
    expect(badSheet).toMatchObject({ code: 'VALIDATION', field: 'character.abilities.str' });
    expect((await f.ok('get_campaign', { campaignId })).campaign.version).toBe(before);
  });

  it('keeps a provider credential sealed per player and reuses it, never showing it', async () => {
    const seen: CharacterImportRequest[] = [];
    const f = await coreFixture({ importers: [privateProvider(seen), ...createImporters()] });
    const campaignId = await f.campaign();
    const alice = await f.member(campaignId, 'player', 'Alice');
    const bob = await f.member(campaignId, 'player', 'Bob');
    const cookie = 'CobaltSession=eyJhbGciOi.secret-cookie-value';
    const first = await f.call('import_character', { campaignId, url: 'https://private.example/101', credential: cookie }, alice);
    expect(first.ok).toBe(true);
    expect(JSON.stringify(first)).not.toContain('secret-cookie-value');
    await f.call('import_character', { campaignId, url: 'https://private.example/101' }, alice);
    await f.call('import_character', { campaignId, url: 'https://private.example/202' }, bob);
    expect(seen.map((r) => r.credential)).toEqual([cookie, cookie, undefined]);
    const stored = await f.core.deps.store.get<string>(`character-credential:dndbeyond:${alice.id}`);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain('secret-cookie-value');
  });

  it('resolves the active character, by name, or the only one a player has', async () => {
    const f = await coreFixture({ importers: createImporters() });
    const campaignId = await f.campaign();
    const alice = await f.member(campaignId, 'player', 'Alice');
    await f.ok('import_character', { campaignId, data: rogue() }, alice);
    expect((await f.ok('get_character', { campaignId }, alice)).character.name).toBe('Pip Quickfingers');
    await f.ok('import_character', { campaignId, data: fixture('roll20-v3-wizard3-cleric1.json') }, alice);
    expect((await f.fail('get_character', { campaignId }, alice)).message).toMatch(/You have 2 characters here/);
    await f.ok('select_character', { campaignId, character: 'ysolde' }, alice);
    expect((await f.ok('get_character', { campaignId }, alice)).character.name).toBe('Ysolde Emberquill');
    expect((await f.ok('list_characters', { campaignId, mine: true }, alice)).characters.map((c: { name: string; active: boolean }) => [c.name, c.active])).toEqual([
      ['Pip Quickfingers', false],
      ['Ysolde Emberquill', true],
    ]);
    expect((await f.fail('get_character', { campaignId, character: 'Nobody' })).message).toMatch(/No character "Nobody" in this campaign: the characters are Pip Quickfingers/);
  });

  it('imports a hub sheet (from get_character) into another campaign, and concurrent re-imports never duplicate', async () => {
    const f = await coreFixture({ importers: createImporters() });
    const first = await f.campaign('First');
    const second = await f.campaign('Second');
    await f.ok('import_character', { campaignId: first, data: rogue() });
    const sheet = (await f.ok('get_character', { campaignId: first, character: 'Pip' })).character;
    const copied = await f.ok('import_character', { campaignId: second, data: { ...sheet, notes: 'Copied over' } });
    // The sheet keeps its Roll20 source, so the Roll20 file refreshes the copy instead of adding another.
    expect(copied.characters[0].character).toMatchObject({ name: 'Pip Quickfingers', notes: 'Copied over', source: { provider: 'roll20', id: '-MhandWrittenRogue1' } });
    await Promise.all([1, 2, 3].map(() => f.ok('import_character', { campaignId: second, data: rogue() })));
    const listed = (await f.ok('list_characters', { campaignId: second })).characters;
    expect(listed.map((c: { id: string }) => c.id)).toEqual([copied.characters[0].character.id]);
  });

  it('keeps characters that are sheets valid when update_campaign_data changes them', async () => {
    const f = await coreFixture({ importers: createImporters() });
    const campaignId = await f.campaign();
    const id = (await f.ok('import_character', { campaignId, data: rogue() })).characters[0].character.id;
    const broken = await f.fail('update_campaign_data', { campaignId, dataType: 'characters', operation: 'update', itemId: id, item: { ac: 'high' } });
    expect(broken).toMatchObject({ code: 'VALIDATION', field: 'item.ac' });
    await f.ok('update_campaign_data', { campaignId, dataType: 'characters', operation: 'update', itemId: id, item: { ac: 17 } });
    expect((await f.ok('get_character', { campaignId, character: id })).character.ac).toBe(17);
    // Free-form characters (a name and a few notes) stay allowed, as before sheets existed.
    await f.ok('update_campaign_data', { campaignId, dataType: 'characters', operation: 'add', item: { name: 'Tordek', class: 'Fighter' } });
  });
});
