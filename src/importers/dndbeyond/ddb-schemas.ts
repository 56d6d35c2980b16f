import { z } from 'zod';

/**
 * The parts of a D&D Beyond character that the importer reads, as the character service sends them.
 * Unknown fields are accepted and dropped (D&D Beyond adds fields often), which also keeps the
 * validated copy small.
 * Numbers that D&D Beyond sometimes sends as strings (ids) are accepted as either.
 */

const id = z.union([z.number(), z.string()]);
const num = z.number().nullish();
const text = z.string().nullish();
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((v) => v ?? []);

export const DdbModifierSchema = z.object({
  type: z.string(),
  subType: z.string().nullish(),
  value: num,
  fixedValue: num,
  statId: num,
  entityId: id.nullish(),
  isGranted: z.boolean().nullish(),
  restriction: text,
  componentId: id.nullish(),
  componentTypeId: id.nullish(),
  availableToMulticlass: z.boolean().nullish(),
  requiresAttunement: z.boolean().nullish(),
  friendlySubtypeName: text,
  dice: z.object({ diceString: text }).nullish(),
});
export type DdbModifier = z.infer<typeof DdbModifierSchema>;

const StatSchema = z.object({ id: z.number().int(), value: num });

const FeatureDefinitionSchema = z.object({
  id: id.nullish(),
  name: z.string(),
  requiredLevel: num,
  description: text,
  snippet: text,
});

const SpellRulesSchema = z.object({
  multiClassSpellSlotDivisor: num,
  multiClassSpellSlotRounding: num,
});

const ClassDefinitionSchema = z.object({
  id: id.nullish(),
  name: z.string(),
  hitDice: num,
  canCastSpells: z.boolean().nullish(),
  spellCastingAbilityId: num,
  spellRules: SpellRulesSchema.nullish(),
  classFeatures: list(FeatureDefinitionSchema),
});

export const DdbClassSchema = z.object({
  id: id.nullish(),
  level: z.number().int().min(1).max(20),
  isStartingClass: z.boolean().nullish(),
  definition: ClassDefinitionSchema,
  subclassDefinition: ClassDefinitionSchema.nullish(),
  classFeatures: list(z.object({ definition: FeatureDefinitionSchema })),
});
export type DdbClass = z.infer<typeof DdbClassSchema>;

const PropertySchema = z.object({ name: z.string(), notes: text });

export const DdbItemSchema = z.object({
  id: id.nullish(),
  equipped: z.boolean().nullish(),
  isAttuned: z.boolean().nullish(),
  quantity: num,
  definition: z.object({
    id: id.nullish(),
    name: z.string(),
    type: text,
    filterType: text,
    canEquip: z.boolean().nullish(),
    canAttune: z.boolean().nullish(),
    isConsumable: z.boolean().nullish(),
    magic: z.boolean().nullish(),
    weight: num,
    armorClass: num,
    armorTypeId: num,
    strengthRequirement: num,
    damage: z.object({ diceString: text }).nullish(),
    damageType: text,
    fixedDamage: num,
    attackType: num,
    categoryId: num,
    range: num,
    longRange: num,
    isMonkWeapon: z.boolean().nullish(),
    properties: list(PropertySchema),
    grantedModifiers: z.array(DdbModifierSchema).nullish(),
    snippet: text,
  }),
});
export type DdbItem = z.infer<typeof DdbItemSchema>;

const DiceSchema = z.object({ diceString: text, fixedValue: num });

export const DdbSpellSchema = z.object({
  prepared: z.boolean().nullish(),
  alwaysPrepared: z.boolean().nullish(),
  countsAsKnownSpell: z.boolean().nullish(),
  displayAsAttack: z.boolean().nullish(),
  spellCastingAbilityId: num,
  overrideSaveDc: num,
  definition: z
    .object({
      name: z.string(),
      level: z.number().int().min(0).max(9),
      attackType: num,
      requiresSavingThrow: z.boolean().nullish(),
      saveDcAbilityId: num,
      scaleType: text,
      range: z.object({ origin: text, rangeValue: num }).nullish(),
      modifiers: list(
        z.object({
          type: text,
          subType: text,
          die: DiceSchema.nullish(),
          usePrimaryStat: z.boolean().nullish(),
          atHigherLevels: z.object({ higherLevelDefinitions: list(z.object({ level: num, dice: DiceSchema.nullish() })) }).nullish(),
        }),
      ),
    })
    .nullish(),
});
export type DdbSpell = z.infer<typeof DdbSpellSchema>;

