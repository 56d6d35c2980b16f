import { abilityModifier, type AbilityScores, type Attack } from '../../core/index.js';
import type { DdbCharacter, DdbModifier, DdbSpell } from './ddb-schemas.js';
import { AbilityWords, abilityForStatId } from './ddb-abilities.js';
import { pick, sumBonuses } from './ddb-modifiers.js';

const signed = (n: number) => (n === 0 ? '' : n > 0 ? `+${n}` : `${n}`);
const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Spells the sheet lists among its attacks: those that deal damage with a spell attack or a saving
 * throw, unless D&D Beyond marks them not to (`displayAsAttack: false`). To-hit = proficiency + the
 * casting ability (the spell's own, e.g. a racial spell's, else the class's) + `bonus spell-attacks`;
 * a save spell shows its DC instead. Cantrips scale with character level (2 dice at 5th, ...), other
 * spells show their lowest-level damage.
 */
export function computeSpellAttacks(character: DdbCharacter, mods: readonly DdbModifier[], scores: AbilityScores, proficiencyBonus: number, primaryAbilityStatId: number | null): Attack[] {
  const level = character.classes.reduce((s, c) => s + c.level, 0);
  const statMod = (statId: number) => {
    const a = abilityForStatId(statId);
    return a ? abilityModifier(scores[a]) : 0;
  };
  const attackBonus = sumBonuses(pick(mods, 'bonus', 'spell-attacks'), statMod);
  const dcBonus = sumBonuses(pick(mods, 'bonus', 'spell-save-dc'), statMod);
  // A class's spell list casts with that class's ability (a multiclass cleric/wizard has two).
  const classStat = (classId: unknown) => {
    const cls = character.classes.find((c) => c.id !== null && c.id !== undefined && String(c.id) === String(classId));
    return cls ? (cls.definition.spellCastingAbilityId ?? cls.subclassDefinition?.spellCastingAbilityId ?? null) : null;
  };
  const spells: [DdbSpell, number | null][] = [
    ...character.classSpells.flatMap((c) => c.spells.map((s): [DdbSpell, number | null] => [s, s.spellCastingAbilityId ?? classStat(c.characterClassId) ?? primaryAbilityStatId])),
    ...Object.values(character.spells).flat().map((s): [DdbSpell, number | null] => [s, s.spellCastingAbilityId ?? primaryAbilityStatId]),
  ];
  const attacks: Attack[] = [];
  const seen = new Set<string>();
  for (const [spell, statId] of spells) {
    const def = spell.definition;
    if (!def || spell.displayAsAttack === false || seen.has(def.name)) continue;
    const damage = def.modifiers.find((m) => m.type === 'damage' && m.die?.diceString);
    if (!damage?.die?.diceString || (!def.attackType && !def.requiresSavingThrow)) continue;
    seen.add(def.name);
    const mod = statId ? statMod(statId) : 0;
    let dice = damage.die.diceString;
    if (def.level === 0 && def.scaleType === 'characterlevel') {
      const steps = (damage.atHigherLevels?.higherLevelDefinitions ?? []).filter((h) => (h.level ?? 99) <= level && h.dice?.diceString).sort((a, b) => (a.level ?? 0) - (b.level ?? 0));
      dice = steps.at(-1)?.dice?.diceString ?? dice;
    }
    const damageMod = damage.usePrimaryStat ? mod : 0;
    const saveAbility = def.saveDcAbilityId ? abilityForStatId(def.saveDcAbilityId) : undefined;
    const dc = spell.overrideSaveDc ?? (statId ? 8 + proficiencyBonus + mod + dcBonus : null);
    const range = def.range?.origin === 'Ranged' && def.range.rangeValue ? `${def.range.rangeValue} ft.` : (def.range?.origin ?? null);
    attacks.push({
      name: def.name.slice(0, 120),
      toHit: def.attackType ? proficiencyBonus + mod + attackBonus : null,
      damage: `${dice}${signed(damageMod)}`,
      damageType: damage.subType ? title(damage.subType) : null,
      range,
      notes: def.attackType ? `Spell attack${def.level ? `, level ${def.level}` : ', cantrip'}` : `DC ${dc ?? '?'} ${saveAbility ? `${title(AbilityWords[saveAbility])} ` : ''}save`,
    });
  }
  return attacks;
}
