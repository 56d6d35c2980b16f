/**
 * The 5e encounter-building math (the Dungeon Master's rules that Kobold Fight Club implements):
 * XP thresholds per character level, monster XP by challenge rating, and the multiplier for the
 * number of monsters with its party-size adjustment.
 */

export const Difficulties = ['easy', 'medium', 'hard', 'deadly'] as const;
export type Difficulty = (typeof Difficulties)[number];

/** Per-character XP thresholds [easy, medium, hard, deadly] for levels 1-20. */
export const XP_THRESHOLDS: readonly (readonly [number, number, number, number])[] = [
  [25, 50, 75, 100], [50, 100, 150, 200], [75, 150, 225, 400], [125, 250, 375, 500], [250, 500, 750, 1100],
  [300, 600, 900, 1400], [350, 750, 1100, 1700], [450, 900, 1400, 2100], [550, 1100, 1600, 2400], [600, 1200, 1900, 2800],
  [800, 1600, 2400, 3600], [1000, 2000, 3000, 4500], [1100, 2200, 3400, 5100], [1250, 2500, 3800, 5700], [1400, 2800, 4300, 6400],
  [1600, 3200, 4800, 7200], [2000, 3900, 5900, 8800], [2100, 4200, 6300, 9500], [2400, 4900, 7300, 10900], [2800, 5700, 8500, 12700],
];

/** Experience points by challenge rating. */
export const XP_BY_CR: Record<string, number> = {
  '0': 10, '1/8': 25, '1/4': 50, '1/2': 100, '1': 200, '2': 450, '3': 700, '4': 1100, '5': 1800, '6': 2300, '7': 2900, '8': 3900, '9': 5000,
  '10': 5900, '11': 7200, '12': 8400, '13': 10000, '14': 11500, '15': 13000, '16': 15000, '17': 18000, '18': 20000, '19': 22000, '20': 25000,
  '21': 33000, '22': 41000, '23': 50000, '24': 62000, '25': 75000, '26': 90000, '27': 105000, '28': 120000, '29': 135000, '30': 155000,
};

/** "1/4" -> 0.25, for sorting and comparing with levels. */
export const crValue = (cr: string) => (cr.includes('/') ? 1 / Number(cr.split('/')[1]) : Number(cr));

/** The multipliers in order; the party-size adjustment moves one step along this list. */
const MULTIPLIERS = [0.5, 1, 1.5, 2, 2.5, 3, 4, 5] as const;

/**
 * The encounter multiplier for a number of monsters: x1 for one, x1.5 for two, x2 for 3-6, x2.5 for
 * 7-10, x3 for 11-14, x4 for 15 or more; a party of fewer than three uses the next higher
 * multiplier, a party of six or more the next lower one.
 */
export function encounterMultiplier(monsters: number, partySize: number): number {
  const index = monsters <= 1 ? 1 : monsters === 2 ? 2 : monsters <= 6 ? 3 : monsters <= 10 ? 4 : monsters <= 14 ? 5 : 6;
  const shift = partySize < 3 ? 1 : partySize >= 6 ? -1 : 0;
  return MULTIPLIERS[index + shift]!;
}

export interface Thresholds { easy: number; medium: number; hard: number; deadly: number }

export function partyThresholds(levels: readonly number[]): Thresholds {
  const sum = (i: number) => levels.reduce((s, l) => s + XP_THRESHOLDS[l - 1]![i]!, 0);
  return { easy: sum(0), medium: sum(1), hard: sum(2), deadly: sum(3) };
}

/** The hardest difficulty whose threshold the adjusted XP reaches; "trivial" below easy. */
export function difficultyOf(adjusted: number, t: Thresholds): Difficulty | 'trivial' {
  return adjusted >= t.deadly ? 'deadly' : adjusted >= t.hard ? 'hard' : adjusted >= t.medium ? 'medium' : adjusted >= t.easy ? 'easy' : 'trivial';
}
