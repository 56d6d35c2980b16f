/** Spellcasting progression tables of SRD 5.1 (CC-BY-4.0). Index = class level - 1. */
import type { CasterKind } from './classes.js';

/** The Spellcaster table shared by full casters: slots per spell level. */
export const FULL_CASTER_SLOTS: number[][] = [
  [2], [3], [4, 2], [4, 3], [4, 3, 2], [4, 3, 3], [4, 3, 3, 1], [4, 3, 3, 2], [4, 3, 3, 3, 1], [4, 3, 3, 3, 2],
  [4, 3, 3, 3, 2, 1], [4, 3, 3, 3, 2, 1], [4, 3, 3, 3, 2, 1, 1], [4, 3, 3, 3, 2, 1, 1], [4, 3, 3, 3, 2, 1, 1, 1], [4, 3, 3, 3, 2, 1, 1, 1],
  [4, 3, 3, 3, 2, 1, 1, 1, 1], [4, 3, 3, 3, 3, 1, 1, 1, 1], [4, 3, 3, 3, 3, 2, 1, 1, 1], [4, 3, 3, 3, 3, 2, 2, 1, 1],
];

/** Paladin and ranger: no slots at 1st level, then the full table at half their level, rounded up. */
export const halfCasterSlots = (level: number): number[] => (level < 2 ? [] : FULL_CASTER_SLOTS[Math.ceil(level / 2) - 1]!);

/** Warlock Pact Magic: number of slots and their level. */
export function pactSlots(level: number): { count: number; level: number } {
  const count = level === 1 ? 1 : level <= 10 ? 2 : level <= 16 ? 3 : 4;
  return { count, level: Math.min(5, Math.ceil(level / 2)) };
}

export function slotsFor(kind: CasterKind, level: number): number[] {
  if (kind === 'full') return FULL_CASTER_SLOTS[level - 1]!;
  if (kind === 'half') return halfCasterSlots(level);
  return [];
}

const byTier = (l: number, a: number, b: number, c: number) => (l < 4 ? a : l < 10 ? b : c);
/** Cantrips known by class and level. */
export const CANTRIPS_KNOWN: Record<string, (level: number) => number> = {
  Bard: (l) => byTier(l, 2, 3, 4),
  Cleric: (l) => byTier(l, 3, 4, 5),
  // Circle of the Land adds one at 2nd level.
  Druid: (l) => byTier(l, 2, 3, 4) + (l >= 2 ? 1 : 0),
  Sorcerer: (l) => byTier(l, 4, 5, 6),
  Warlock: (l) => byTier(l, 2, 3, 4),
  Wizard: (l) => byTier(l, 3, 4, 5),
};

/** Spells known by the classes that do not prepare (the Spells Known column). */
export const SPELLS_KNOWN: Record<string, number[]> = {
  Bard: [4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 15, 16, 18, 19, 19, 20, 22, 22, 22],
  Sorcerer: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 13, 13, 14, 14, 15, 15, 15, 15],
  Warlock: [2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15],
  Ranger: [0, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11],
};

/** Warlock Mystic Arcanum: one spell of each of these levels at the given class levels. */
export const MYSTIC_ARCANUM: [classLevel: number, spellLevel: number][] = [[11, 6], [13, 7], [15, 8], [17, 9]];
