/**
 * Armor and weapons of the SRD 5.1 equipment tables (CC-BY-4.0), limited to what the classes' starting
 * equipment hands out. Armor Class follows the table: light armor adds DEX, medium adds DEX up to +2,
 * heavy adds none; a shield adds 2.
 */
import type { Ability } from '../../characters/character-sheet.js';

export type ArmorCategory = 'light' | 'medium' | 'heavy' | 'shield';

export interface Armor {
  name: string;
  category: ArmorCategory;
  /** Base AC (a shield: the bonus). */
  ac: number;
  /** Heavy armor's Strength requirement: below it, speed drops by 10 feet. */
  strength: number;
  weight: number;
}

export const ARMOR: Record<string, Armor> = {
  padded: { name: 'Padded armor', category: 'light', ac: 11, strength: 0, weight: 8 },
  leather: { name: 'Leather armor', category: 'light', ac: 11, strength: 0, weight: 10 },
  studdedLeather: { name: 'Studded leather armor', category: 'light', ac: 12, strength: 0, weight: 13 },
  hide: { name: 'Hide armor', category: 'medium', ac: 12, strength: 0, weight: 12 },
  chainShirt: { name: 'Chain shirt', category: 'medium', ac: 13, strength: 0, weight: 20 },
  scaleMail: { name: 'Scale mail', category: 'medium', ac: 14, strength: 0, weight: 45 },
  breastplate: { name: 'Breastplate', category: 'medium', ac: 14, strength: 0, weight: 20 },
  halfPlate: { name: 'Half plate', category: 'medium', ac: 15, strength: 0, weight: 40 },
  ringMail: { name: 'Ring mail', category: 'heavy', ac: 14, strength: 0, weight: 40 },
  chainMail: { name: 'Chain mail', category: 'heavy', ac: 16, strength: 13, weight: 55 },
  splint: { name: 'Splint armor', category: 'heavy', ac: 17, strength: 15, weight: 60 },
  plate: { name: 'Plate armor', category: 'heavy', ac: 18, strength: 15, weight: 65 },
  shield: { name: 'Shield', category: 'shield', ac: 2, strength: 0, weight: 6 },
};

/** AC granted by one suit of armor for a given DEX modifier (no shield). */
export function armorClass(armor: Armor, dexMod: number): number {
  if (armor.category === 'light') return armor.ac + dexMod;
  if (armor.category === 'medium') return armor.ac + Math.min(dexMod, 2);
  return armor.ac;
}

export interface Weapon {
  name: string;
  damage: string;
  damageType: 'slashing' | 'piercing' | 'bludgeoning';
  /** finesse: the better of STR and DEX; ranged: DEX; otherwise STR. */
  kind: 'melee' | 'finesse' | 'ranged';
  range: string | null;
  properties: string;
  weight: number;
  /** A monk weapon (shortsword or simple melee weapon without two-handed/heavy): DEX and the martial arts die apply. */
  monk: boolean;
}

const w = (name: string, damage: string, damageType: Weapon['damageType'], kind: Weapon['kind'], range: string | null, properties: string, weight: number, monk = false): Weapon => ({
  name, damage, damageType, kind, range, properties, weight, monk,
});

export const WEAPONS: Record<string, Weapon> = {
  club: w('Club', '1d4', 'bludgeoning', 'melee', null, 'light', 2, true),
  dagger: w('Dagger', '1d4', 'piercing', 'finesse', '20/60 ft.', 'finesse, light, thrown', 1, true),
  handaxe: w('Handaxe', '1d6', 'slashing', 'melee', '20/60 ft.', 'light, thrown', 2, true),
  javelin: w('Javelin', '1d6', 'piercing', 'melee', '30/120 ft.', 'thrown', 2, true),
  mace: w('Mace', '1d6', 'bludgeoning', 'melee', null, '', 4, true),
  quarterstaff: w('Quarterstaff', '1d6', 'bludgeoning', 'melee', null, 'versatile (1d8)', 4, true),
  spear: w('Spear', '1d6', 'piercing', 'melee', '20/60 ft.', 'thrown, versatile (1d8)', 3, true),
  lightCrossbow: w('Light crossbow', '1d8', 'piercing', 'ranged', '80/320 ft.', 'ammunition, loading, two-handed', 5),
  dart: w('Dart', '1d4', 'piercing', 'finesse', '20/60 ft.', 'finesse, thrown', 0.25),
  shortbow: w('Shortbow', '1d6', 'piercing', 'ranged', '80/320 ft.', 'ammunition, two-handed', 2),
  greataxe: w('Greataxe', '1d12', 'slashing', 'melee', null, 'heavy, two-handed', 7),
  longsword: w('Longsword', '1d8', 'slashing', 'melee', null, 'versatile (1d10)', 3),
  rapier: w('Rapier', '1d8', 'piercing', 'finesse', null, 'finesse', 2),
  scimitar: w('Scimitar', '1d6', 'slashing', 'finesse', null, 'finesse, light', 3),
  shortsword: w('Shortsword', '1d6', 'piercing', 'finesse', null, 'finesse, light', 2, true),
  longbow: w('Longbow', '1d8', 'piercing', 'ranged', '150/600 ft.', 'ammunition, heavy, two-handed', 2),
};

/** The ability an attack with this weapon uses: finesse takes the better one, monks may use DEX. */
export function attackAbility(weapon: Weapon, scores: Record<Ability, number>, monk: boolean): Ability {
  if (weapon.kind === 'ranged') return 'dex';
  if (weapon.kind === 'finesse' || (monk && weapon.monk)) return scores.dex > scores.str ? 'dex' : 'str';
  return 'str';
}
