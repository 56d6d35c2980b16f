import { z } from 'zod';
import type { Actor, Role } from '../access/actor.js';
import { AbilityScoresSchema, AbilitySchema, CharacterSheetSchema } from '../characters/character-sheet.js';
import { createDiceEngine } from '../dice/dice-engine.js';
import { DiceLimitsSchema } from '../dice/dice-schemas.js';
import { ScoreMethods } from '../generators/ability-scores.js';
import { writeOrTemplate } from '../generators/backstory.js';
import { generateCharacter, resolveCharacterSpec } from '../generators/character-generator.js';
import { BACKGROUND_NAMES } from '../generators/dnd5e/background.js';
import { CLASS_NAMES } from '../generators/dnd5e/classes.js';
import { RACE_NAMES } from '../generators/dnd5e/races.js';
import { seededRandom } from '../ports/random.js';
import { defineTool } from '../registry/define-tool.js';
import { fail, ok } from '../result.js';
import { campaignIdField } from './fields.js';

/** A seed makes a generator repeatable: the same seed and input give the same result. */
export const seedField = z.number().int().min(0).max(4_294_967_295).optional().describe('Same seed and input, same result; random when left out');

const GenerationSchema = z.object({
  method: z.enum(ScoreMethods),
  build: z.number().int().describe('Which of the class\'s builds was used (e.g. fighter: 0 strength, 1 dexterity)'),
  baseScores: AbilityScoresSchema.describe('Scores by the method, before ancestry bonuses and improvements'),
  pointBuyCost: z.number().int().nullable(),
  rolls: z.array(z.object({ faces: z.array(z.number()), kept: z.number() })).describe('4d6 drop lowest: each roll'),
  bonuses: z.array(z.object({ source: z.string(), ability: AbilitySchema, amount: z.number().int() })),
  hitPointRolls: z.array(z.number().int()).describe('Rolled hit dice from level 2 on (hpMethod rolled)'),
  fightingStyles: z.array(z.string()),
});

/** A player's generated character is theirs; a GM's (a pregen, an NPC party) belongs to nobody yet. */
function ownerOf(actor: Actor, role: Role): { discordUserId: string | null; memberId: string | null } {
  if (actor.kind !== 'member' || role !== 'player') return { discordUserId: null, memberId: null };
  const discord = /^discord:(\d{5,25})$/.exec(actor.id);
  return discord ? { discordUserId: discord[1]!, memberId: null } : { discordUserId: null, memberId: actor.id };
}

export const generateCharacterTool = defineTool({
  name: 'generate_character',
  title: 'Generate a character',
  description:
    'Generate a legal, ready-to-play character (D&D 5e, SRD 5.1): ability scores by standard array, point buy or 4d6 drop lowest, ancestry bonuses, ' +
    'improvements, hit points, proficiencies, AC from starting equipment, attacks, spell slots and spells, features by level and a backstory. ' +
    'The result is the universal character sheet; with save and a campaign it joins the campaign\'s characters.',
  input: z.object({
    system: z.string().trim().min(1).max(60).default('dnd5e').describe('Game system: dnd5e (also "D&D 5e", "5e", "5th edition")'),
    level: z.number().int().min(1, 'level must be 1 to 20').max(20, 'level must be 1 to 20').default(1),
    class: z.string().trim().min(1).max(40).optional().describe(`Class, any case: ${CLASS_NAMES.join(', ')}; random when left out`),
    ancestry: z.string().trim().min(1).max(40).optional().describe(`Race or subrace, any case: ${RACE_NAMES.join(', ')} (or dwarf, elf, halfling, gnome); random when left out`),
    background: z.string().trim().min(1).max(40).optional().describe(`Background: ${BACKGROUND_NAMES.join(', ')} (the SRD's one)`),
    method: z.enum(ScoreMethods).default('standard-array').describe('Ability scores: standard-array (15,14,13,12,10,8), point-buy (27 points) or 4d6-drop-lowest'),
    hpMethod: z.enum(['average', 'rolled']).default('average').describe('Hit points after 1st level: the fixed average or rolled'),
    seed: seedField,
    name: z.string().trim().min(1).max(120).optional(),
    hints: z.string().trim().min(1).max(1000).optional().describe('Backstory hints, e.g. "grew up on a ship; owes the thieves guild"'),
    campaignId: campaignIdField.optional(),
    save: z.boolean().default(false).describe("Add the character to the campaign's characters"),
  }),
  output: z.object({
    character: CharacterSheetSchema,
    generation: GenerationSchema,
    backstory: z.object({ text: z.string(), source: z.enum(['writer', 'template']) }),
    savedAs: z.string().nullable().describe('The campaign item id when saved'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'player',
  campaign: 'optional',
  async run(input, { deps, campaignId, role, actor, signal }) {
    if (input.save && !campaignId) return fail('VALIDATION', 'save needs a campaign: give campaignId', { field: 'campaignId' });
    const random = input.seed === undefined ? deps.random : seededRandom(input.seed);
    // A seeded roll needs its own engine so the dice follow the seed, not the hub's shared source.
    const dice = input.seed === undefined ? deps.dice : createDiceEngine(random, DiceLimitsSchema.parse({}), () => 'generated');
    const resolved = resolveCharacterSpec(input, random);
    if (!resolved.ok) return resolved;
    const made = generateCharacter(random, dice, input, resolved.value);
    const { cls, race, background } = resolved.value;
    const prompt = `Write a backstory of about 120 words for ${made.sheet.name}, a level ${input.level} ${race.name} ${cls.name} (${background.name} background) in a D&D 5e fantasy world.` +
      (input.hints ? ` Use these hints: ${input.hints}.` : '') + ' Plain prose, third person, no headings.';
    const backstory = await writeOrTemplate(deps.writeBackstory, prompt, signal, () => made.backstory, actor);
    const character = CharacterSheetSchema.parse({
      ...made.sheet,
      id: `gen-${deps.random.id()}`,
      notes: `${backstory.text}\n\n${made.sheet.notes}`,
      source: { provider: 'generator', id: input.seed === undefined ? null : `seed:${input.seed}`, url: null, importedAt: deps.clock.now().toISOString() },
      owner: ownerOf(actor, role),
    });
    if (!input.save) return ok({ character, generation: made.generation, backstory, savedAs: null });
    // Saved like an imported character, so roll_check, add_combatants and Foundry find it.
    const saved = await deps.characters.upsert(campaignId!, [character], actor, { owner: character.owner, reassign: false, isGm: role === 'gm' });
    if (!saved.ok) return saved;
    const stored = saved.value.results[0]!.sheet;
    return ok({ character: stored, generation: made.generation, backstory, savedAs: stored.id });
  },
  format: ({ character: c, savedAs }) =>
    `${c.name}, level ${c.level} ${c.race} ${c.classes.map((k) => k.name + (k.subclass ? ` (${k.subclass})` : '')).join('/')}: ` +
    `AC ${c.ac}, HP ${c.hp.max}, speed ${c.speed} ft., proficiency +${c.proficiencyBonus}. ` +
    `STR ${c.abilities.str} DEX ${c.abilities.dex} CON ${c.abilities.con} INT ${c.abilities.int} WIS ${c.abilities.wis} CHA ${c.abilities.cha}` +
    `${savedAs ? ` (saved as ${savedAs})` : ''}`,
});
