import {
  AbilityKeys,
  Skills5e,
  abilityModifier,
  proficiencyContribution,
  type Ability,
  type AbilityScores,
  type CheckBonus,
  type Proficiency,
} from '../../core/index.js';
import type { DdbCharacter, DdbModifier } from './ddb-schemas.js';
import { AbilityWords, abilityForStatId } from './ddb-abilities.js';
import { amount, pick, sumBonuses } from './ddb-modifiers.js';

type SkillName = keyof typeof Skills5e;

/** D&D Beyond's ids for the 18 skills (the `valueId` of per-skill custom settings in characterValues). */
const SkillIds: Record<SkillName, number> = {
  athletics: 2, acrobatics: 3, sleightOfHand: 4, stealth: 5, arcana: 6, history: 7, investigation: 8, nature: 9, religion: 10,
  animalHandling: 11, insight: 12, medicine: 13, perception: 14, survival: 15, deception: 16, intimidation: 17, performance: 18, persuasion: 19,
};

/** characterValues type ids of the sheet's per-skill settings. */
const SKILL_MISC_BONUS = 24;
const SKILL_MAGIC_BONUS = 25;
const SKILL_PROFICIENCY = 26;
const SKILL_ABILITY = 27;
/** Values of the per-skill proficiency setting. */
const CustomProficiency: Record<number, Proficiency> = { 1: 'none', 2: 'half', 3: 'proficient', 4: 'expertise' };

const kebab = (camel: string) => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export interface Checks {
  saves: Partial<Record<Ability, CheckBonus>>;
  skills: Record<string, CheckBonus>;
  initiativeBonus: number;
  passivePerception: number;
  passiveInvestigation: number;
  passiveInsight: number;
}

/**
 * Saving throws, skills, initiative and passive scores as the sheet shows them.
 * Proficiency comes from `proficiency` / `expertise` modifiers; half proficiency from Jack of All Trades
 * (`half-proficiency ability-checks`, rounded down) or Remarkable Athlete (`half-proficiency-round-up
 * <ability>-ability-checks`, rounded up); the sheet's per-skill settings (proficiency, ability, bonuses)
 * win. Bonuses: unconditional `bonus <skill>`, `bonus ability-checks`, `bonus saving-throws`,
 * `bonus <ability>-saving-throws`, `bonus initiative`; a bonus tied to an ability adds its modifier.
 * A passive score is 10 + the skill, +5 with unconditional advantage, plus `bonus passive-<skill>`.
 */
export function computeChecks(character: DdbCharacter, mods: readonly DdbModifier[], scores: AbilityScores, proficiencyBonus: number): Checks {
  const mod = (a: Ability) => abilityModifier(scores[a]);
  const statMod = (statId: number) => {
    const a = abilityForStatId(statId);
    return a ? mod(a) : 0;
  };
  const sum = (list: DdbModifier[]) => sumBonuses(list, statMod);
  const jackOfAllTrades = pick(mods, 'half-proficiency', 'ability-checks').length > 0;
  const roundsUp = (a: Ability) => pick(mods, 'half-proficiency-round-up', [`${AbilityWords[a]}-ability-checks`, 'ability-checks']).length > 0;
  const checkBonus = sum(pick(mods, 'bonus', 'ability-checks'));

  const saves: Partial<Record<Ability, CheckBonus>> = {};
  const allSaves = sum(pick(mods, 'bonus', 'saving-throws'));
  // Diamond Soul and the like: proficiency in every saving throw.
  const proficientInAll = pick(mods, 'proficiency', 'saving-throws').length > 0;
  for (const a of AbilityKeys) {
    const word = AbilityWords[a];
    const proficient = proficientInAll || pick(mods, 'proficiency', `${word}-saving-throws`).length > 0;
    const bonus = mod(a) + (proficient ? proficiencyBonus : 0) + allSaves + sum(pick(mods, 'bonus', `${word}-saving-throws`));
    saves[a] = { ability: a, proficiency: proficient ? 'proficient' : 'none', bonus };
  }

  const skills: Record<string, CheckBonus> = {};
  const values = character.characterValues;
  const customFor = (typeId: number, skill: SkillName) => values.filter((v) => v.typeId === typeId && String(v.valueId) === String(SkillIds[skill]) && typeof v.value === 'number');
  for (const skill of Object.keys(Skills5e) as SkillName[]) {
    const sub = kebab(skill);
    const customAbility = customFor(SKILL_ABILITY, skill)[0];
    const ability = (customAbility && abilityForStatId(customAbility.value as number)) || Skills5e[skill];
    const customProficiency = customFor(SKILL_PROFICIENCY, skill)[0];
    const fromMods: Proficiency =
      pick(mods, 'expertise', sub).length > 0
        ? 'expertise'
        : pick(mods, 'proficiency', sub).length > 0
          ? 'proficient'
          : jackOfAllTrades || roundsUp(ability)
            ? 'half'
            : 'none';
    const proficiency = (customProficiency && CustomProficiency[customProficiency.value as number]) || fromMods;
    const custom = [...customFor(SKILL_MISC_BONUS, skill), ...customFor(SKILL_MAGIC_BONUS, skill)].reduce((s, v) => s + (v.value as number), 0);
    const bonus = mod(ability) + proficiencyContribution(proficiency, proficiencyBonus, roundsUp(ability)) + sum(pick(mods, 'bonus', sub)) + checkBonus + custom;
    skills[skill] = { ability, proficiency, bonus };
  }

  const initiativeHalf = jackOfAllTrades || roundsUp('dex') ? proficiencyContribution('half', proficiencyBonus, roundsUp('dex')) : 0;
  const initiativeBonus = mod('dex') + initiativeHalf + sum(pick(mods, 'bonus', 'initiative')) + checkBonus;

  const passive = (skill: SkillName) => {
    const advantage = pick(mods, 'advantage', kebab(skill)).length > 0;
    return 10 + (skills[skill]?.bonus ?? 0) + (advantage ? 5 : 0) + pick(mods, 'bonus', `passive-${kebab(skill)}`).reduce((s, m) => s + amount(m), 0);
  };
  return {
    saves,
    skills,
    initiativeBonus,
    passivePerception: passive('perception'),
    passiveInvestigation: passive('investigation'),
    passiveInsight: passive('insight'),
  };
}

const SENSES = ['darkvision', 'blindsight', 'tremorsense', 'truesight'] as const;
/** D&D Beyond's sense ids in `customSenses`. */
const SenseIds: Record<number, (typeof SENSES)[number]> = { 1: 'blindsight', 2: 'darkvision', 3: 'tremorsense', 4: 'truesight' };

/** Special senses: the longest `set-base <sense>` plus `bonus <sense>` ranges, or the sheet's custom range. */
export function computeSenses(character: DdbCharacter, mods: readonly DdbModifier[]): string[] {
  const out: string[] = [];
  for (const sense of SENSES) {
    const custom = character.customSenses.find((c) => SenseIds[c.senseId ?? 0] === sense && c.distance);
    const base = Math.max(0, ...pick(mods, ['set-base', 'sense'], sense).map(amount));
    const range = custom?.distance ?? (base > 0 ? base + pick(mods, 'bonus', sense).reduce((s, m) => s + amount(m), 0) : 0);
    if (range > 0) out.push(`${sense} ${range} ft.`);
  }
  return out;
}
