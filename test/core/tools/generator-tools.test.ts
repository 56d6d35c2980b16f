import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/index.js';
import { coreFixture } from '../../helpers/core-fixture.js';

describe('generate_npc', () => {
  it('makes a complete NPC of the asked role, scaled by level, the same for the same seed', async () => {
    const a = await coreFixture({ random: seededRandom(7) });
    const b = await coreFixture({ random: seededRandom(7) });
    const one = (await a.ok('generate_npc', { role: 'guard', race: 'dwarf', level: 5 })).npc;
    expect((await b.ok('generate_npc', { role: 'guard', race: 'dwarf', level: 5 })).npc).toEqual(one);
    expect(one).toMatchObject({ role: 'guard', race: 'dwarf', level: 5, stats: { ac: 16, speed: 25, proficiency: 3 } });
    expect(one.name).toMatch(/^\S+ \S+/);
    expect(one.stats.abilities.str).toBeGreaterThanOrEqual(14); // a guard is at least as strong as the template
    expect(one.stats.skills.Perception).toBe(Math.floor((one.stats.abilities.wis - 10) / 2) + 3);
    const low = (await a.ok('generate_npc', { role: 'guard', race: 'dwarf', level: 1 })).npc;
    expect(one.stats.hp).toBeGreaterThan(low.stats.hp);
    const chosen = (await a.ok('generate_npc', { traits: ['always whistling'] })).npc;
    expect(chosen.personality.traits).toEqual(['always whistling']);
  });

  it('lets the GM keep the NPC in the campaign, and refuses players and unknown roles clearly', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const saved = await f.ok('generate_npc', { campaignId, role: 'merchant', save: true });
    const { campaign } = await f.ok('get_campaign', { campaignId, dataType: 'npcs' });
    expect(campaign.data.npcs).toMatchObject([{ id: saved.savedAs, name: saved.npc.name, role: 'merchant' }]);
    const player = await f.member(campaignId, 'player');
    expect(await f.fail('generate_npc', { save: true }, player)).toMatchObject({ code: 'FORBIDDEN', field: 'save' });
    expect((await f.ok('generate_npc', {}, player)).savedAs).toBeNull();
    expect(await f.fail('generate_npc', { role: 'dragon' })).toMatchObject({ code: 'VALIDATION', field: 'role' });
    expect(await f.fail('generate_npc', { save: true })).toMatchObject({ code: 'VALIDATION', field: 'campaignId' });
  });
});
