import { AbilityKeys, type Ability, type AbilityScores } from '../characters/character-sheet.js';
import type { DiceEngine } from '../dice/dice-engine.js';
import type { Random } from '../ports/random.js';

export const ScoreMethods = ['standard-array', 'point-buy', '4d6-drop-lowest'] as const;
export type ScoreMethod = (typeof ScoreMethods)[number];

export const STANDARD_ARRAY = [15, 14, 13, 12, 10, 8] as const;
/** Point-buy cost of each score from 8 to 15 (SRD 5.1 "Variant: Customizing Ability Scores"). */
export const POINT_BUY_COST: Record<number, number> = { 8: 0, 9: 1, 10: 2, 11: 3, 12: 4, 13: 5, 14: 7, 15: 9 };
export const POINT_BUY_BUDGET = 27;

export interface RolledScores {
  scores: AbilityScores;
  /** Each 4d6 roll's faces and the kept total, in the order rolled (4d6 only). */
  rolls: { faces: number[]; kept: number }[];
  pointBuyCost: number | null;
}

/** Assigns values (highest first) to the abilities in priority order. */
function assign(values: number[], priority: readonly Ability[]): AbilityScores {
  const sorted = [...values].sort((a, b) => b - a);
  return Object.fromEntries(priority.map((a, i) => [a, sorted[i]!])) as AbilityScores;
}

/**
 * A legal 27-point spend: every point goes to an ability chosen at random, weighted toward the class's
 * priorities. It never gets stuck: raising all six to 13 would cost 30, so while points remain some
 * score is below 13 and costs 1 to raise.
 */
function pointBuy(random: Random, priority: readonly Ability[]): AbilityScores {
  const scores = Object.fromEntries(AbilityKeys.map((a) => [a, 8])) as AbilityScores;
  let budget = POINT_BUY_BUDGET;
  const weights = [12, 7, 4, 2, 1, 1];
  while (budget > 0) {
    const open = priority.filter((a) => scores[a] < 15 && POINT_BUY_COST[scores[a] + 1]! - POINT_BUY_COST[scores[a]]! <= budget);
    const total = open.reduce((s, a) => s + weights[priority.indexOf(a)]!, 0);
    let roll = random.integer(1, total);
    const chosen = open.find((a) => (roll -= weights[priority.indexOf(a)]!) <= 0)!;
    budget -= POINT_BUY_COST[scores[chosen] + 1]! - POINT_BUY_COST[scores[chosen]]!;
    scores[chosen] += 1;
  }
  return scores;
}

export const pointBuyCost = (scores: AbilityScores) => AbilityKeys.reduce((s, a) => s + (POINT_BUY_COST[scores[a]] ?? Number.NaN), 0);

/** Base scores (before ancestry bonuses) by the chosen method; 4d6 goes through the hub's dice engine. */
export function rollScores(method: ScoreMethod, priority: readonly Ability[], random: Random, dice: DiceEngine): RolledScores {
  if (method === 'standard-array') return { scores: assign([...STANDARD_ARRAY], priority), rolls: [], pointBuyCost: null };
  if (method === 'point-buy') {
    const scores = pointBuy(random, priority);
    return { scores, rolls: [], pointBuyCost: pointBuyCost(scores) };
  }
  // The 24 dice in one roll through the engine, four per score, lowest dropped here: the engine's
  // drop modifier costs several times more per roll and the faces are the same.
  const rolled = dice.roll('24d6');
  if (!rolled.ok) throw new Error(`4d6 drop lowest failed: ${rolled.error.message}`);
  const faces = rolled.value[0]!.terms[0]!.dice.map((d) => d.value);
  const rolls = Array.from({ length: 6 }, (_, i) => {
    const four = faces.slice(i * 4, i * 4 + 4);
    return { faces: four, kept: four.reduce((s, f) => s + f, 0) - Math.min(...four) };
  });
  return { scores: assign(rolls.map((r) => r.kept), priority), rolls, pointBuyCost: null };
}
