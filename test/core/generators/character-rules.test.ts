import { describe, expect, it } from 'vitest';
import { DiceLimitsSchema, seededRandom, type CharacterSheet } from '../../../src/core/index.js';
import { createDiceEngine } from '../../../src/core/dice/dice-engine.js';
import { generateCharacter, resolveCharacterSpec, type CharacterSpec } from '../../../src/core/generators/character-generator.js';

// The SRD 5.1 tables, typed here from the book rather than imported, so the generator is checked
// against the rules and not against itself.
const HIT_DIE: Record<string, number> = { Barbarian: 12, Bard: 8, Cleric: 8, Druid: 8, Fighter: 10, Monk: 8, Paladin: 10, Ranger: 10, Rogue: 8, Sorcerer: 6, Warlock: 8, Wizard: 6 };
const SAVES: Record<string, string[]> = {
  Barbarian: ['str', 'con'], Bard: ['dex', 'cha'], Cleric: ['wis', 'cha'], Druid: ['int', 'wis'], Fighter: ['str', 'con'], Monk: ['str', 'dex'],
  Paladin: ['wis', 'cha'], Ranger: ['str', 'dex'], Rogue: ['dex', 'int'], Sorcerer: ['con', 'cha'], Warlock: ['wis', 'cha'], Wizard: ['int', 'wis'],
};
const PROFICIENCY = [2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6];
const FULL = [
  '2', '3', '4 2', '4 3', '4 3 2', '4 3 3', '4 3 3 1', '4 3 3 2', '4 3 3 3 1', '4 3 3 3 2', '4 3 3 3 2 1', '4 3 3 3 2 1', '4 3 3 3 2 1 1', '4 3 3 3 2 1 1',
  '4 3 3 3 2 1 1 1', '4 3 3 3 2 1 1 1', '4 3 3 3 2 1 1 1 1', '4 3 3 3 3 1 1 1 1', '4 3 3 3 3 2 1 1 1', '4 3 3 3 3 2 2 1 1',
];
const HALF = ['', '2', '3', '3', '4 2', '4 2', '4 3', '4 3', '4 3 2', '4 3 2', '4 3 3', '4 3 3', '4 3 3 1', '4 3 3 1', '4 3 3 2', '4 3 3 2', '4 3 3 3 1', '4 3 3 3 1', '4 3 3 3 2', '4 3 3 3 2'];
const PACT_COUNT = [1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4];
const PACT_LEVEL = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5];
const KNOWN: Record<string, number[]> = {
  Bard: [4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 15, 16, 18, 19, 19, 20, 22, 22, 22],
  Sorcerer: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 13, 13, 14, 14, 15, 15, 15, 15],
  Warlock: [2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15],
  Ranger: [0, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11],
};
const ASI_LEVELS: Record<string, number[]> = { Fighter: [4, 6, 8, 12, 14, 16, 19], Rogue: [4, 8, 10, 12, 16, 19] };
const POINT_COST: Record<number, number> = { 8: 0, 9: 1, 10: 2, 11: 3, 12: 4, 13: 5, 14: 7, 15: 9 };
const ARMOR: Record<string, [base: number, dexCap: number]> = { 'Leather armor': [11, 99], 'Scale mail': [14, 2], 'Chain mail': [16, -99] };
const RACE_BONUS: Record<string, Record<string, number>> = {
  'Hill Dwarf': { con: 2, wis: 1 }, 'High Elf': { dex: 2, int: 1 }, 'Lightfoot Halfling': { dex: 2, cha: 1 }, Human: { str: 1, dex: 1, con: 1, int: 1, wis: 1, cha: 1 },
  Dragonborn: { str: 2, cha: 1 }, 'Rock Gnome': { int: 2, con: 1 }, 'Half-Elf': { cha: 2 }, 'Half-Orc': { str: 2, con: 1 }, Tiefling: { cha: 2, int: 1 },
};
const ABILITIES = ['str', 'dex', 'con', 'int', 'wis', 'cha'] as const;
const PRIMARY: Record<string, string[]> = {
  Barbarian: ['str'], Bard: ['cha'], Cleric: ['wis'], Druid: ['wis'], Fighter: ['str', 'dex'], Monk: ['dex'], Paladin: ['str'], Ranger: ['dex'], Rogue: ['dex'],
  Sorcerer: ['cha'], Warlock: ['cha'], Wizard: ['int'],
};
const mod = (s: number) => Math.floor((s - 10) / 2);

