import { abilityModifier, type AbilityScores, type Attack } from '../../core/index.js';
import type { DdbCharacter, DdbItem, DdbModifier } from './ddb-schemas.js';
import { amount, pick } from './ddb-modifiers.js';

const MELEE = 1;
const RANGED = 2;
const SIMPLE = 1;
const MARTIAL = 2;

const hasProperty = (item: DdbItem, name: string) => item.definition.properties.some((p) => p.name.toLowerCase() === name.toLowerCase());
const kebab = (s: string) => s.toLowerCase().replace(/[,()']/g, '').trim().replace(/\s+/g, '-');
const signed = (n: number) => (n === 0 ? '' : n > 0 ? `+${n}` : `${n}`);
const dieSize = (dice: string) => Number(/d(\d+)/.exec(dice)?.[1] ?? 0);

/** The monk's Martial Arts die by monk level (PHB p. 77). */
export function martialArtsDie(monkLevel: number): string {
  return monkLevel >= 17 ? '1d10' : monkLevel >= 11 ? '1d8' : monkLevel >= 5 ? '1d6' : '1d4';
}

/** A monk weapon: shortswords and simple melee weapons that are neither two-handed nor heavy (PHB p. 78). */
function isMonkWeapon(item: DdbItem): boolean {
  if (item.definition.isMonkWeapon !== null && item.definition.isMonkWeapon !== undefined) return item.definition.isMonkWeapon;
  if (item.definition.type === 'Shortsword') return true;
  return item.definition.categoryId === SIMPLE && item.definition.attackType === MELEE && !hasProperty(item, 'Two-Handed') && !hasProperty(item, 'Heavy');
}

/**
 * The attacks the sheet lists for equipped weapons: to-hit = ability modifier (STR for melee, DEX for
 * ranged, the better of both for finesse weapons and a monk's monk weapons) + proficiency (by weapon
 * or by simple/martial category) + the weapon's magic bonus + unconditional attack bonuses (Archery:
 * `bonus ranged-weapon-attacks`); damage = the weapon's dice (a monk's Martial Arts die when larger)
 * + the same ability modifier + magic bonus. Unarmed strikes are listed when the sheet shows them.
 */
export function computeAttacks(character: DdbCharacter, mods: readonly DdbModifier[], byItem: Map<DdbItem, DdbModifier[]>, scores: AbilityScores, proficiencyBonus: number): Attack[] {
  const str = abilityModifier(scores.str);
  const dex = abilityModifier(scores.dex);
  const monkLevel = character.classes.filter((c) => c.definition.name === 'Monk').reduce((s, c) => s + c.level, 0);
  const proficient = (item: DdbItem) => {
    const subs = [kebab(item.definition.type ?? item.definition.name), kebab(item.definition.name)];
    if (item.definition.categoryId === SIMPLE) subs.push('simple-weapons');
    if (item.definition.categoryId === MARTIAL) subs.push('martial-weapons');
    return pick(mods, 'proficiency', subs).length > 0;
  };
  const attacks: Attack[] = [];
  for (const item of character.inventory) {
    const def = item.definition;
    if (!item.equipped || !def.damage?.diceString || !def.attackType) continue;
    const ranged = def.attackType === RANGED;
    const monk = monkLevel > 0 && !ranged && isMonkWeapon(item);
    const ability = hasProperty(item, 'Finesse') || monk ? Math.max(str, dex) : ranged ? dex : str;
    const magic = pick(byItem.get(item) ?? [], 'bonus', 'magic').reduce((s, m) => s + amount(m), 0);
    const attackBonus = pick(mods, 'bonus', ['weapon-attacks', ranged ? 'ranged-weapon-attacks' : 'melee-weapon-attacks']).reduce((s, m) => s + amount(m), 0);
    const toHit = ability + (proficient(item) ? proficiencyBonus : 0) + magic + attackBonus;
    let dice = def.damage.diceString;
    if (monk && dieSize(martialArtsDie(monkLevel)) > dieSize(dice)) dice = martialArtsDie(monkLevel);
    const damageMod = ability + magic;
    const versatile = def.properties.find((p) => p.name === 'Versatile')?.notes;
    const reach = def.range ? (def.longRange && def.longRange !== def.range ? `${def.range}/${def.longRange} ft.` : `${def.range} ft.`) : null;
    // A thrown melee weapon (dagger, handaxe) is used at 5 ft. or thrown at its range.
    const range = !ranged && hasProperty(item, 'Thrown') && reach ? `${hasProperty(item, 'Reach') ? 10 : 5} ft. or thrown ${reach}` : reach;
    attacks.push({
      name: def.name.slice(0, 120),
      toHit,
      damage: `${dice}${signed(damageMod)}`,
      damageType: def.damageType ?? null,
      range,
      notes: versatile ? `Versatile: ${versatile}${signed(damageMod)}` : null,
    });
  }
  const showUnarmed = character.preferences?.showUnarmedStrike === true || monkLevel > 0;
  if (showUnarmed) {
    const ability = monkLevel > 0 ? Math.max(str, dex) : str;
    attacks.push({
      name: 'Unarmed Strike',
      toHit: ability + proficiencyBonus,
      damage: monkLevel > 0 ? `${martialArtsDie(monkLevel)}${signed(ability)}` : `${Math.max(0, 1 + str)}`,
      damageType: 'Bludgeoning',
      range: '5 ft.',
      notes: null,
    });
  }
  return attacks;
}
