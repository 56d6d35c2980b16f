import { abilityModifier, type AbilityScores } from '../../core/index.js';
import type { DdbCharacter, DdbItem, DdbModifier } from './ddb-schemas.js';
import { abilityForStatId } from './ddb-abilities.js';
import { amount, pick } from './ddb-modifiers.js';

/** D&D Beyond's armor type ids. */
export const ArmorType = { light: 1, medium: 2, heavy: 3, shield: 4 } as const;

const isArmor = (item: DdbItem) => item.equipped === true && !!item.definition.armorClass && [ArmorType.light, ArmorType.medium, ArmorType.heavy].includes(item.definition.armorTypeId as 1 | 2 | 3);
const isShield = (item: DdbItem) => item.equipped === true && item.definition.armorTypeId === ArmorType.shield;

/** One way the character's AC could be computed; the sheet shows the best. */
export interface ArmorOption {
  name: string;
  value: number;
}

/** The characterValues type ids the sheet's AC settings use. */
const AC_OVERRIDE = 1;
const AC_MAGIC_BONUS = 2;
const AC_MISC_BONUS = 3;

/**
 * Armor class as D&D Beyond's sheet shows it: the best of
 * - each equipped armor: light + DEX, medium + DEX up to 2 (or a `set ac-max-dex-armored-modifier`,
 *   Medium Armor Master), heavy without DEX; plus `bonus armored-armor-class` (the Defense fighting style);
 * - unarmored: 10 + DEX, and each unarmored defense (`set unarmored-armor-class`): 10 + DEX (capped by
 *   `set ac-max-dex-modifier`) + the modifier of its `statId` (barbarian CON, monk WIS) + its value
 *   (draconic resilience and lizardfolk natural armor: +3), or a `set minimum-base-armor` (tortle);
 *   plus `bonus unarmored-armor-class`. A monk's defense (WIS) ends when a shield is used;
 * a shield's AC is added to the others; then every unconditional `bonus armor-class` (magic armor,
 * a +1 shield, Ring of Protection, Warforged plating) and the sheet's custom AC bonuses. An AC
 * override in the sheet's settings wins over everything.
 */
export function computeArmorClass(character: DdbCharacter, mods: readonly DdbModifier[], scores: AbilityScores): { ac: number; options: ArmorOption[]; armored: boolean; shield: boolean } {
  const override = character.characterValues.find((v) => v.typeId === AC_OVERRIDE && typeof v.value === 'number');
  const armors = character.inventory.filter(isArmor);
  const shields = character.inventory.filter(isShield);
  const shieldAc = Math.max(0, ...shields.map((s) => s.definition.armorClass ?? 2));
  if (override) return { ac: override.value as number, options: [{ name: 'override', value: override.value as number }], armored: armors.length > 0, shield: shields.length > 0 };

  const dex = abilityModifier(scores.dex);
  const statMod = (statId: number | null | undefined) => {
    const key = statId ? abilityForStatId(statId) : undefined;
    return key ? abilityModifier(scores[key]) : 0;
  };
  const options: ArmorOption[] = [];
  if (armors.length > 0) {
    const mediumCap = Math.max(2, ...pick(mods, 'set', 'ac-max-dex-armored-modifier').map(amount));
    const armoredBonus = pick(mods, 'bonus', 'armored-armor-class').reduce((s, m) => s + amount(m), 0);
    for (const armor of armors) {
      const base = armor.definition.armorClass ?? 10;
      const type = armor.definition.armorTypeId;
      const withDex = type === ArmorType.light ? base + dex : type === ArmorType.medium ? base + Math.min(dex, mediumCap) : base;
      options.push({ name: armor.definition.name, value: withDex + armoredBonus + shieldAc });
    }
  } else {
    const dexCap = Math.min(20, ...pick(mods, 'set', 'ac-max-dex-modifier').map(amount));
    const ignoreDex = pick(mods, 'ignore', 'unarmored-dex-ac-bonus').length > 0;
    const unarmoredBonus = pick(mods, 'bonus', 'unarmored-armor-class').reduce((s, m) => s + amount(m), 0);
    options.push({ name: 'unarmored', value: 10 + dex + unarmoredBonus + shieldAc });
    for (const m of pick(mods, 'set', 'unarmored-armor-class')) {
      const monkStyle = abilityForStatId(m.statId ?? 0) === 'wis';
      if (monkStyle && shields.length > 0) continue;
      const dexPart = ignoreDex ? 0 : Math.min(dex, dexCap);
      options.push({ name: 'unarmored defense', value: 10 + dexPart + statMod(m.statId) + amount(m) + unarmoredBonus + shieldAc });
    }
    for (const m of pick(mods, 'set', 'minimum-base-armor')) options.push({ name: 'natural armor', value: amount(m) + shieldAc });
  }
  const misc = pick(mods, 'bonus', 'armor-class').reduce((s, m) => s + amount(m), 0);
  const custom = character.characterValues
    .filter((v) => (v.typeId === AC_MAGIC_BONUS || v.typeId === AC_MISC_BONUS) && typeof v.value === 'number')
    .reduce((s, v) => s + (v.value as number), 0);
  const best = Math.max(...options.map((o) => o.value));
  return { ac: best + misc + custom, options, armored: armors.length > 0, shield: shields.length > 0 };
}

/** The `movementId` of walking in the sheet's custom speeds. */
const WALK = 1;

/**
 * Walking speed: the race's walking speed (or a `set innate-speed-walking`), plus `bonus speed` /
 * `bonus speed-walking` (unconditional ones, those "unless your speed is already higher", and the
 * barbarian's Fast Movement "while you aren't wearing heavy armor" when that holds), plus
 * `bonus unarmored-movement` (monk) while wearing neither armor nor a shield. A walking speed set in
 * the sheet's custom speeds wins.
 */
export function computeSpeed(character: DdbCharacter, mods: readonly DdbModifier[], armored: boolean, shield: boolean): number {
  const custom = character.customSpeeds.find((s) => s.movementId === WALK && s.distance);
  if (custom?.distance) return custom.distance;
  const heavy = character.inventory.some((i) => isArmor(i) && i.definition.armorTypeId === ArmorType.heavy);
  const allowed = ['unless your speed is already higher', ...(heavy ? [] : ["while you aren't wearing heavy armor"])];
  const raceWalk = character.race?.weightSpeeds?.normal?.walk ?? 30;
  const base = Math.max(raceWalk, ...pick(mods, 'set', 'innate-speed-walking', allowed).map(amount));
  const bonus = pick(mods, 'bonus', ['speed', 'speed-walking'], allowed).reduce((s, m) => s + amount(m), 0);
  const unarmored = armored || shield ? 0 : pick(mods, 'bonus', 'unarmored-movement').reduce((s, m) => s + amount(m), 0);
  return base + bonus + unarmored;
}
