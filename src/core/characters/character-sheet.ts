import { z } from 'zod';

/**
 * The universal character sheet: one shape for every character the hub knows, whether imported from
 * D&D Beyond or Roll20, generated, or typed in. Values are final (what the source's sheet shows), so
 * every surface can roll with them without knowing the rules that produced them.
 */

export const AbilityKeys = ['str', 'dex', 'con', 'int', 'wis', 'cha'] as const;
export const AbilitySchema = z.enum(AbilityKeys);
export type Ability = z.infer<typeof AbilitySchema>;

const score = z.number().int().min(1).max(30);
const bonus = z.number().int().min(-20).max(50);

export const AbilityScoresSchema = z.strictObject({ str: score, dex: score, con: score, int: score, wis: score, cha: score });
export type AbilityScores = z.infer<typeof AbilityScoresSchema>;

export const ProficiencySchema = z.enum(['none', 'half', 'proficient', 'expertise']);
export type Proficiency = z.infer<typeof ProficiencySchema>;

/** A saving throw or skill as the sheet shows it: the final bonus plus how it was earned. */
export const CheckBonusSchema = z.strictObject({
  ability: AbilitySchema,
  proficiency: ProficiencySchema.default('none'),
  bonus: bonus.describe('The final modifier the sheet shows, e.g. +7'),
});
export type CheckBonus = z.infer<typeof CheckBonusSchema>;

/** The 18 skills of 5e with their default ability; other systems may add their own names. */
export const Skills5e = {
  acrobatics: 'dex',
  animalHandling: 'wis',
  arcana: 'int',
  athletics: 'str',
  deception: 'cha',
  history: 'int',
  insight: 'wis',
  intimidation: 'cha',
  investigation: 'int',
  medicine: 'wis',
  nature: 'int',
  perception: 'wis',
  performance: 'cha',
  persuasion: 'cha',
  religion: 'int',
  sleightOfHand: 'dex',
  stealth: 'dex',
  survival: 'wis',
} as const satisfies Record<string, Ability>;

export const CharacterClassSchema = z.strictObject({
  name: z.string().min(1).max(60),
  subclass: z.string().max(80).nullable().default(null),
  level: z.number().int().min(1).max(20),
});

export const AttackSchema = z.strictObject({
  name: z.string().min(1).max(120),
  toHit: bonus.nullable().describe('Attack bonus; null for attacks that force a save instead'),
  damage: z.string().max(120).describe('Dice notation, e.g. 1d8+3; empty when the attack deals none'),
  damageType: z.string().max(40).nullable().default(null),
  range: z.string().max(60).nullable().default(null),
  notes: z.string().max(500).nullable().default(null),
});
export type Attack = z.infer<typeof AttackSchema>;

export const InventoryItemSchema = z.strictObject({
  name: z.string().min(1).max(160),
  quantity: z.number().int().min(0).max(1_000_000).default(1),
  equipped: z.boolean().default(false),
  attuned: z.boolean().default(false),
  weight: z.number().min(0).max(100_000).nullable().default(null),
  notes: z.string().max(2000).nullable().default(null),
});

export const FeatureSchema = z.strictObject({
  name: z.string().min(1).max(160),
  source: z.string().max(120).nullable().default(null).describe('Class, race, background, feat or item that grants it'),
  description: z.string().max(10_000).default(''),
});

export const SpellSchema = z.strictObject({
  name: z.string().min(1).max(120),
  level: z.number().int().min(0).max(9),
  prepared: z.boolean().default(true),
  source: z.string().max(120).nullable().default(null),
});

export const SpellSlotSchema = z.strictObject({
  level: z.number().int().min(1).max(9),
  max: z.number().int().min(0).max(20),
  used: z.number().int().min(0).max(20).default(0),
});

export const SpellcastingSchema = z.strictObject({
  ability: AbilitySchema.nullable(),
  saveDc: z.number().int().min(0).max(40).nullable(),
  attackBonus: bonus.nullable(),
  slots: z.array(SpellSlotSchema).max(9).default([]),
  pactSlots: SpellSlotSchema.nullable().default(null).describe("A warlock's Pact Magic slots, apart from the shared table"),
  spells: z.array(SpellSchema).max(1000).default([]),
});

export const CharacterSourceSchema = z.strictObject({
  provider: z.enum(['dndbeyond', 'roll20', 'generator', 'manual', 'bundle']),
  id: z.string().max(200).nullable().default(null).describe('The id at the provider, e.g. the D&D Beyond character id'),
  url: z.string().max(500).nullable().default(null),
  importedAt: z.string().describe('ISO time of the import or creation'),
});
export type CharacterSource = z.infer<typeof CharacterSourceSchema>;

/** Who plays the character: a Discord user or a hub member (a token holder). */
export const CharacterOwnerSchema = z.strictObject({
  discordUserId: z.string().regex(/^\d{5,25}$/).nullable().default(null),
  memberId: z.string().max(100).nullable().default(null),
});

export const CharacterSheetSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(120),
  system: z.string().min(1).max(60).describe('Game system, e.g. dnd5e'),
  race: z.string().max(80).nullable().default(null),
  background: z.string().max(80).nullable().default(null),
  classes: z.array(CharacterClassSchema).max(13).default([]),
  level: z.number().int().min(0).max(30),
  abilities: AbilityScoresSchema,
  hp: z.strictObject({ max: z.number().int().min(0).max(10_000), current: z.number().int().min(-10_000).max(10_000), temp: z.number().int().min(0).max(10_000).default(0) }),
  ac: z.number().int().min(0).max(60),
  speed: z.number().int().min(0).max(500).describe('Walking speed in feet'),
  proficiencyBonus: z.number().int().min(0).max(10),
  initiativeBonus: bonus,
  saves: z.partialRecord(AbilitySchema, CheckBonusSchema).default({}),
  skills: z.record(z.string().min(1).max(60), CheckBonusSchema).default({}).describe('Keyed by camelCase skill name, e.g. stealth, sleightOfHand'),
  senses: z
    .strictObject({
      passivePerception: z.number().int().min(0).max(60),
      passiveInvestigation: z.number().int().min(0).max(60).nullable().default(null),
      passiveInsight: z.number().int().min(0).max(60).nullable().default(null),
      special: z.array(z.string().max(80)).max(20).default([]).describe('e.g. "darkvision 60 ft."'),
    }),
  attacks: z.array(AttackSchema).max(200).default([]),
  inventory: z.array(InventoryItemSchema).max(2000).default([]),
  features: z.array(FeatureSchema).max(1000).default([]),
  spellcasting: SpellcastingSchema.nullable().default(null),
  notes: z.string().max(50_000).default(''),
  source: CharacterSourceSchema,
  owner: CharacterOwnerSchema.prefault({}),
});
export type CharacterSheet = z.infer<typeof CharacterSheetSchema>;
/** What builders produce before the hub gives the sheet its id and owner. */
export type CharacterSheetInput = z.input<typeof CharacterSheetSchema>;

/** The modifier of an ability score, as every d20 system derived from 3e computes it. */
export const abilityModifier = (scoreValue: number) => Math.floor((scoreValue - 10) / 2);
