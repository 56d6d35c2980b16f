import { AbilityKeys, type Ability, type AbilityScores } from '../../core/index.js';
import type { DdbCharacter, DdbModifier } from './ddb-schemas.js';
import { amount, pick } from './ddb-modifiers.js';

/** D&D Beyond's stat ids 1-6, in the order of `AbilityKeys`, and the words its modifier subtypes use. */
export const StatIds: Record<Ability, number> = { str: 1, dex: 2, con: 3, int: 4, wis: 5, cha: 6 };
export const AbilityWords: Record<Ability, string> = { str: 'strength', dex: 'dexterity', con: 'constitution', int: 'intelligence', wis: 'wisdom', cha: 'charisma' };
export const abilityForStatId = (statId: number): Ability | undefined => AbilityKeys[statId - 1];

const MAXIMUM_OF = /maximum of (\d+)/i;

/** How one final score came about, for tests and for explaining a number to a user. */
export interface ScoreBreakdown {
  base: number;
  bonus: number;
  cap: number;
  bonusStat: number;
  setFloor: number;
  override: number | null;
  final: number;
}

/**
 * The final ability scores D&D Beyond's sheet shows:
 * base `stats` + bonuses from race, class, background, feats, active items and conditions
 * (`bonus <ability>-score`, unconditional), capped at 20 (raised by `ability-score-maximum` bonuses or a
 * bonus "to a maximum of N"); then `bonusStats` (the sheet's "other bonus", never capped); then `set`
 * modifiers as floors (a Belt of Giant Strength sets 21 "if not already higher"); `overrideStats` wins over all.
 */
export function computeAbilityScores(character: DdbCharacter, mods: readonly DdbModifier[]): { scores: AbilityScores; breakdown: Record<Ability, ScoreBreakdown> } {
  const scores = {} as AbilityScores;
  const breakdown = {} as Record<Ability, ScoreBreakdown>;
  for (const key of AbilityKeys) {
    const statId = StatIds[key];
    const word = AbilityWords[key];
    const statValue = (list: readonly { id: number; value?: number | null }[]) => list.find((s) => s.id === statId)?.value ?? null;
    const base = statValue(character.stats) ?? 10;

    const scoreBonuses = pick(mods, ['bonus', 'stacking-bonus'], `${word}-score`);
    const cappedBonuses = mods.filter((m) => (m.type === 'bonus' || m.type === 'stacking-bonus') && m.subType === `${word}-score` && MAXIMUM_OF.test(m.restriction ?? ''));
    const maximumRaise =
      pick(mods, 'bonus', 'ability-score-maximum').filter((m) => m.statId === statId).reduce((s, m) => s + amount(m), 0) +
      pick(mods, 'bonus', `${word}-maximum`).reduce((s, m) => s + amount(m), 0);
    let cap = 20 + maximumRaise;
    for (const m of cappedBonuses) cap = Math.max(cap, Number(MAXIMUM_OF.exec(m.restriction ?? '')?.[1] ?? 20));
    const bonus = [...scoreBonuses, ...cappedBonuses].reduce((s, m) => s + amount(m), 0);

    const bonusStat = statValue(character.bonusStats) ?? 0;
    const setFloor = Math.max(0, ...pick(mods, 'set', `${word}-score`, ['if not already higher']).map(amount));
    const overrideRaw = statValue(character.overrideStats);
    const override = overrideRaw && overrideRaw > 0 ? overrideRaw : null;

    const capped = Math.min(cap, base + bonus) + bonusStat;
    const final = override ?? Math.max(capped, setFloor);
    scores[key] = final;
    breakdown[key] = { base, bonus, cap, bonusStat, setFloor, override, final };
  }
  return { scores, breakdown };
}
