import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CharacterSheetSchema, type CharacterSheetInput } from '../../../src/core/index.js';
import { createDndBeyondImporter } from '../../../src/importers/dndbeyond/index.js';

// Real D&D Beyond exports shared by the machines that run this project (MIT, see their README); never copied in.
const DIR = resolve('../shared/fixtures/importers');
const MONK = resolve(DIR, 'ddb-v5_ort-eratea_monk8.json');
const SORCERER = resolve(DIR, 'ddb-charservice-2020_harkam-wynrim_sorcerer1.json');
const present = existsSync(MONK) && existsSync(SORCERER);
if (!present) console.warn(`Skipping the real D&D Beyond export tests: ${DIR} is absent (it lives in the shared folder next to the checkout)`);

async function importFile(path: string): Promise<CharacterSheetInput> {
  const importer = createDndBeyondImporter({ now: () => Date.parse('2026-01-01T00:00:00Z') });
  const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  expect(importer.accepts({ data })).toBe(true);
  const result = await importer.import({ data }, new AbortController().signal);
  if (!result.ok) throw new Error(result.error.message);
  // Every sheet the importer returns is a valid universal sheet once the hub gives it an id.
  expect(CharacterSheetSchema.safeParse({ ...result.value, id: 'x' }).success).toBe(true);
  return result.value;
}