const CharacterValueSchema = z.object({ typeId: z.number(), value: z.unknown(), valueId: id.nullish(), notes: text });

const modifierGroups = ['race', 'class', 'background', 'item', 'feat', 'condition'] as const;
export type ModifierGroup = (typeof modifierGroups)[number];

/**
 * The character without its long lists (inventory, spells), which are validated item by item in
 * slices (see ddb-shape.ts) so that a several-MB export never blocks the event loop in one go.
 */
export const DdbCharacterShellSchema = z.object({
  id: id.nullish(),
  name: z.string().min(1, 'expected the character name'),
  readonlyUrl: text,
  stats: z.array(StatSchema).length(6, 'expected the six ability scores (ids 1-6)'),
  bonusStats: list(StatSchema),
  overrideStats: list(StatSchema),
  baseHitPoints: z.number().int(),
  bonusHitPoints: num,
  overrideHitPoints: num,
  removedHitPoints: num,
  temporaryHitPoints: num,
  race: z
    .object({
      fullName: text,
      baseName: text,
      weightSpeeds: z.object({ normal: z.object({ walk: num }).nullish() }).nullish(),
      racialTraits: list(z.object({ definition: FeatureDefinitionSchema })),
    })
    .nullish(),
  background: z
    .object({
      definition: z.object({ name: text, grantedFeats: list(z.object({ name: text })) }).nullish(),
      customBackground: z.object({ name: text }).nullish(),
      hasCustomBackground: z.boolean().nullish(),
    })
    .nullish(),
  classes: z.array(DdbClassSchema).min(1, 'expected at least one class'),
  feats: list(z.object({ definition: FeatureDefinitionSchema })),
  modifiers: z
    .object(Object.fromEntries(modifierGroups.map((g) => [g, list(DdbModifierSchema)])) as Record<ModifierGroup, ReturnType<typeof list<typeof DdbModifierSchema>>>)
    .nullish()
    .transform((m) => m ?? Object.fromEntries(modifierGroups.map((g) => [g, []]))),
  inventory: list(z.unknown()),
  characterValues: list(CharacterValueSchema),
  spells: z
    .record(z.string(), list(z.unknown()))
    .nullish()
    .transform((s) => s ?? {}),
  classSpells: list(z.object({ characterClassId: id.nullish(), spells: list(z.unknown()) })),
  spellSlots: list(z.object({ level: z.number(), used: num })),
  pactMagic: list(z.object({ level: z.number(), used: num })),
  customSenses: list(z.object({ senseId: num, distance: num })),
  customSpeeds: list(z.object({ movementId: num, distance: num })),
  customItems: list(z.object({ name: z.string().min(1), quantity: num, weight: num, description: text, notes: text })),
  currencies: z.object({ cp: num, sp: num, ep: num, gp: num, pp: num }).nullish(),
  notes: z.record(z.string(), z.string().nullish()).nullish(),
  traits: z.record(z.string(), z.string().nullish()).nullish(),
  preferences: z.object({ hitPointType: num, showUnarmedStrike: z.boolean().nullish() }).nullish(),
});
type Shell = z.infer<typeof DdbCharacterShellSchema>;
/** A validated character: the shell with its lists validated too. */
export type DdbCharacter = Omit<Shell, 'inventory' | 'spells' | 'classSpells'> & {
  inventory: DdbItem[];
  spells: Record<string, DdbSpell[]>;
  classSpells: (Omit<Shell['classSpells'][number], 'spells'> & { spells: DdbSpell[] })[];
};
export const DdbModifierGroups = modifierGroups;
