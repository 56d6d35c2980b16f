/**
 * Fifth-edition rules that do not depend on where a character came from: proficiency by level,
 * the multiclass spell-slot table and Pact Magic. Importers use them to compute what a sheet shows.
 */

/** Proficiency bonus by total character level (PHB p. 15): +2 at 1-4, rising by 1 every 4 levels. */
export function proficiencyBonusForLevel(level: number): number {
  const clamped = Math.min(20, Math.max(1, Math.floor(level)));
  return 2 + Math.floor((clamped - 1) / 4);
}

/** How a class adds to the shared spell-slot table: full, half, third, or not at all. */
export interface CasterProgression {
  /** 1 full casters, 2 half casters, 3 third casters; 0 or null: none. */
  divisor: number | null;
  /** Artificers round up; everyone else rounds down. */
  roundUp: boolean;
  /** The class level (or subclass level) that counts. */
  level: number;
}

/** Rows 1-20 of the Multiclass Spellcaster table (PHB p. 165): slots of levels 1-9. */
const SLOT_TABLE: readonly (readonly number[])[] = [
  [],
  [2],
  [3],
  [4, 2],
  [4, 3],
  [4, 3, 2],
  [4, 3, 3],
  [4, 3, 3, 1],
  [4, 3, 3, 2],
  [4, 3, 3, 3, 1],
  [4, 3, 3, 3, 2],
  [4, 3, 3, 3, 2, 1],
  [4, 3, 3, 3, 2, 1],
  [4, 3, 3, 3, 2, 1, 1],
  [4, 3, 3, 3, 2, 1, 1],
  [4, 3, 3, 3, 2, 1, 1, 1],
  [4, 3, 3, 3, 2, 1, 1, 1],
  [4, 3, 3, 3, 2, 1, 1, 1, 1],
  [4, 3, 3, 3, 3, 1, 1, 1, 1],
  [4, 3, 3, 3, 3, 2, 1, 1, 1],
  [4, 3, 3, 3, 3, 2, 2, 1, 1],
];

/**
 * The caster level that indexes the shared slot table. A single class uses its own table, which for
 * half and third casters equals the shared table at the level rounded up, from the level they gain
 * spellcasting (2 for paladins and rangers, 3 for eldritch knights and arcane tricksters); several
 * classes add their contributions rounded down (PHB p. 164), artificers always rounded up.
 */
export function casterLevel(progressions: readonly CasterProgression[]): number {
  const casting = progressions.filter((p) => p.divisor && p.divisor > 0 && p.level > 0);
  if (casting.length === 0) return 0;
  if (casting.length === 1) {
    const [p] = casting as [CasterProgression];
    const divisor = p.divisor as number;
    if (divisor === 1) return p.level;
    if (!p.roundUp && p.level < divisor) return 0;
    return Math.ceil(p.level / divisor);
  }
  return casting.reduce((sum, p) => {
    const share = p.level / (p.divisor as number);
    return sum + (p.roundUp ? Math.ceil(share) : Math.floor(share));
  }, 0);
}

/** Spell slots per level (index 0 = 1st level) for a caster level, from the shared table. */
export function spellSlotsForCasterLevel(level: number): number[] {
  const row = SLOT_TABLE[Math.min(20, Math.max(0, Math.floor(level)))] ?? [];
  return [...row];
}

/** A warlock's Pact Magic at a warlock level (PHB p. 106): how many slots and of which level. */
export function pactMagicSlots(warlockLevel: number): { count: number; level: number } | null {
  if (warlockLevel < 1) return null;
  const lvl = Math.min(20, Math.floor(warlockLevel));
  const count = lvl === 1 ? 1 : lvl <= 10 ? 2 : lvl <= 16 ? 3 : 4;
  const level = Math.min(5, Math.ceil(lvl / 2));
  return { count, level };
}

/** Ability check modifier with a proficiency level: half rounds down unless the feature says up. */
export function proficiencyContribution(proficiency: 'none' | 'half' | 'proficient' | 'expertise', bonus: number, halfRoundsUp = false): number {
  switch (proficiency) {
    case 'expertise':
      return bonus * 2;
    case 'proficient':
      return bonus;
    case 'half':
      return halfRoundsUp ? Math.ceil(bonus / 2) : Math.floor(bonus / 2);
    default:
      return 0;
  }
}
