import { describe, expect, it } from 'vitest';
import { cryptoRandom, seededRandom } from '../../../src/core/index.js';
import { GenreIds, GENRES } from '../../../src/core/generators/genres/index.js';
import { checkNpcRequest, generateNpc } from '../../../src/core/generators/npc-generator.js';

/** Paths of every empty string, empty list or empty object in a value. */
function empties(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.trim() ? [] : [path];
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => empties(v, `${path}[${i}]`)) : [path];
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([k, v]) => (v === null && (k === 'challenge' || k === 'xp') ? [] : empties(v, `${path}.${k}`))) : [path];
  }
  return value === null || value === undefined ? [path] : [];
}

describe('NPCs in every genre', () => {
  for (const genre of GenreIds) {
    it(`${genre}: 1,000 NPCs without a seed are complete and no two share a full name`, () => {
      const names = new Set<string>();
      const problems: string[] = [];
      const backstories = new Set<string>();
      for (let i = 0; i < 1000; i++) {
        const npc = generateNpc(cryptoRandom, { genre, level: (i % 20) + 1 });
        problems.push(...empties(npc).map((p) => `${npc.name}: empty ${p}`));
        if (names.has(npc.name)) problems.push(`duplicate name ${npc.name}`);
        names.add(npc.name);
        backstories.add(npc.backstory);
        if (!npc.backstory.includes(npc.knownAs) || !npc.name.includes(npc.knownAs)) problems.push(`${npc.name}: backstory does not name them`);
        if (/\{\w+\}|\ba [aeiou]|\bthe the\b/i.test(npc.backstory)) problems.push(`${npc.name}: unfilled template slot in "${npc.backstory}"`);
        if (Object.keys(npc.sheet.attributes).join() !== Object.values(GENRES[genre].attributes).join()) problems.push(`${npc.name}: sheet attributes are not the genre's`);
      }
      expect(problems.slice(0, 10)).toEqual([]);
      // Templates recombine: at least nine in ten backstories differ.
      expect(backstories.size).toBeGreaterThan(900);
    });
  }

  it('gives the same NPC for the same seed', () => {
    for (const genre of GenreIds) expect(generateNpc(seededRandom(11), { genre, level: 4 })).toEqual(generateNpc(seededRandom(11), { genre, level: 4 }));
  });

  it('scales stats by level, or by challenge rating along the 5e monster table', () => {
    const low = generateNpc(seededRandom(2), { genre: 'cyberpunk', role: 'street samurai', level: 1 });
    const high = generateNpc(seededRandom(2), { genre: 'cyberpunk', role: 'street samurai', level: 17 });
    expect([low.stats.proficiency, high.stats.proficiency]).toEqual([2, 6]);
    expect(high.stats.hp).toBeGreaterThan(low.stats.hp * 5);
    const boss = generateNpc(seededRandom(3), { genre: 'science-fiction', level: 1, challenge: '8' });
    expect(boss.stats).toMatchObject({ proficiency: 3, attack: { toHit: 7, saveDc: 16 } });
    expect(boss.stats.hp).toBeGreaterThanOrEqual(176);
    expect(boss.stats.hp).toBeLessThanOrEqual(190);
    expect(boss.stats.ac).toBeGreaterThanOrEqual(16);
    expect(boss.xp).toBe(3900);
  });

  it('names fit the culture asked for and refusals list what the genre has', () => {
    const npc = generateNpc(seededRandom(4), { genre: 'cyberpunk', culture: 'neo-kyoto', level: 3 });
    expect(npc.culture).toBe("the Neo-Kyoto arcologies");
    expect(npc.name).toMatch(/^\S+ '.+' \S+$/);
    const bad = checkNpcRequest({ genre: 'steampunk', role: 'netrunner', level: 1 });
    expect(bad.ok || bad.error).toMatchObject({ field: 'role', message: expect.stringMatching(/"inventor"/) });
    const race = checkNpcRequest({ genre: 'fantasy', race: 'android', level: 1 });
    expect(race.ok || race.error).toMatchObject({ field: 'race', message: expect.stringMatching(/"dwarf"/) });
  });
});