function make(spec: Partial<CharacterSpec>, seed: number) {
  const random = seededRandom(seed);
  const dice = createDiceEngine(random, DiceLimitsSchema.parse({}));
  const full: CharacterSpec = { system: 'dnd5e', level: 1, method: 'standard-array', hpMethod: 'average', ...spec };
  const resolved = resolveCharacterSpec(full, random);
  if (!resolved.ok) throw new Error(resolved.error.message);
  const made = generateCharacter(random, dice, full, resolved.value);
  return { sheet: made.sheet as unknown as CharacterSheet, generation: made.generation };
}

/** Every rule the character breaks, as readable lines (collected rather than asserted one by one: thousands of sheets). */
function checkLegal(sheet: CharacterSheet, generation: ReturnType<typeof make>['generation'], hpMethod: 'average' | 'rolled'): string[] {
  const problems: string[] = [];
  const where = `${sheet.classes[0]!.name} ${sheet.level} (${generation.method}, ${hpMethod})`;
  const same = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${where}: ${what} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  };
  const holds = (what: string, ok: boolean) => {
    if (!ok) problems.push(`${where}: ${what}`);
  };
  const cls = sheet.classes[0]!.name;
  const level = sheet.level;
  const base = generation.baseScores;
  const values = ABILITIES.map((a) => base[a]);
  if (generation.method === 'standard-array') {
    same('standard array', [...values].sort((x, y) => x - y), [8, 10, 12, 13, 14, 15]);
    // Placed sensibly: the 15 goes to the class's key ability (a fighter's may be STR or DEX).
    const key = PRIMARY[cls]!.find((a) => base[a as keyof typeof base] === 15);
    holds(`the 15 is not on ${PRIMARY[cls]!.join(' or ')}`, key !== undefined);
  }
  if (generation.method === '4d6-drop-lowest') values.forEach((v) => holds(`4d6 score ${v} outside 3-18`, v >= 3 && v <= 18));
  if (generation.method === 'point-buy') {
    values.forEach((v) => holds(`point-buy score ${v} outside 8-15`, v >= 8 && v <= 15));
    same('point-buy cost', values.reduce((s, v) => s + POINT_COST[v]!, 0), 27);
  }
  if (generation.method === '4d6-drop-lowest') {
    same('number of 4d6 rolls', generation.rolls.length, 6);
    for (const r of generation.rolls) {
      same('dice per score', r.faces.length, 4);
      r.faces.forEach((f) => holds(`d6 face ${f}`, f >= 1 && f <= 6));
      same('kept 4d6 total', r.kept, r.faces.reduce((s, f) => s + f, 0) - Math.min(...r.faces));
    }
    same('scores are the rolled totals', [...values].sort(), generation.rolls.map((r) => r.kept).sort());
  }
  // Final scores: base + the ancestry's bonuses + two points per improvement level reached, capped at 20.
  const race = RACE_BONUS[sheet.race!]!;
  const fromRace = generation.bonuses.filter((b) => !b.source.startsWith('Ability Score') && b.source !== 'Primal Champion');
  const raceTotal = fromRace.reduce((s, b) => s + b.amount, 0);
  same('ancestry bonus points', raceTotal, Object.values(race).reduce((s, v) => s + v, 0) + (sheet.race === 'Half-Elf' ? 2 : 0));
  for (const [a, v] of Object.entries(race)) holds(`${sheet.race} bonus to ${a}`, fromRace.filter((b) => b.ability === a).reduce((s, b) => s + b.amount, 0) >= v);
  const asiCount = (ASI_LEVELS[cls] ?? [4, 8, 12, 16, 19]).filter((l) => l <= level).length;
  const asiPoints = generation.bonuses.filter((b) => b.source.startsWith('Ability Score')).reduce((s, b) => s + b.amount, 0);
  const capped = ABILITIES.every((a) => sheet.abilities[a] >= 20);
  if (!capped) same('improvement points', asiPoints, 2 * asiCount);
  for (const a of ABILITIES) {
    same(`${a} = base + bonuses`, sheet.abilities[a], base[a] + generation.bonuses.filter((b) => b.ability === a).reduce((s, b) => s + b.amount, 0));
    const max = cls === 'Barbarian' && level === 20 && (a === 'str' || a === 'con') ? 24 : 20;
    holds(`${a} ${sheet.abilities[a]} above its cap`, sheet.abilities[a] <= Math.max(max, base[a] + (race[a] ?? 0) + (sheet.race === 'Half-Elf' ? 1 : 0)));
  }
  same('proficiency bonus', sheet.proficiencyBonus, PROFICIENCY[level - 1]);
  // Hit points.
  const die = HIT_DIE[cls]!;
  const con = mod(sheet.abilities.con);
  const extra = level * ((sheet.race === 'Hill Dwarf' ? 1 : 0) + (cls === 'Sorcerer' ? 1 : 0));
  if (hpMethod === 'average') {
    let hp = die + con;
    for (let l = 2; l <= level; l++) hp += Math.max(1, die / 2 + 1 + con);
    same('average hit points', sheet.hp.max, Math.max(1, hp + extra));
  } else {
    same('hit dice rolled', generation.hitPointRolls.length, level - 1);
    generation.hitPointRolls.forEach((r) => holds(`hit die roll ${r}`, r >= 1 && r <= die));
    same('rolled hit points', sheet.hp.max, Math.max(1, die + con + generation.hitPointRolls.reduce((s, r) => s + Math.max(1, r + con), 0) + extra));
  }
  // Saving throws.
  for (const a of ABILITIES) {
    const proficient = SAVES[cls]!.includes(a) || (cls === 'Monk' && level >= 14) || (cls === 'Rogue' && level >= 15 && a === 'wis');
    same(`${a} save`, sheet.saves[a]!.bonus, mod(sheet.abilities[a]) + (proficient ? sheet.proficiencyBonus : 0));
  }
  // Skills: Acolyte's two plus the class's picks at least, bonuses from the score and proficiency.
  const proficientSkills = Object.values(sheet.skills).filter((s) => s.proficiency === 'proficient' || s.proficiency === 'expertise');
  holds('too few skill proficiencies', proficientSkills.length >= 2 + (({ Bard: 3, Ranger: 3, Rogue: 4 } as Record<string, number>)[cls] ?? 2));
  for (const s of Object.values(sheet.skills)) {
    const m = mod(sheet.abilities[s.ability]);
    const expected = s.proficiency === 'expertise' ? m + 2 * sheet.proficiencyBonus : s.proficiency === 'proficient' ? m + sheet.proficiencyBonus : s.proficiency === 'none' ? m : s.bonus;
    same(`skill bonus (${s.proficiency})`, s.bonus, expected);
  }
  // AC from what is equipped.
  const dex = mod(sheet.abilities.dex);
  const armor = sheet.inventory.find((i) => i.equipped && ARMOR[i.name]);
  const shield = sheet.inventory.some((i) => i.equipped && i.name === 'Shield') ? 2 : 0;
  const defense = sheet.features.some((f) => f.name === 'Fighting Style: Defense') && armor ? 1 : 0;
  let ac = 10 + dex;
  if (armor) ac = ARMOR[armor.name]![0] + (ARMOR[armor.name]![1] < 0 ? 0 : Math.min(dex, ARMOR[armor.name]![1])); // heavy armor: no DEX
  else if (cls === 'Barbarian') ac = 10 + dex + mod(sheet.abilities.con);
  else if (cls === 'Monk') ac = 10 + dex + mod(sheet.abilities.wis);
  else if (cls === 'Sorcerer') ac = 13 + dex;
  same('AC', sheet.ac, ac + shield + defense);
  // Spell slots.
  const slots = (sheet.spellcasting?.slots ?? []).map((s) => s.max).join(' ');
  const full = ['Bard', 'Cleric', 'Druid', 'Sorcerer', 'Wizard'].includes(cls);
  same('spell slots', slots, full ? FULL[level - 1] : cls === 'Paladin' || cls === 'Ranger' ? HALF[level - 1] : '');
  if (cls === 'Warlock') same('pact slots', [sheet.spellcasting?.pactSlots?.max, sheet.spellcasting?.pactSlots?.level], [PACT_COUNT[level - 1], PACT_LEVEL[level - 1]]);
  else same('pact slots', sheet.spellcasting?.pactSlots ?? null, null);
  if (KNOWN[cls]) {
    const learned = (sheet.spellcasting?.spells ?? []).filter((s) => s.level > 0 && s.source === cls);
    same('spells known', learned.length, KNOWN[cls]![level - 1]!);
    const top = cls === 'Warlock' ? PACT_LEVEL[level - 1]! : slots.split(' ').filter(Boolean).length;
    learned.forEach((s) => holds(`${s.name} is above the highest slot level ${top}`, s.level <= top));
  }
  // Subclass spells always prepared: Life Domain, Oath of Devotion, Circle of the Land (two per step).
  const steps: Record<string, [number[], RegExp]> = { Cleric: [[1, 3, 5, 7, 9], /^Life Domain$/], Paladin: [[3, 5, 9, 13, 17], /^Oath of Devotion$/], Druid: [[3, 5, 7, 9], /^Circle of the Land/] };
  if (steps[cls]) {
    const [at, source] = steps[cls]!;
    same('subclass spells', (sheet.spellcasting?.spells ?? []).filter((s) => source.test(s.source ?? '')).length, 2 * at.filter((l) => l <= level).length);
  }
  const names = sheet.spellcasting?.spells.map((s) => s.name) ?? [];
  same('distinct spells', new Set(names).size, names.length);
  return problems;
}

