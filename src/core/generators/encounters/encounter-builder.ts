import type { Random } from '../../ports/random.js';
import { crValue, difficultyOf, Difficulties, encounterMultiplier, partyThresholds, XP_BY_CR, type Difficulty, type Thresholds } from './encounter-tables.js';
import type { MonsterEntry } from './srd-monsters.js';

export interface EncounterRequest {
  partyLevels: number[];
  difficulty: Difficulty;
  environment?: string | undefined;
}

export interface EncounterGroup { monster: MonsterEntry; count: number }

export interface Encounter {
  groups: EncounterGroup[];
  xpTotal: number;
  multiplier: number;
  xpAdjusted: number;
  thresholds: Thresholds;
  reached: Difficulty | 'trivial';
  /** The band the adjusted XP had to fall in: [min, max) (max null for deadly). */
  band: { min: number; max: number | null };
  notes: string[];
}

const MAX_COUNT = 12;
const MAX_LEADERS = 2;
const MAX_FOLLOWERS = 8;

/** XP of a group of monsters: the sum of their XP, and that sum times the multiplier for their number. */
export function encounterXp(groups: readonly EncounterGroup[], partySize: number) {
  const count = groups.reduce((s, g) => s + g.count, 0);
  const xpTotal = groups.reduce((s, g) => s + XP_BY_CR[g.monster.challenge]! * g.count, 0);
  const multiplier = encounterMultiplier(count, partySize);
  return { xpTotal, multiplier, xpAdjusted: xpTotal * multiplier };
}

/**
 * Finds monsters whose adjusted XP falls between the asked difficulty's threshold and the next one
 * (for deadly: at or above deadly, preferring no more than half again above it). Single kinds and
 * leader-plus-followers mixes are both tried; the pool narrows to the environment and to challenges
 * the party can face (up to its highest level + 2), widening only when nothing fits.
 */
export function buildEncounter(random: Random, monsters: readonly MonsterEntry[], req: EncounterRequest): Encounter {
  const size = req.partyLevels.length;
  const thresholds = partyThresholds(req.partyLevels);
  const next = Difficulties[Difficulties.indexOf(req.difficulty) + 1];
  const min = thresholds[req.difficulty];
  const max = next ? thresholds[next] : null;
  const notes: string[] = [];
  const top = Math.max(...req.partyLevels) + 2;
  const env = req.environment?.toLowerCase();
  const inEnv = (m: MonsterEntry) => !env || m.environments.includes(env);
  const pools: [readonly MonsterEntry[], string | null][] = [
    [monsters.filter((m) => inEnv(m) && crValue(m.challenge) <= top), null],
    [monsters.filter(inEnv), `Nothing at challenge ${top} or below fits in the ${env ?? 'any'} environment: stronger monsters were used.`],
    [monsters, `No ${env} monsters fit this budget: monsters from other environments were used.`],
  ];
  for (const [pool, note] of pools) {
    const found = search(random, pool, size, min, max);
    if (found) {
      if (note) notes.push(note);
      const xp = encounterXp(found, size);
      return { groups: found, ...xp, thresholds, reached: difficultyOf(xp.xpAdjusted, thresholds), band: { min, max }, notes };
    }
  }
  throw new Error(`No encounter fits [${min}, ${max}) for party ${req.partyLevels.join(',')}`);
}

/**
 * Searches challenge ratings rather than monsters (there are only ~30 distinct ones), so every
 * single-kind and leader-plus-followers combination is tried exhaustively and cheaply; monsters of
 * the chosen ratings are drawn afterwards, followers preferably of the leader's type.
 */
function search(random: Random, pool: readonly MonsterEntry[], size: number, min: number, max: number | null): EncounterGroup[] | null {
  if (!pool.length) return null;
  const crs = [...new Set(pool.map((m) => m.challenge))];
  const fits = (xpTotal: number, count: number) => {
    const adjusted = xpTotal * encounterMultiplier(count, size);
    return adjusted >= min && (max === null || adjusted < max) ? adjusted : null;
  };
  type Plan = { parts: [string, number][]; adjusted: number };
  const singles: Plan[] = [];
  const mixes: Plan[] = [];
  for (const a of crs) {
    for (let n = 1; n <= MAX_COUNT; n++) {
      const adjusted = fits(XP_BY_CR[a]! * n, n);
      if (adjusted !== null) singles.push({ parts: [[a, n]], adjusted });
    }
    for (const b of crs) {
      if (crValue(b) >= crValue(a)) continue;
      for (let na = 1; na <= MAX_LEADERS; na++) {
        for (let nb = 1; nb <= MAX_FOLLOWERS; nb++) {
          const adjusted = fits(XP_BY_CR[a]! * na + XP_BY_CR[b]! * nb, na + nb);
          if (adjusted !== null) mixes.push({ parts: [[a, na], [b, nb]], adjusted });
        }
      }
    }
  }
  let plans = mixes.length && (random.integer(0, 1) === 1 || !singles.length) ? mixes : singles;
  if (!plans.length) return null;
  if (max === null) {
    // Deadly has no ceiling; keep it within half again of the threshold when the pool allows.
    const close = plans.filter((p) => p.adjusted <= min * 1.5);
    plans = close.length ? close : [plans.reduce((best, p) => (p.adjusted < best.adjusted ? p : best))];
  }
  const plan = plans[random.integer(0, plans.length - 1)]!;
  const groups: EncounterGroup[] = [];
  for (const [cr, count] of plan.parts) {
    const options = pool.filter((m) => m.challenge === cr);
    const kin = groups.length ? options.filter((m) => m.type === groups[0]!.monster.type) : [];
    const from = kin.length ? kin : options;
    groups.push({ monster: from[random.integer(0, from.length - 1)]!, count });
  }
  return groups;
}
