import {
  abilityModifier,
  casterLevel,
  pactMagicSlots,
  spellSlotsForCasterLevel,
  type AbilityScores,
  type CasterProgression,
} from '../../core/index.js';
import type { z } from 'zod';
import type { SpellcastingSchema } from '../../core/index.js';
import type { DdbCharacter, DdbClass, DdbModifier, DdbSpell } from './ddb-schemas.js';
import { abilityForStatId } from './ddb-abilities.js';
import { pick, sumBonuses } from './ddb-modifiers.js';

type Spellcasting = z.input<typeof SpellcastingSchema>;

/** When a class's definition lacks D&D Beyond's spell rules (older exports), the PHB's progressions. */
const FallbackDivisor: Record<string, number> = { Bard: 1, Cleric: 1, Druid: 1, Sorcerer: 1, Wizard: 1, Paladin: 2, Ranger: 2, Artificer: 2, 'Eldritch Knight': 3, 'Arcane Trickster': 3 };
/** Classes that prepare spells from their list each day; the others' known spells are always ready. */
const PREPARES = new Set(['Cleric', 'Druid', 'Paladin', 'Wizard', 'Artificer']);

/** The definition that gives a class its spellcasting: the class itself, or a subclass such as Eldritch Knight. */
function castingDefinition(cls: DdbClass) {
  if (cls.definition.canCastSpells) return cls.definition;
  if (cls.subclassDefinition?.canCastSpells) return cls.subclassDefinition;
  return null;
}

/** The casting ability (a D&D Beyond stat id) of the highest-level casting class, if any. */
export function primaryCastingStatId(character: DdbCharacter): number | null {
  const primary = character.classes.filter((c) => castingDefinition(c)).sort((a, b) => b.level - a.level)[0];
  return primary ? (castingDefinition(primary)?.spellCastingAbilityId ?? primary.definition.spellCastingAbilityId ?? null) : null;
}

function progression(cls: DdbClass): CasterProgression | null {
  const def = castingDefinition(cls);
  if (!def || cls.definition.name === 'Warlock') return null;
  const divisor = def.spellRules?.multiClassSpellSlotDivisor ?? FallbackDivisor[def.name] ?? FallbackDivisor[cls.definition.name] ?? null;
  const roundUp = def.spellRules?.multiClassSpellSlotRounding === 2 || cls.definition.name === 'Artificer';
  return divisor ? { divisor, roundUp, level: cls.level } : null;
}

/**
 * Spellcasting as the sheet shows it: the ability of the highest-level casting class (its save DC
 * 8 + proficiency + modifier and attack bonus proficiency + modifier, plus `bonus spell-save-dc` /
 * `bonus spell-attacks`), the shared slot table at the multiclass caster level, Pact Magic apart, the
 * slots already used, and every spell from class lists, race, feats, items and background.
 */
export function computeSpellcasting(character: DdbCharacter, mods: readonly DdbModifier[], scores: AbilityScores, proficiencyBonus: number): Spellcasting | null {
  const casters = character.classes.filter((c) => castingDefinition(c)).sort((a, b) => b.level - a.level);
  const spells = collectSpells(character);
  if (casters.length === 0 && spells.length === 0) return null;

  const statId = primaryCastingStatId(character);
  const ability = statId ? (abilityForStatId(statId) ?? null) : null;
  const statMod = (id: number) => {
    const a = abilityForStatId(id);
    return a ? abilityModifier(scores[a]) : 0;
  };
  const mod = ability ? abilityModifier(scores[ability]) : null;
  const saveDc = mod === null ? null : 8 + proficiencyBonus + mod + sumBonuses(pick(mods, 'bonus', 'spell-save-dc'), statMod);
  const attackBonus = mod === null ? null : proficiencyBonus + mod + sumBonuses(pick(mods, 'bonus', 'spell-attacks'), statMod);

  const used = (list: readonly { level: number; used?: number | null }[], level: number) => list.find((s) => s.level === level)?.used ?? 0;
  const level = casterLevel(character.classes.map(progression).filter((p): p is CasterProgression => p !== null));
  const slots = spellSlotsForCasterLevel(level).map((max, i) => ({ level: i + 1, max, used: Math.min(max, used(character.spellSlots, i + 1)) }));
  const warlock = character.classes.filter((c) => c.definition.name === 'Warlock').reduce((s, c) => s + c.level, 0);
  const pact = pactMagicSlots(warlock);
  const pactSlots = pact ? { level: pact.level, max: pact.count, used: Math.min(pact.count, used(character.pactMagic, pact.level)) } : null;
  return { ability, saveDc, attackBonus, slots, pactSlots, spells };
}

function collectSpells(character: DdbCharacter) {
  const out: { name: string; level: number; prepared: boolean; source: string | null }[] = [];
  const seen = new Set<string>();
  const add = (spell: DdbSpell, source: string, knownCaster: boolean) => {
    const def = spell.definition;
    if (!def) return;
    const key = `${def.name}|${source}`;
    if (seen.has(key)) return;
    seen.add(key);
    const prepared = def.level === 0 || spell.prepared === true || spell.alwaysPrepared === true || knownCaster;
    out.push({ name: def.name.slice(0, 120), level: def.level, prepared, source });
  };
  for (const entry of character.classSpells) {
    const cls = character.classes.find((c) => c.id !== null && c.id !== undefined && String(c.id) === String(entry.characterClassId)) ?? (character.classes.length === 1 ? character.classes[0] : undefined);
    const name = cls?.definition.name ?? 'Class';
    for (const spell of entry.spells) add(spell, name, !PREPARES.has(name));
  }
  for (const [group, list] of Object.entries(character.spells)) {
    const onlyClass = character.classes.length === 1 ? character.classes[0]?.definition.name : undefined;
    const source = group === 'class' && onlyClass ? onlyClass : group.charAt(0).toUpperCase() + group.slice(1);
    // Spells granted outside the class list (race, feats, items, subclass extras) are always ready.
    for (const spell of list) add(spell, source, true);
  }
  return out.slice(0, 1000);
}
