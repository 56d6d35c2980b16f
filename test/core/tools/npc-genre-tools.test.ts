import { describe, expect, it } from 'vitest';
import { coreFixture } from '../../helpers/core-fixture.js';

describe('generate_npc across genres', () => {
  it('makes a genre NPC, repeatable by seed, with the genre sheet and a template backstory', async () => {
    const f = await coreFixture();
    const input = { genre: 'cyberpunk', role: 'Netrunner', culture: 'neo-kyoto', level: 6, seed: 77 };
    const { npc } = await f.ok('generate_npc', input);
    expect((await f.ok('generate_npc', input)).npc).toEqual(npc);
    expect(npc).toMatchObject({ genre: 'cyberpunk', role: 'netrunner', culture: 'the Neo-Kyoto arcologies', level: 6, backstorySource: 'template', stats: { proficiency: 3 } });
    expect(Object.keys(npc.sheet.attributes)).toEqual(['Body', 'Reflexes', 'Grit', 'Tech', 'Cool', 'Empathy']);
    expect(npc.sheet.gear).toContain('cyberdeck');
    expect(npc.backstory).toContain(npc.knownAs);
    const boss = (await f.ok('generate_npc', { genre: 'cosmic-horror', challenge: '5', seed: 1 })).npc;
    expect(boss).toMatchObject({ challenge: '5', xp: 1800, stats: { proficiency: 3, attack: { toHit: 6, saveDc: 15 } } });
  });

  it('uses the AI game master for the backstory when wired, in the genre', async () => {
    const prompts: string[] = [];
    const f = await coreFixture({ writeBackstory: async (p) => (prompts.push(p), 'A life told by the game master.') });
    const { npc } = await f.ok('generate_npc', { genre: 'steampunk', seed: 5 });
    expect(npc).toMatchObject({ backstory: 'A life told by the game master.', backstorySource: 'writer' });
    expect(prompts[0]).toMatch(/steampunk setting/);
    expect(prompts[0]).toContain(npc.secret);
  });

  it('lists what a genre allows when the role, race, genre or challenge does not fit', async () => {
    const f = await coreFixture();
    expect(await f.fail('generate_npc', { genre: 'superhero', role: 'innkeeper' })).toMatchObject({ code: 'VALIDATION', field: 'role', message: expect.stringMatching(/"vigilante"/) });
    expect(await f.fail('generate_npc', { genre: 'historical', race: 'android' })).toMatchObject({ field: 'race', message: expect.stringMatching(/"human"/) });
    expect(await f.fail('generate_npc', { genre: 'western' })).toMatchObject({ field: 'genre', message: expect.stringMatching(/cyberpunk/) });
    expect(await f.fail('generate_npc', { challenge: '31' })).toMatchObject({ field: 'challenge' });
    expect(await f.fail('generate_npc', { level: 0 })).toMatchObject({ field: 'level', message: expect.stringMatching(/1 to 20/) });
  });
});