describe.skipIf(!present)('real D&D Beyond exports', () => {
  it('Ort Eratèa, Reborn monk 8 (character-service v5): the values the sheet shows', async () => {
    const sheet = await importFile(MONK);
    expect(sheet).toMatchObject({ name: 'Ort Eratèa', race: 'Reborn', background: 'Inheritor', level: 8, classes: [{ name: 'Monk', subclass: 'Way of the Drunken Master', level: 8 }] });
    expect(sheet.source).toMatchObject({ provider: 'dndbeyond', id: '33721388' });
    // stats 11/18/13/10/12/10. Reborn (custom origin, choices not "granted"): CON +2, DEX +1. Monk ASI at 4
    // (feature 232): DEX +1, WIS +1; ASI at 8 (246): WIS +1 +1. Resilient (Con): CON +1; Crusher (choice): STR +1.
    expect(sheet.abilities).toEqual({ str: 12, dex: 20, con: 16, int: 10, wis: 15, cha: 10 });
    // Manual hit points (hitPointType 2): baseHitPoints 43 + CON +3 x 8 = 67; removedHitPoints 9 -> 58.
    expect(sheet.hp).toEqual({ max: 67, current: 58, temp: 0 });
    // Monk Unarmored Defense (set unarmored-armor-class, statId 5 = WIS): 10 + DEX 5 + WIS 2; no armor or shield.
    expect(sheet.ac).toBe(17);
    // Walk 30 + Unarmored Movement +10 (level 2) +5 (level 6); the level 10 step is not reached.
    expect(sheet.speed).toBe(45);
    expect(sheet.proficiencyBonus).toBe(3);
    expect(sheet.initiativeBonus).toBe(5);
    // Saves: STR and DEX (monk), CON (Resilient) proficient at +3.
    expect(sheet.saves).toMatchObject({
      str: { proficiency: 'proficient', bonus: 4 },
      dex: { proficiency: 'proficient', bonus: 8 },
      con: { proficiency: 'proficient', bonus: 6 },
      wis: { proficiency: 'none', bonus: 2 },
    });
    // Skills: acrobatics and stealth (class choices), sleight of hand and insight (Reborn), performance
    // (Drunken Master), history and survival (background); religion from the sheet's per-skill setting
    // (characterValues typeId 26, valueId 10 = Religion, value 3 = proficient: the "Mystic Troupe" note).
    expect(sheet.skills).toMatchObject({
      acrobatics: { proficiency: 'proficient', bonus: 8 },
      stealth: { proficiency: 'proficient', bonus: 8 },
      sleightOfHand: { proficiency: 'proficient', bonus: 8 },
      insight: { proficiency: 'proficient', bonus: 5 },
      performance: { proficiency: 'proficient', bonus: 3 },
      history: { proficiency: 'proficient', bonus: 3 },
      survival: { proficiency: 'proficient', bonus: 5 },
      religion: { proficiency: 'proficient', bonus: 3 },
      perception: { proficiency: 'none', bonus: 2 },
      athletics: { proficiency: 'none', bonus: 1 },
    });
    // Eyes of the Eagle's advantage on Perception is "Sight only": no +5 to the passive score.
    expect(sheet.senses).toMatchObject({ passivePerception: 12, passiveInsight: 15, passiveInvestigation: 10 });
    const attacks = Object.fromEntries((sheet.attacks ?? []).map((a) => [a.name, a]));
    // Quarterstaff +2, a monk weapon: DEX 5 + prof 3 + magic 2 = +10; d6 (martial arts d6 at 8 is not larger) + 7.
    expect(attacks['Quarterstaff, +2']).toMatchObject({ toHit: 10, damage: '1d6+7', damageType: 'Bludgeoning' });
    // Darts (ranged, not monk weapons): DEX 5 + prof 3; 1d4 + 5.
    expect(attacks.Dart).toMatchObject({ toHit: 8, damage: '1d4+5', damageType: 'Piercing', range: '20/60 ft.' });
    expect(attacks['Unarmed Strike']).toMatchObject({ toHit: 8, damage: '1d6+5' });
    // The unequipped dagger is not an attack.
    expect(attacks.Dagger).toBeUndefined();
    // The Ring of Catapult's spell is marked not to show as an attack.
    expect(attacks.Catapult).toBeUndefined();
    // 20 items plus 9 custom ones (the player's own: Tinkers Manual, Utility belt, ...).
    expect(sheet.inventory).toHaveLength(29);
    expect(sheet.inventory?.find((i) => i.name === 'Utility belt')).toMatchObject({ quantity: 1, weight: 1, notes: expect.stringContaining('goblin engineer belts') });
    expect(sheet.notes).toContain('## Coins\n30 gp, 2 cp');
    expect(sheet.inventory?.find((i) => i.name === 'Eyes of the Eagle')).toMatchObject({ equipped: true, attuned: true });
    expect(sheet.features?.map((f) => f.name)).toEqual(expect.arrayContaining(['Unarmored Defense', 'Stunning Strike', 'Tipsy Sway', 'Crusher', 'Deathless Nature']));
    // Level 11+ features are not on a level 8 sheet.
    expect(sheet.features?.map((f) => f.name)).not.toContain('Purity of Body');
    expect(sheet.features?.map((f) => f.name)).not.toContain('Intoxicated Frenzy');
    // No casting class; the Ring of Catapult's spell is listed.
    expect(sheet.spellcasting).toMatchObject({ ability: null, slots: [], spells: [{ name: 'Catapult', level: 1, source: 'Item' }] });
    expect(sheet.notes).toContain('Mystic Troupe');
  });

  it('Harkam Wynrim, Scourge Aasimar sorcerer 1 (character-service, 2020 shape)', async () => {
    const sheet = await importFile(SORCERER);
    expect(sheet).toMatchObject({ name: 'Harkam Wynrim', race: 'Scourge Aasimar', background: 'Adolescent', level: 1, classes: [{ name: 'Sorcerer', subclass: 'Divine Soul', level: 1 }] });
    // stats 10/13/12/12/11/15 + Scourge Aasimar CON +1, CHA +2.
    expect(sheet.abilities).toEqual({ str: 10, dex: 13, con: 13, int: 12, wis: 11, cha: 17 });
    // Fixed hit points (hitPointType 1): d6 at 1st level = 6, + CON +1.
    expect(sheet.hp).toEqual({ max: 7, current: 7, temp: 0 });
    // Equipped chain mail (heavy, 16, no DEX) beats unarmored 10 + 1.
    expect(sheet.ac).toBe(16);
    expect(sheet.speed).toBe(30);
    expect(sheet.proficiencyBonus).toBe(2);
    expect(sheet.saves).toMatchObject({ con: { proficiency: 'proficient', bonus: 3 }, cha: { proficiency: 'proficient', bonus: 5 }, dex: { proficiency: 'none', bonus: 1 } });
    expect(sheet.skills).toMatchObject({ arcana: { proficiency: 'proficient', bonus: 3 }, insight: { proficiency: 'proficient', bonus: 2 }, persuasion: { proficiency: 'none', bonus: 3 } });
    expect(sheet.senses).toMatchObject({ passivePerception: 10, special: ['darkvision 60 ft.'] });
    // Daggers (finesse, sorcerer proficiency): DEX +1 + prof 2 = +3, 1d4+1; unarmed strike shown by the sheet's preference: +2, 1.
    const dagger = sheet.attacks?.find((a) => a.name === 'Dagger');
    expect(dagger).toMatchObject({ toHit: 3, damage: '1d4+1', damageType: 'Piercing', range: '5 ft. or thrown 20/60 ft.' });
    expect(sheet.attacks?.find((a) => a.name === 'Unarmed Strike')).toMatchObject({ toHit: 2, damage: '1' });
    expect(sheet.attacks?.find((a) => a.name === 'Crossbow, Light')).toBeUndefined();
    // Spell attacks at +5 (CHA 3 + prof 2): Fire Bolt (cantrip, 1d10 at level 1), Inflict Wounds (3d10, touch).
    expect(sheet.attacks?.find((a) => a.name === 'Fire Bolt')).toMatchObject({ toHit: 5, damage: '1d10', damageType: 'Fire', range: '120 ft.' });
    expect(sheet.attacks?.find((a) => a.name === 'Inflict Wounds')).toMatchObject({ toHit: 5, damage: '3d10', damageType: 'Necrotic', range: 'Touch' });
    // CHA 17 (+3): save DC 8 + 2 + 3 = 13, attack +5; a 1st-level sorcerer has two 1st-level slots.
    expect(sheet.spellcasting).toMatchObject({ ability: 'cha', saveDc: 13, attackBonus: 5, slots: [{ level: 1, max: 2, used: 0 }], pactSlots: null });
    expect(sheet.spellcasting?.spells?.map((s) => s.name).sort()).toEqual(['Fire Bolt', 'Inflict Wounds', 'Light']);
  });
});
