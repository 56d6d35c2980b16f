import type { DdbCharacter, DdbClass, DdbItem, DdbModifier } from './ddb-schemas.js';

/**
 * Which of a D&D Beyond character's modifiers are in effect, as its sheet decides:
 * - class modifiers only from features the class has reached, and from a class taken later in a
 *   multiclass only when the modifier is `availableToMulticlass` (modifiers of chosen options, which
 *   match no class feature, always count);
 * - item modifiers only from items that are active: equipped (and attuned when the item needs it),
 *   attuned items that cannot be equipped, or items that simply grant something;
 * - race, background, feat and condition modifiers as they are. Modifiers with `isGranted: false` are
 *   choices the player made (a race's floating +1, an ASI): they count like granted ones.
 * A 2024 background that grants the ability-score increases replaces the species' increases.
 */
export interface ActiveModifiers {
  all: DdbModifier[];
  /** Modifiers granted by each active item, for item-specific rules (a weapon's magic bonus). */
  byItem: Map<DdbItem, DdbModifier[]>;
}

const sameId = (a: unknown, b: unknown) => a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b);

/** Class features (and subclass features) a class has reached at its level. */
export function reachedFeatures(cls: DdbClass): { id: unknown; name: string; requiredLevel: number; description: string }[] {
  const defs = [...cls.classFeatures.map((f) => f.definition), ...(cls.subclassDefinition?.classFeatures ?? [])];
  const seen = new Set<string>();
  return defs
    .filter((f) => (f.requiredLevel ?? 1) <= cls.level)
    // Some exports repeat the class's features inside the subclass definition.
    .filter((f) => {
      const key = `${String(f.id)}|${f.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((f) => ({ id: f.id, name: f.name, requiredLevel: f.requiredLevel ?? 1, description: f.snippet || f.description || '' }));
}

/** Every class feature id (reached or not), so modifiers of unreached features can be told apart from options. */
function allFeatureIds(cls: DdbClass): unknown[] {
  return [
    ...cls.classFeatures.map((f) => f.definition.id),
    ...cls.definition.classFeatures.map((f) => f.id),
    ...(cls.subclassDefinition?.classFeatures ?? []).map((f) => f.id),
  ];
}

function activeClassModifiers(character: DdbCharacter): DdbModifier[] {
  const mods = character.modifiers.class ?? [];
  return mods.filter((mod) => {
    for (const cls of character.classes) {
      const reached = reachedFeatures(cls).some((f) => sameId(f.id, mod.componentId));
      if (reached) return mod.availableToMulticlass !== false || cls.isStartingClass === true || character.classes.length === 1;
    }
    // A feature of some class that the class has not reached yet: not in effect.
    if (character.classes.some((cls) => allFeatureIds(cls).some((id) => sameId(id, mod.componentId)))) return false;
    // Chosen options (fighting styles, invocations, ...) are not class features: they count.
    return true;
  });
}

/** True when an item's modifiers apply (the rule D&D Beyond's sheet and ddb-importer follow). */
export function isItemActive(item: DdbItem): boolean {
  const def = item.definition;
  const equipped = item.equipped === true;
  const attuned = item.isAttuned === true;
  if (def.canAttune) return attuned && (equipped || def.canEquip === false);
  if (def.canEquip === false) return def.isConsumable !== true;
  return equipped;
}

function itemModifiers(character: DdbCharacter): Map<DdbItem, DdbModifier[]> {
  const byItem = new Map<DdbItem, DdbModifier[]>();
  const loose = character.modifiers.item ?? [];
  for (const item of character.inventory) {
    if (!isItemActive(item)) continue;
    // Prefer the item's own list (two copies of an item each count); older exports only have the shared list.
    const granted = item.definition.grantedModifiers ?? loose.filter((m) => sameId(m.componentId, item.definition.id));
    if (granted.length) byItem.set(item, granted);
  }
  return byItem;
}

function backgroundGrantsAbilityScores(character: DdbCharacter): boolean {
  return (character.background?.definition?.grantedFeats ?? []).some((f) => f.name === 'Ability Scores');
}

export function activeModifiers(character: DdbCharacter): ActiveModifiers {
  const byItem = itemModifiers(character);
  const race = character.modifiers.race ?? [];
  const raceMods = backgroundGrantsAbilityScores(character) ? race.filter((m) => !/-score$/.test(m.subType ?? '')) : race;
  const all = [
    ...activeClassModifiers(character),
    ...raceMods,
    ...(character.modifiers.background ?? []),
    ...(character.modifiers.feat ?? []),
    ...(character.modifiers.condition ?? []),
    ...[...byItem.values()].flat(),
  ];
  return { all, byItem };
}

/** Unconditional modifiers of a type and subtype: a restriction ("against poison", "Sight only") makes one situational. */
export function pick(mods: readonly DdbModifier[], type: string | readonly string[], subType?: string | readonly string[], allowRestrictions: readonly string[] = []): DdbModifier[] {
  const types = typeof type === 'string' ? [type] : type;
  const subTypes = subType === undefined ? undefined : typeof subType === 'string' ? [subType] : subType;
  return mods.filter(
    (m) =>
      types.includes(m.type) &&
      (subTypes === undefined || subTypes.includes(m.subType ?? '')) &&
      (!m.restriction || allowRestrictions.includes(m.restriction.trim().toLowerCase().replace(/[\u2018\u2019]/g, "'"))),
  );
}

/** The number a modifier carries. */
export const amount = (m: DdbModifier): number => m.value ?? m.fixedValue ?? 0;

/** Sums bonuses; a bonus tied to an ability (Aura of Protection: CHA) adds that ability's modifier. */
export function sumBonuses(mods: readonly DdbModifier[], abilityMod: (statId: number) => number): number {
  return mods.reduce((sum, m) => sum + (m.statId ? abilityMod(m.statId) : amount(m)), 0);
}
