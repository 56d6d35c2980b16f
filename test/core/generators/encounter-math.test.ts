import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/core/index.js';
import { buildEncounter } from '../../../src/core/generators/encounters/encounter-builder.js';
import { parseStatBlock } from '../../../src/core/generators/encounters/library-monsters.js';
import { SRD_MONSTERS } from '../../../src/core/generators/encounters/srd-monsters.js';

// The encounter tables, typed here from the rules rather than imported from the generator.
const THRESHOLDS = `25 50 75 100|50 100 150 200|75 150 225 400|125 250 375 500|250 500 750 1100|300 600 900 1400|350 750 1100 1700|450 900 1400 2100|550 1100 1600 2400|600 1200 1900 2800|800 1600 2400 3600|1000 2000 3000 4500|1100 2200 3400 5100|1250 2500 3800 5700|1400 2800 4300 6400|1600 3200 4800 7200|2000 3900 5900 8800|2100 4200 6300 9500|2400 4900 7300 10900|2800 5700 8500 12700`
  .split('|').map((row) => row.split(' ').map(Number));
const XP: Record<string, number> = {
  '0': 10, '1/8': 25, '1/4': 50, '1/2': 100, '1': 200, '2': 450, '3': 700, '4': 1100, '5': 1800, '6': 2300, '7': 2900, '8': 3900, '9': 5000, '10': 5900,
  '11': 7200, '12': 8400, '13': 10000, '14': 11500, '15': 13000, '16': 15000, '17': 18000, '19': 22000, '20': 25000, '21': 33000, '22': 41000, '23': 50000, '24': 62000, '30': 155000,
};
/** Multiplier by monster count for a party of 3-5; the party-size rule shifts one step along the same scale. */
function multiplier(monsters: number, party: number): number {
  const scale = [0.5, 1, 1.5, 2, 2.5, 3, 4, 5];
  const base = monsters === 1 ? 1 : monsters === 2 ? 2 : monsters <= 6 ? 3 : monsters <= 10 ? 4 : monsters <= 14 ? 5 : 6;
  return scale[base + (party < 3 ? 1 : party >= 6 ? -1 : 0)]!;
}
const ORDER = ['easy', 'medium', 'hard', 'deadly'] as const;

function check(levels: number[], difficulty: (typeof ORDER)[number], seed: number, problems: string[]) {
  const e = buildEncounter(seededRandom(seed), SRD_MONSTERS, { partyLevels: levels, difficulty });
  const t = ORDER.map((_, i) => levels.reduce((s, l) => s + THRESHOLDS[l - 1]![i]!, 0));
  const count = e.groups.reduce((s, g) => s + g.count, 0);
  const total = e.groups.reduce((s, g) => s + XP[g.monster.challenge]! * g.count, 0);
  const adjusted = total * multiplier(count, levels.length);
  const where = `party [${levels}] ${difficulty}`;
  if (JSON.stringify([e.thresholds.easy, e.thresholds.medium, e.thresholds.hard, e.thresholds.deadly]) !== JSON.stringify(t)) problems.push(`${where}: thresholds ${JSON.stringify(e.thresholds)} vs ${t}`);
  if (e.xpTotal !== total) problems.push(`${where}: xpTotal ${e.xpTotal} vs ${total}`);
  if (e.xpAdjusted !== adjusted) problems.push(`${where}: xpAdjusted ${e.xpAdjusted} vs ${adjusted}`);
  const i = ORDER.indexOf(difficulty);
  const inBand = adjusted >= t[i]! && (i === 3 || adjusted < t[i + 1]!);
  if (!inBand) problems.push(`${where}: adjusted ${adjusted} outside [${t[i]}, ${t[i + 1] ?? 'inf'})`);
  if (e.reached !== difficulty) problems.push(`${where}: reached ${e.reached}`);
}

describe('encounters follow the 5e encounter math', () => {
  it('for parties of 1 to 8 characters at every level and every difficulty', () => {
    const problems: string[] = [];
    let n = 0;
    for (let size = 1; size <= 8; size++) {
      for (let level = 1; level <= 20; level++) {
        for (const d of ORDER) check(Array(size).fill(level), d, size * 1000 + level * 10 + ORDER.indexOf(d), problems), n++;
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(n).toBe(640);
  });

  it('for mixed-level parties', () => {
    const problems: string[] = [];
    const random = seededRandom(5);
    for (let i = 0; i < 200; i++) {
      const levels = Array.from({ length: random.integer(1, 8) }, () => random.integer(1, 20));
      check(levels, ORDER[i % 4]!, i, problems);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('keeps to the environment when it can and says when it could not', () => {
    const e = buildEncounter(seededRandom(1), SRD_MONSTERS, { partyLevels: [3, 3, 3, 3], difficulty: 'hard', environment: 'arctic' });
    expect(e.groups.every((g) => g.monster.environments.includes('arctic'))).toBe(true);
    expect(e.notes).toEqual([]);
    const far = buildEncounter(seededRandom(1), SRD_MONSTERS, { partyLevels: [20, 20, 20, 20, 20, 20, 20, 20], difficulty: 'deadly', environment: 'underwater' });
    expect(far.xpAdjusted).toBeGreaterThanOrEqual(far.thresholds.deadly);
  });

  it('is repeatable with a seed and varied without', () => {
    const a = buildEncounter(seededRandom(9), SRD_MONSTERS, { partyLevels: [5, 5, 5, 4], difficulty: 'medium' });
    expect(buildEncounter(seededRandom(9), SRD_MONSTERS, { partyLevels: [5, 5, 5, 4], difficulty: 'medium' })).toEqual(a);
    const kinds = new Set(Array.from({ length: 30 }, (_, i) => buildEncounter(seededRandom(i), SRD_MONSTERS, { partyLevels: [5, 5, 5, 4], difficulty: 'medium' }).groups.map((g) => g.monster.name).join('+')));
    expect(kinds.size).toBeGreaterThan(20);
  });

  it('reads a stat block from a book', () => {
    const text = 'Owlbear\nLarge monstrosity, unaligned\nArmor Class 13 (natural armor)\nHit Points 59 (7d10 + 21)\nSpeed 40 ft.\nSTR DEX CON INT WIS CHA\n20 (+5) 12 (+1) 17 (+3) 3 (-4) 12 (+1) 7 (-2)\nSenses darkvision 60 ft.\nChallenge 3 (700 XP)';
    expect(parseStatBlock(text, 'SRD, p. 249')).toEqual({ name: 'Owlbear', challenge: '3', hp: 59, ac: 13, dex: 12, type: 'monstrosity', environments: [], source: 'SRD, p. 249' });
    expect(parseStatBlock('Owlbear\nA big bird bear.', 'x')).toBeNull();
    // A passage that starts at the size/type line takes its name from the section heading.
    expect(parseStatBlock(text.slice('Owlbear\n'.length), 'SRD, p. 249', 'Owlbear')).toMatchObject({ name: 'Owlbear', challenge: '3', hp: 59 });
  });
});
