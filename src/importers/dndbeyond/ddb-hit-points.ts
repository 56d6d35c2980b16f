import type { DdbCharacter, DdbModifier } from './ddb-schemas.js';
import { amount, pick, reachedFeatures } from './ddb-modifiers.js';

export interface HitPoints {
  max: number;
  current: number;
  temp: number;
}

/** `preferences.hitPointType`: 1 fixed (the average per level), 2 manual (what the player rolled, in `baseHitPoints`). */
const FIXED = 1;

/** The hit-die part of fixed hit points: the starting class's die at 1st level, then the average (half the die + 1) per level. */
export function fixedHitDiePoints(character: DdbCharacter): number {
  return character.classes.reduce((sum, c) => {
    const die = c.definition.hitDice ?? 8;
    const average = die / 2 + 1;
    return sum + (c.isStartingClass ? die + (c.level - 1) * average : c.level * average);
  }, 0);
}

/**
 * Max and current hit points as D&D Beyond's sheet shows them.
 * The hit-die part: with fixed hit points the sheet works it out from the classes (the maximum of the
 * starting class's die at 1st level, the average after), with manual ones it is `baseHitPoints` (what
 * the player rolled); an export without preferences uses `baseHitPoints`. To it the sheet adds CON modifier x total level and per-level bonuses
 * (`bonus hit-points-per-level`: Tough, Hill Dwarf's toughness, Draconic Resilience; one granted by a
 * class feature counts that class's levels only). `overrideHitPoints` replaces the computed maximum;
 * `bonusHitPoints` (the sheet's "max HP modifier") is added on top of either. Current is the maximum
 * minus `removedHitPoints`; temporary hit points stay apart.
 */
export function computeHitPoints(character: DdbCharacter, mods: readonly DdbModifier[], conModifier: number): HitPoints {
  const totalLevel = character.classes.reduce((s, c) => s + c.level, 0);
  const perLevel = pick(mods, 'bonus', 'hit-points-per-level').reduce((sum, m) => {
    const cls = character.classes.find((c) => reachedFeatures(c).some((f) => f.id !== null && f.id !== undefined && String(f.id) === String(m.componentId)));
    return sum + amount(m) * (cls ? cls.level : totalLevel);
  }, 0);
  const flat = pick(mods, 'bonus', 'hit-points').reduce((s, m) => s + amount(m), 0);
  const hitDice = character.preferences?.hitPointType === FIXED && character.classes.some((c) => c.isStartingClass) ? fixedHitDiePoints(character) : character.baseHitPoints;
  const computed = hitDice + conModifier * totalLevel + perLevel + flat;
  const override = character.overrideHitPoints && character.overrideHitPoints > 0 ? character.overrideHitPoints : null;
  const max = Math.max(0, (override ?? computed) + (character.bonusHitPoints ?? 0));
  const current = max - (character.removedHitPoints ?? 0);
  return { max, current, temp: Math.max(0, character.temporaryHitPoints ?? 0) };
}
