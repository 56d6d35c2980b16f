import { z } from 'zod';

/**
 * The parts of a D&D Beyond character that the importer reads, as the character service sends them.
 * Objects are loose (D&D Beyond adds fields often); everything we do not read passes through untouched.
 * Numbers that D&D Beyond sometimes sends as strings (ids) are accepted as either.
 */

const id = z.union([z.number(), z.string()]);
const num = z.number().nullish();
const text = z.string().nullish();
const list = <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((v) => v ?? []);

export const DdbModifierSchema = z.looseObject({
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
  dice: z.looseObject({ diceString: text }).nullish(),
});
export type DdbModifier = z.infer<typeof DdbModifierSchema>;

const StatSchema = z.looseObject({ id: z.number().int(), value: num });

const FeatureDefinitionSchema = z.looseObject({
  id: id.nullish(),
  name: z.string(),
  requiredLevel: num,
  description: text,
  snippet: text,
});

const SpellRulesSchema = z.looseObject({
  multiClassSpellSlotDivisor: num,
  multiClassSpellSlotRounding: num,
});

const ClassDefinitionSchema = z.looseObject({
  id: id.nullish(),
  name: z.string(),
  hitDice: num,
  canCastSpells: z.boolean().nullish(),
  spellCastingAbilityId: num,
  spellRules: SpellRulesSchema.nullish(),
  classFeatures: list(FeatureDefinitionSchema),
});

export const DdbClassSchema = z.looseObject({
  id: id.nullish(),
  level: z.number().int().min(1).max(20),
  isStartingClass: z.boolean().nullish(),
  definition: ClassDefinitionSchema,
  subclassDefinition: ClassDefinitionSchema.nullish(),
  classFeatures: list(z.looseObject({ definition: FeatureDefinitionSchema })),
});
export type DdbClass = z.infer<typeof DdbClassSchema>;

const PropertySchema = z.looseObject({ name: z.string(), notes: text });

export const DdbItemSchema = z.looseObject({
  id: id.nullish(),
  equipped: z.boolean().nullish(),
  isAttuned: z.boolean().nullish(),
  quantity: num,
  definition: z.looseObject({
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
    damage: z.looseObject({ diceString: text }).nullish(),
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

const DiceSchema = z.looseObject({ diceString: text, fixedValue: num });

export const DdbSpellSchema = z.looseObject({
  prepared: z.boolean().nullish(),
  alwaysPrepared: z.boolean().nullish(),
  countsAsKnownSpell: z.boolean().nullish(),
  displayAsAttack: z.boolean().nullish(),
  spellCastingAbilityId: num,
  overrideSaveDc: num,
  definition: z
    .looseObject({
      name: z.string(),
      level: z.number().int().min(0).max(9),
      attackType: num,
      requiresSavingThrow: z.boolean().nullish(),
      saveDcAbilityId: num,
      scaleType: text,
      range: z.looseObject({ origin: text, rangeValue: num }).nullish(),
      modifiers: list(
        z.looseObject({
          type: text,
          subType: text,
          die: DiceSchema.nullish(),
          usePrimaryStat: z.boolean().nullish(),
          atHigherLevels: z.looseObject({ higherLevelDefinitions: list(z.looseObject({ level: num, dice: DiceSchema.nullish() })) }).nullish(),
        }),
      ),
    })
    .nullish(),
});
export type DdbSpell = z.infer<typeof DdbSpellSchema>;

const CharacterValueSchema = z.looseObject({ typeId: z.number(), value: z.unknown(), valueId: id.nullish(), notes: text });

const modifierGroups = ['race', 'class', 'background', 'item', 'feat', 'condition'] as const;
export type ModifierGroup = (typeof modifierGroups)[number];

export const DdbCharacterSchema = z.looseObject({
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
    .looseObject({
      fullName: text,
      baseName: text,
      weightSpeeds: z.looseObject({ normal: z.looseObject({ walk: num }).nullish() }).nullish(),
      racialTraits: list(z.looseObject({ definition: FeatureDefinitionSchema })),
    })
    .nullish(),
  background: z
    .looseObject({
      definition: z.looseObject({ name: text }).nullish(),
      customBackground: z.looseObject({ name: text }).nullish(),
      hasCustomBackground: z.boolean().nullish(),
    })
    .nullish(),
  classes: z.array(DdbClassSchema).min(1, 'expected at least one class'),
  feats: list(z.looseObject({ definition: FeatureDefinitionSchema })),
  modifiers: z
    .looseObject(Object.fromEntries(modifierGroups.map((g) => [g, list(DdbModifierSchema)])) as Record<ModifierGroup, ReturnType<typeof list<typeof DdbModifierSchema>>>)
    .nullish()
    .transform((m) => m ?? Object.fromEntries(modifierGroups.map((g) => [g, []]))),
  inventory: list(DdbItemSchema),
  characterValues: list(CharacterValueSchema),
  spells: z
    .record(z.string(), list(DdbSpellSchema))
    .nullish()
    .transform((s) => s ?? {}),
  classSpells: list(z.looseObject({ characterClassId: id.nullish(), spells: list(DdbSpellSchema) })),
  spellSlots: list(z.looseObject({ level: z.number(), used: num })),
  pactMagic: list(z.looseObject({ level: z.number(), used: num })),
  customSenses: list(z.looseObject({ senseId: num, distance: num })),
  customSpeeds: list(z.looseObject({ movementId: num, distance: num })),
  customItems: list(z.looseObject({ name: z.string().min(1), quantity: num, weight: num, description: text, notes: text })),
  currencies: z.looseObject({ cp: num, sp: num, ep: num, gp: num, pp: num }).nullish(),
  notes: z.record(z.string(), z.string().nullish()).nullish(),
  traits: z.record(z.string(), z.string().nullish()).nullish(),
  preferences: z.looseObject({ hitPointType: num, showUnarmedStrike: z.boolean().nullish() }).nullish(),
});
export type DdbCharacter = z.infer<typeof DdbCharacterSchema>;
export const DdbModifierGroups = modifierGroups;
