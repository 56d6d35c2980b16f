import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rulesFixture, type RulesFixture } from '../../helpers/rules-fixture.js';

let f: RulesFixture;
beforeAll(async () => {
  f = await rulesFixture();
  await f.ok('add_source', { path: f.files['handbook.pdf'], name: 'Test Handbook', system: 'D&D 5e', wait: true });
});
afterAll(() => f.cleanup());

describe('generate_encounter with the rules library', () => {
  it('draws monsters from the stat blocks of the GM\'s books and cites book and page', async () => {
    const found: { name: string; source: string; hp: number; ac: number; initiativeBonus: number }[] = [];
    for (let seed = 0; seed < 60 && !found.length; seed++) {
      const e = await f.ok('generate_encounter', { partyLevels: [1, 1, 1, 1], difficulty: 'easy', seed });
      found.push(...e.monsters.filter((m: { name: string }) => m.name === 'Goblin'));
    }
    expect(found[0]).toMatchObject({ name: 'Goblin', source: 'Test Handbook, p. 5', hp: 7, ac: 15, initiativeBonus: 2 });
    const without = await f.ok('generate_encounter', { partyLevels: [1, 1, 1, 1], difficulty: 'easy', seed: 1, useLibrary: false });
    expect(without.monsters.every((m: { source: string }) => m.source === 'SRD 5.1 (built-in list)')).toBe(true);
  });
});
