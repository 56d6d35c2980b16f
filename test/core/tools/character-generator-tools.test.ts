import { describe, expect, it } from 'vitest';
import { CharacterSheetSchema } from '../../../src/core/index.js';
import { coreFixture } from '../../helpers/core-fixture.js';

describe('generate_character', () => {
  it('returns a universal sheet from the generator, the same for the same seed, with a template backstory', async () => {
    const f = await coreFixture();
    const input = { system: 'D&D 5e', level: 5, class: 'CLERIC', ancestry: 'hill dwarf', method: 'point-buy', seed: 99, hints: 'Raised by smugglers' };
    const one = await f.ok('generate_character', input);
    const two = await f.ok('generate_character', input);
    expect(CharacterSheetSchema.parse(one.character)).toBeTruthy();
    expect({ ...one.character, id: 'x' }).toEqual({ ...two.character, id: 'x' });
    expect(one.character).toMatchObject({ system: 'dnd5e', race: 'Hill Dwarf', background: 'Acolyte', level: 5, proficiencyBonus: 3, classes: [{ name: 'Cleric', subclass: 'Life Domain', level: 5 }], source: { provider: 'generator', id: 'seed:99' } });
    expect(one.generation.pointBuyCost).toBe(27);
    expect(one.backstory.source).toBe('template');
    expect(one.backstory.text).toContain(one.character.name.split(' ')[0]);
    expect(one.backstory.text).toMatch(/Raised by smugglers\.$/);
    expect(one.character.notes).toContain(one.backstory.text);
    expect(one.character.spellcasting.slots.map((s: { max: number }) => s.max)).toEqual([4, 3, 2]);
  });

  it('asks the backstory writer when one is wired, and falls back to templates when it fails', async () => {
    const prompts: string[] = [];
    const f = await coreFixture({ writeBackstory: async (prompt) => (prompts.push(prompt), 'Written by the game master.') });
    const made = await f.ok('generate_character', { class: 'rogue', seed: 3, hints: 'owes a debt' });
    expect(made.backstory).toEqual({ text: 'Written by the game master.', source: 'writer' });
    expect(prompts[0]).toMatch(/Rogue.*owes a debt/);
    const broken = await coreFixture({ writeBackstory: async () => { throw new Error('provider down'); } });
    expect((await broken.ok('generate_character', { seed: 3 })).backstory.source).toBe('template');
  });

  it('saves the sheet in the campaign\'s characters', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const made = await f.ok('generate_character', { campaignId, save: true, class: 'wizard', level: 3 });
    const { campaign } = await f.ok('get_campaign', { campaignId, dataType: 'characters' });
    expect(campaign.data.characters).toMatchObject([{ id: made.savedAs, name: made.character.name, classes: [{ name: 'Wizard' }] }]);
    // Stored as a universal sheet like an imported character, so the character tools see it.
    expect((await f.ok('get_character', { campaignId, character: made.savedAs })).character.name).toBe(made.character.name);
    expect(made.character.owner).toEqual({ discordUserId: null, memberId: null });
    const player = await f.member(campaignId, 'player');
    const mine = await f.ok('generate_character', { save: true, class: 'bard' }, player);
    expect(mine.character.owner).toEqual({ discordUserId: null, memberId: player.id });
    const viewer = await f.member(campaignId, 'viewer');
    // Viewers (stream overlays) may not generate at all: the registry refuses before the tool runs.
    expect(await f.fail('generate_character', { save: true }, viewer)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses bad input with the field and what is allowed, and changes nothing', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    for (const [input, field, allowed] of [
      [{ level: 0 }, 'level', /1 to 20/],
      [{ level: 99 }, 'level', /1 to 20/],
      [{ class: 'artificer' }, 'class', /Barbarian.*Wizard/],
      [{ system: 'gurps' }, 'system', /dnd5e.*5e/],
      [{ ancestry: 'aarakocra' }, 'ancestry', /Tiefling/],
      [{ method: 'roll-3d6' }, 'method', /standard-array/],
    ] as const) {
      const error = await f.fail('generate_character', { ...input, campaignId, save: true });
      expect(error).toMatchObject({ code: 'VALIDATION', field });
      expect(error.message).toMatch(allowed);
    }
    const { campaign } = await f.ok('get_campaign', { campaignId, dataType: 'characters' });
    expect(campaign.data.characters).toEqual([]);
  });
});
