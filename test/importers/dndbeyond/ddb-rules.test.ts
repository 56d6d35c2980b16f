import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CharacterSheetInput } from '../../../src/core/index.js';
import { createDndBeyondImporter } from '../../../src/importers/dndbeyond/index.js';

// Hand-written D&D Beyond characters (test/fixtures/dndbeyond), each built for the rules it exercises.
type Json = Record<string, any>;
const fixture = (name: string): Json => JSON.parse(readFileSync(new URL(`../../fixtures/dndbeyond/${name}`, import.meta.url), 'utf8'));

async function sheetOf(data: unknown): Promise<CharacterSheetInput> {
  const result = await createDndBeyondImporter().import({ data }, new AbortController().signal);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('items that grant ability scores, armor, shields and fighting styles', () => {
  it('a fighter 5 in plate with a +1 shield, a Belt of Hill Giant Strength and a Ring of Protection', async () => {
    const sheet = await sheetOf(fixture('fighter5-belt-plate-shield.json'));
    // STR 15 + human 1 + ASI at 4 (2) = 18; the level-6 ASI's +2 CON is not reached. The attuned belt sets
    // 21 "if not already higher"; the Belt of Storm Giant Strength in the pack (29) is neither equipped nor attuned.
    expect(sheet.abilities).toEqual({ str: 21, dex: 13, con: 15, int: 11, wis: 13, cha: 9 });
    // Plate 18 + Defense style 1 (armored) + shield 2 + shield's +1 + Ring of Protection 1 = 23.
    // The Cloak of Protection is worn but not attuned: no +1.
    expect(sheet.ac).toBe(23);
    // Fixed: baseHitPoints 34 (10 + 4 x 6) + CON +2 x 5 = 44; 4 removed; 5 temporary.
    expect(sheet.hp).toEqual({ max: 44, current: 40, temp: 5 });
    // Saves +1 from the ring: STR 5 + 3 + 1, CON 2 + 3 + 1, CHA -1 + 1.
    expect(sheet.saves).toMatchObject({ str: { bonus: 9, proficiency: 'proficient' }, con: { bonus: 6 }, cha: { bonus: 0, proficiency: 'none' } });
    expect(sheet.skills).toMatchObject({ athletics: { bonus: 8, proficiency: 'proficient' }, perception: { bonus: 4 } });
    expect(sheet.senses?.passivePerception).toBe(14);
    // Longsword +1 with the belt's STR 21 (+5): 5 + 3 + 1 = +9, 1d8 + 6; longbow DEX +1 + 3.
    expect(sheet.attacks).toEqual([
      { name: 'Longsword, +1', toHit: 9, damage: '1d8+6', damageType: 'Slashing', range: '5 ft.', notes: 'Versatile: 1d10+6' },
      { name: 'Longbow', toHit: 4, damage: '1d8+1', damageType: 'Piercing', range: '150/600 ft.', notes: null },
    ]);
    expect(sheet.spellcasting).toBeNull();
  });

  it('fixed hit points come from the hit dice, manual ones from what was rolled', async () => {
    const doc = fixture('fighter5-belt-plate-shield.json');
    doc.data.baseHitPoints = 99; // stale: the player switched to fixed after rolling
    // Fixed: 10 + 4 x 6 (d10 average) + CON 2 x 5 = 44, whatever baseHitPoints says.
    expect((await sheetOf(doc)).hp.max).toBe(44);
    doc.data.preferences.hitPointType = 2;
    expect((await sheetOf(doc)).hp.max).toBe(109);
  });

  it('a score above the belt is kept, an override wins, and a raised maximum lets a bonus pass 20', async () => {
    const doc = fixture('fighter5-belt-plate-shield.json');
    doc.data.stats[0].value = 20; // 20 + 1 + 2 = 23, capped at 20: the belt's 21 still wins
    expect((await sheetOf(doc)).abilities.str).toBe(21);
    doc.data.modifiers.class.push({ type: 'bonus', subType: 'ability-score-maximum', value: 4, statId: 1, componentId: 9002 });
    expect((await sheetOf(doc)).abilities.str).toBe(23); // cap 24: 23 is above the belt
    doc.data.overrideStats = [{ id: 1, value: 12 }];
    expect((await sheetOf(doc)).abilities.str).toBe(12);
  });
});

describe('every unarmored defense', () => {
  const doc = fixture('unarmored-defense.json');
  const variant = (name: string | null, extra: { inventory?: readonly Json[]; feat?: readonly Json[] } = {}) => {
    const base = structuredClone(doc.base.character) as Json;
    const changes = name ? (structuredClone(doc.cases[name]) as Json) : {};
    const character = { ...base, ...changes, modifiers: { ...base.modifiers, ...changes.modifiers, feat: [...(extra.feat ?? [])] }, inventory: [...(extra.inventory ?? [])] };
    return sheetOf({ character });
  };
  const { shield, breastplate, mediumArmorMaster } = doc.parts;
  // DEX 16 (+3), CON 18 (+4), WIS 16 (+3).
  it.each([
    ['no class feature: 10 + DEX', null, {}, 13],
    ['barbarian: 10 + DEX + CON', 'barbarian', {}, 17],
    ['barbarian with a shield keeps it: + 2', 'barbarian', { inventory: [shield] }, 19],
    ['barbarian in a breastplate loses it: 14 + DEX up to 2', 'barbarian', { inventory: [breastplate] }, 16],
    ['barbarian in a breastplate with Medium Armor Master: DEX up to 3', 'barbarian', { inventory: [breastplate], feat: [mediumArmorMaster] }, 17],
    ['monk: 10 + DEX + WIS', 'monk', {}, 16],
    ['monk with a shield loses it: 10 + DEX + 2', 'monk', { inventory: [shield] }, 15],
    ['draconic sorcerer: 13 + DEX', 'draconicSorcerer', {}, 16],
    ['lizardfolk natural armor: 13 + DEX', 'lizardfolk', {}, 16],
    ['lizardfolk with a shield', 'lizardfolk', { inventory: [shield] }, 18],
    ['tortle shell: 17, no DEX', 'tortle', {}, 17],
    ['tortle with a shield', 'tortle', { inventory: [shield] }, 19],
  ] as const)('%s', async (_label, name, extra, ac) => {
    expect((await variant(name, extra)).ac).toBe(ac);
  });

  it("a barbarian's Fast Movement counts unless the armor is heavy; the sheet's custom walking speed wins", async () => {
    const fast = { type: 'bonus', subType: 'speed', value: 10, restriction: 'while you aren\u2019t wearing heavy armor', componentId: 900 };
    const plate = { id: 72, equipped: true, quantity: 1, definition: { id: 72, name: 'Plate', filterType: 'Armor', type: 'Heavy Armor', armorClass: 18, armorTypeId: 3, grantedModifiers: [] } };
    expect((await variant('barbarian', { feat: [fast] })).speed).toBe(40);
    expect((await variant('barbarian', { feat: [fast], inventory: [breastplate] })).speed).toBe(40);
    expect((await variant('barbarian', { feat: [fast], inventory: [plate] })).speed).toBe(30);
    const custom = structuredClone(doc.base) as Json;
    custom.character.customSpeeds = [{ movementId: 1, distance: 35 }];
    expect((await sheetOf(custom)).speed).toBe(35);
  });

  it("Draconic Resilience's +1 hit point per sorcerer level", async () => {
    // baseHitPoints 12 + CON +4 x 3 + 1 x 3 = 27.
    expect((await variant('draconicSorcerer')).hp.max).toBe(27);
  });
});

describe('multiclass hit points, proficiencies and spell slots', () => {
  it('wizard 3 / cleric 2 / paladin 2 hill dwarf', async () => {
    const sheet = await sheetOf(fixture('multiclass-wizard3-cleric2-paladin2.json'));
    expect(sheet.level).toBe(7);
    expect(sheet.classes).toEqual([
      { name: 'Wizard', subclass: null, level: 3 },
      { name: 'Cleric', subclass: 'Life Domain', level: 2 },
      { name: 'Paladin', subclass: null, level: 2 },
    ]);
    // CON 14 + 2 = 16 (+3); INT stays 16: the wizard's level-4 ASI is not reached.
    expect(sheet.abilities).toMatchObject({ con: 16, int: 16, wis: 15 });
    // baseHitPoints 36 (6 + 2 x 4 wizard, 2 x 5 cleric, 2 x 6 paladin) + CON 3 x 7 + Dwarven Toughness 1 x 7 = 64.
    expect(sheet.hp.max).toBe(64);
    expect(sheet.speed).toBe(25);
    expect(sheet.proficiencyBonus).toBe(3);
    // Saves come from the starting class only: the paladin's CHA save is not available to a multiclass.
    expect(sheet.saves).toMatchObject({ int: { proficiency: 'proficient', bonus: 6 }, wis: { proficiency: 'proficient', bonus: 5 }, cha: { proficiency: 'none', bonus: 1 } });
    // Caster level 3 + 2 + floor(2 / 2) = 6 (the paladin's rules come from the PHB table when the export lacks them):
    // 4 / 3 / 3 slots, two 1st-level used. The wizard (highest level) casts with INT +3: DC 14, +6.
    expect(sheet.spellcasting).toMatchObject({
      ability: 'int',
      saveDc: 14,
      attackBonus: 6,
      slots: [{ level: 1, max: 4, used: 2 }, { level: 2, max: 3, used: 0 }, { level: 3, max: 3, used: 0 }],
      pactSlots: null,
    });
    const spells = Object.fromEntries((sheet.spellcasting?.spells ?? []).map((s) => [s.name, s]));
    expect(spells['Magic Missile']).toMatchObject({ prepared: true, source: 'Wizard' });
    expect(spells.Shield).toMatchObject({ prepared: false, source: 'Wizard' });
    expect(spells['Fire Bolt']).toMatchObject({ prepared: true, level: 0 });
    expect(spells.Bless).toMatchObject({ prepared: true, source: 'Cleric' });
    // Cantrips as attacks, scaled to character level 7 (two dice from 5th): Fire Bolt from the wizard
    // list (INT +3, prof +3: +6); Sacred Flame from the cleric list, a save at the cleric's DC (8 + 3 + WIS 2).
    const attacks = Object.fromEntries((sheet.attacks ?? []).map((a) => [a.name, a]));
    expect(attacks['Fire Bolt']).toMatchObject({ toHit: 6, damage: '2d10', damageType: 'Fire', range: '120 ft.' });
    expect(attacks['Sacred Flame']).toMatchObject({ toHit: null, damage: '2d8', damageType: 'Radiant', notes: 'DC 13 Dexterity save' });
  });

  it('a warlock keeps Pact Magic apart from the shared table', async () => {
    const doc = fixture('multiclass-wizard3-cleric2-paladin2.json');
    doc.data.classes = [
      { id: 1, level: 2, isStartingClass: true, definition: { name: 'Sorcerer', hitDice: 6, canCastSpells: true, spellCastingAbilityId: 6, spellRules: { multiClassSpellSlotDivisor: 1 } }, classFeatures: [] },
      { id: 2, level: 3, isStartingClass: false, definition: { name: 'Warlock', hitDice: 8, canCastSpells: true, spellCastingAbilityId: 6 }, classFeatures: [] },
    ];
    doc.data.classSpells = [];
    doc.data.pactMagic = [{ level: 2, used: 1 }];
    doc.data.spellSlots = [];
    const sheet = await sheetOf(doc);
    // Sorcerer 2 alone feeds the table (3 first-level slots); warlock 3: two 2nd-level pact slots, one used.
    // The warlock (level 3) is the highest caster: CHA 13 (+1), proficiency +3 at level 5.
    expect(sheet.spellcasting).toMatchObject({ ability: 'cha', saveDc: 12, slots: [{ level: 1, max: 3 }], pactSlots: { level: 2, max: 2, used: 1 } });
  });
});

describe('variant human choices and the sheet\'s overrides', () => {
  it('counts chosen (not granted) bonuses, bonusStats, overrides and per-skill settings', async () => {
    const sheet = await sheetOf(fixture('variant-human-overrides.json'));
    // STR 15 + 1 and CON 13 + 1 (the variant human's two choices), DEX 14 + "other bonus" 2, CHA overridden to 18.
    expect(sheet.abilities).toEqual({ str: 16, dex: 16, con: 14, int: 12, wis: 10, cha: 18 });
    // baseHitPoints 10 + CON 2 + Tough 2 x 1 = 14; + max HP modifier 5 = 19; 3 removed; 4 temporary.
    expect(sheet.hp).toEqual({ max: 19, current: 16, temp: 4 });
    // Stealth set to expertise on the sheet: DEX 3 + 2 x 2 = 7; Perception (the human's skill choice) 0 + 2 + misc bonus 1.
    expect(sheet.skills).toMatchObject({ stealth: { proficiency: 'expertise', bonus: 7 }, perception: { proficiency: 'proficient', bonus: 3 } });
    expect(sheet.senses?.passivePerception).toBe(13);
    expect(sheet.saves).toMatchObject({ dex: { proficiency: 'proficient', bonus: 5 }, cha: { proficiency: 'none', bonus: 4 } });
  });

  it('proficiency in every saving throw (Diamond Soul) covers the ones the class lacks', async () => {
    const doc = fixture('variant-human-overrides.json');
    doc.character.modifiers.class.push({ type: 'proficiency', subType: 'saving-throws', isGranted: true, componentId: 9003 });
    const sheet = await sheetOf(doc);
    // WIS 10 + 2, CHA 18 (+4) + 2.
    expect(sheet.saves).toMatchObject({ wis: { proficiency: 'proficient', bonus: 2 }, cha: { proficiency: 'proficient', bonus: 6 } });
  });

  it('an HP override replaces the computed maximum and an AC override wins', async () => {
    const doc = fixture('variant-human-overrides.json');
    doc.character.overrideHitPoints = 30;
    doc.character.characterValues.push({ typeId: 1, value: 20 });
    const sheet = await sheetOf(doc);
    expect(sheet.hp).toEqual({ max: 35, current: 32, temp: 4 });
    expect(sheet.ac).toBe(20);
  });
});
