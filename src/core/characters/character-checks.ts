import { fail, ok, type Result } from '../result.js';
import { abilityModifier, AbilityKeys, Skills5e, type Ability, type Attack, type CharacterSheet } from './character-sheet.js';

/** What a check names on a sheet: a d20 bonus with its label, or an attack (to-hit and damage). */
export type ResolvedCheck = { kind: 'ability' | 'save' | 'skill' | 'initiative'; label: string; bonus: number } | { kind: 'attack'; label: string; attack: Attack };

const ABILITY_WORDS: Record<string, Ability> = {
  str: 'str', strength: 'str', dex: 'dex', dexterity: 'dex', con: 'con', constitution: 'con',
  int: 'int', intelligence: 'int', wis: 'wis', wisdom: 'wis', cha: 'cha', charisma: 'cha',
};
const ABILITY_LABEL: Record<Ability, string> = { str: 'Strength', dex: 'Dexterity', con: 'Constitution', int: 'Intelligence', wis: 'Wisdom', cha: 'Charisma' };
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
/** "sleightOfHand" -> "Sleight of Hand" */
export const skillLabel = (key: string) => key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()).replace(/ Of /g, ' of ');

/** Every skill of the sheet (and the 5e skills it lacks, at the ability modifier), for autocomplete and matching. */
export function skillsOf(sheet: CharacterSheet): { key: string; label: string; bonus: number }[] {
  const keys = new Set([...Object.keys(Skills5e), ...Object.keys(sheet.skills)]);
  return [...keys].map((key) => {
    const stored = sheet.skills[key];
    const ability = (Skills5e as Record<string, Ability>)[key];
    const bonus = stored?.bonus ?? (ability ? abilityModifier(sheet.abilities[ability]) : 0);
    return { key, label: skillLabel(key), bonus };
  });
}

/** The save's final bonus: as the sheet shows it, else the ability modifier. */
export const saveBonus = (sheet: CharacterSheet, ability: Ability) => sheet.saves[ability]?.bonus ?? abilityModifier(sheet.abilities[ability]);

/**
 * Reads what a player asks to roll: a skill ("stealth", "sleight of hand"), an ability ("dex",
 * "dexterity check"), a save ("dex save", "wisdom saving throw"), "initiative", or an attack by name.
 */
export function resolveCheck(sheet: CharacterSheet, check: string): Result<ResolvedCheck> {
  const text = check.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^init(iative)?$/.test(text)) return ok({ kind: 'initiative', label: 'Initiative', bonus: sheet.initiativeBonus });
  const save = /^(\w+)( saving throw| save|save| st)$/.exec(text);
  if (save && ABILITY_WORDS[save[1]!]) {
    const ability = ABILITY_WORDS[save[1]!]!;
    return ok({ kind: 'save', label: `${ABILITY_LABEL[ability]} save`, bonus: saveBonus(sheet, ability) });
  }
  const abilityCheck = /^(\w+)( check)?$/.exec(text);
  if (abilityCheck && ABILITY_WORDS[abilityCheck[1]!]) {
    const ability = ABILITY_WORDS[abilityCheck[1]!]!;
    return ok({ kind: 'ability', label: `${ABILITY_LABEL[ability]} check`, bonus: abilityModifier(sheet.abilities[ability]) });
  }
  const wanted = squash(text.replace(/ check$/, ''));
  const skill = skillsOf(sheet).find((s) => squash(s.key) === wanted);
  if (skill) return ok({ kind: 'skill', label: skill.label, bonus: skill.bonus });

  const attacks = sheet.attacks;
  const exact = attacks.filter((a) => a.name.toLowerCase() === text);
  const partial = exact.length > 0 ? exact : attacks.filter((a) => a.name.toLowerCase().startsWith(text) || a.name.toLowerCase().includes(text));
  // "longsword" matches "Longsword (One-Handed)" and "(Two-Handed)": the first, as the sheet orders them.
  if (partial.length > 0) return ok({ kind: 'attack', label: partial[0]!.name, attack: partial[0]! });

  const skills = Object.keys(Skills5e).slice(0, 6).map(skillLabel).join(', ');
  const attackNames = attacks.map((a) => a.name).join(', ') || 'none on this sheet';
  return fail('VALIDATION', `"${check}" is not something ${sheet.name} can roll: expected a skill (${skills}, ...), an ability (${AbilityKeys.join(', ')}), a save ("dex save"), "initiative", or an attack (${attackNames})`, {
    field: 'check',
  });
}