describe('generated 5e characters follow the SRD rules', () => {
  const classes = Object.keys(HIT_DIE);
  const methods = ['standard-array', 'point-buy', '4d6-drop-lowest'] as const;
  for (const cls of classes) {
    it(`${cls}: every method, levels 1-20, average and rolled hit points`, () => {
      let n = 0;
      const problems: string[] = [];
      for (const method of methods) {
        for (let i = 0; i < 60; i++) {
          const seed = cls.length * 100_000 + methods.indexOf(method) * 1000 + i;
          const hpMethod = i % 2 ? 'rolled' : 'average';
          const { sheet, generation } = make({ class: cls, method, level: (i % 20) + 1, hpMethod }, seed);
          if (sheet.classes[0]!.name !== cls) problems.push(`asked for ${cls}, got ${sheet.classes[0]!.name}`);
          problems.push(...checkLegal(sheet, generation, hpMethod));
          n++;
        }
      }
      expect(problems.slice(0, 10)).toEqual([]);
      expect(n).toBe(180);
    });
  }

  it('gives the same character for the same seed and different ones for different seeds', () => {
    expect(make({ class: 'wizard', level: 7, method: '4d6-drop-lowest' }, 42)).toEqual(make({ class: 'wizard', level: 7, method: '4d6-drop-lowest' }, 42));
    const names = new Set(Array.from({ length: 50 }, (_, i) => make({}, i).sheet.name));
    expect(names.size).toBeGreaterThan(45);
  });

  it('resolves names case-insensitively and explains what is allowed', () => {
    const random = seededRandom(1);
    const spec = { level: 3, method: 'standard-array', hpMethod: 'average' } as const;
    const ok = resolveCharacterSpec({ ...spec, system: 'D&D 5e', class: 'PALADIN', ancestry: 'half orc', background: 'acolyte' }, random);
    expect(ok.ok && [ok.value.cls.name, ok.value.race.name]).toEqual(['Paladin', 'Half-Orc']);
    for (const system of ['5e', '5th edition', 'dnd5e', 'DnD 5E']) expect(resolveCharacterSpec({ ...spec, system }, random).ok).toBe(true);
    const cases: [Partial<CharacterSpec>, string, RegExp][] = [
      [{ system: 'pathfinder' }, 'system', /dnd5e/],
      [{ class: 'artificer' }, 'class', /Barbarian, Bard, Cleric.*Wizard/],
      [{ ancestry: 'goliath' }, 'ancestry', /Hill Dwarf.*Tiefling/],
      [{ level: 0 }, 'level', /1 to 20/],
      [{ level: 99 }, 'level', /1 to 20/],
    ];
    for (const [bad, field, allowed] of cases) {
      const r = resolveCharacterSpec({ ...spec, system: 'dnd5e', ...bad }, random);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.field).toBe(field);
        expect(r.error.message).toMatch(allowed);
      }
    }
  });
});
