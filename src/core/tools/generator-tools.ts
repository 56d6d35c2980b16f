import { z } from 'zod';
import { writeOrTemplate } from '../generators/backstory.js';
import { CHALLENGES } from '../generators/challenge-stats.js';
import { GenreIds, GENRES } from '../generators/genres/index.js';
import { checkNpcRequest, generateNpc } from '../generators/npc-generator.js';
import { seededRandom } from '../ports/random.js';
import { defineTool } from '../registry/define-tool.js';
import { fail, ok } from '../result.js';
import { seedField } from './character-generator-tools.js';
import { campaignIdField } from './fields.js';

const AbilitiesSchema = z.object({ str: z.number(), dex: z.number(), con: z.number(), int: z.number(), wis: z.number(), cha: z.number() });
const NpcSchema = z.object({
  name: z.string(),
  knownAs: z.string().describe('The given name the NPC goes by'),
  genre: z.enum(GenreIds),
  culture: z.string().describe('Whose naming customs the name follows'),
  race: z.string().describe('Fantasy race, or what the person is in other genres (human, android, werewolf, ...)'),
  role: z.string(),
  level: z.number().int(),
  challenge: z.string().nullable(),
  xp: z.number().int().nullable(),
  appearance: z.string(),
  personality: z.object({
    traits: z.array(z.string()), ideal: z.string(), bond: z.string(), flaw: z.string(), voice: z.string(), mannerisms: z.array(z.string()),
  }),
  motivation: z.string(),
  secret: z.string().describe('For the GM'),
  hook: z.string(),
  backstory: z.string(),
  backstorySource: z.enum(['writer', 'template']),
  stats: z.object({
    abilities: AbilitiesSchema,
    ac: z.number().int(),
    hp: z.number().int(),
    speed: z.number().int(),
    proficiency: z.number().int(),
    initiativeBonus: z.number().int(),
    attack: z.object({ toHit: z.number().int(), damagePerRound: z.number().int(), saveDc: z.number().int() }),
    skills: z.record(z.string(), z.number()),
    gear: z.array(z.string()),
  }),
  sheet: z.object({
    attributes: z.record(z.string(), z.number().int()).describe("The genre's six attributes, rated 1-5"),
    skills: z.record(z.string(), z.number().int()).describe('Rated 1-5'),
    gear: z.array(z.string()),
    hooks: z.array(z.string()),
  }).describe('A system-neutral sheet in the genre\'s own terms'),
});

export const generateNpcTool = defineTool({
  name: 'generate_npc',
  title: 'Generate an NPC',
  description:
    `Generate a ready-to-play NPC in any genre (${GenreIds.join(', ')}): a name fitting genre and culture, appearance, personality (traits, ideal, bond, flaw, ` +
    'voice, mannerisms), motivation, a secret, a hook, a backstory (by the AI game master when configured, otherwise from templates), a d20 stat block ' +
    "scaled by level or challenge and the genre's generic sheet. With save and a campaign, the GM keeps it in the campaign's NPCs.",
  input: z.object({
    genre: z.enum(GenreIds).default('fantasy'),
    role: z.string().trim().min(1).max(60).optional().describe('Fantasy: merchant, guard, noble, innkeeper, priest, ...; each genre has its own; random when left out'),
    race: z.string().trim().min(1).max(60).optional().describe('Fantasy: human, elf, dwarf, ...; other genres: human, android, werewolf, ...'),
    culture: z.string().trim().min(1).max(60).optional().describe("Which of the genre's cultures the name comes from; random when left out"),
    level: z.number().int().min(1, 'level must be 1 to 20').max(20, 'level must be 1 to 20').default(1),
    challenge: z.enum(CHALLENGES as [string, ...string[]]).optional().describe('Scale the stats to a 5e challenge rating (0, 1/8, 1/4, 1/2, 1-30) instead of a level'),
    traits: z.array(z.string().trim().min(1).max(120)).max(5).optional().describe('Personality traits to use instead of random ones'),
    seed: seedField,
    campaignId: campaignIdField.optional(),
    save: z.boolean().default(false).describe('Add the NPC to the campaign (GM only)'),
  }),
  output: z.object({ npc: NpcSchema, savedAs: z.string().nullable().describe('The campaign item id when saved') }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'player',
  campaign: 'optional',
  async run(input, { deps, campaignId, role, actor, signal }) {
    if (input.save && !campaignId) return fail('VALIDATION', 'save needs a campaign: give campaignId', { field: 'campaignId' });
    if (input.save && role !== 'gm') return fail('FORBIDDEN', 'Only the GM can add NPCs to the campaign: generate without save', { field: 'save' });
    const request = checkNpcRequest(input);
    if (!request.ok) return request;
    const made = generateNpc(input.seed === undefined ? deps.random : seededRandom(input.seed), request.value);
    const genre = GENRES[made.genre];
    const prompt = `Write a backstory of about 100 words for ${made.name}, a ${made.race} ${made.role} in a ${genre.label.toLowerCase()} setting. ` +
      `Appearance: ${made.appearance}. Motivation: ${made.motivation}. They hide this secret: ${made.secret}. Plain prose, third person, in the genre's voice, no headings.`;
    const backstory = await writeOrTemplate(deps.writeBackstory, prompt, signal, () => made.backstory, actor);
    const npc = { ...made, backstory: backstory.text, backstorySource: backstory.source };
    if (!input.save) return ok({ npc, savedAs: null });
    const saved = await deps.campaigns.changeData(campaignId!, { operation: 'add', dataType: 'npcs', item: { ...npc, description: `${npc.race} ${npc.role}, ${npc.appearance}` } }, undefined, actor);
    return saved.ok ? ok({ npc, savedAs: saved.value.item?.id ?? null }) : saved;
  },
  format: ({ npc, savedAs }) =>
    `${npc.name}, ${npc.race} ${npc.role} (${npc.challenge ? `CR ${npc.challenge}` : `level ${npc.level}`}, ${npc.genre}): ${npc.appearance}; ${npc.personality.traits.join('; ')}. ` +
    `Voice: ${npc.personality.voice}. Ideal ${npc.personality.ideal}, bond: ${npc.personality.bond}, flaw: ${npc.personality.flaw}. ` +
    `Wants ${npc.motivation}. Secret: ${npc.secret}. Hook: ${npc.hook}. AC ${npc.stats.ac}, HP ${npc.stats.hp}${savedAs ? ` (saved as ${savedAs})` : ''}`,
});
