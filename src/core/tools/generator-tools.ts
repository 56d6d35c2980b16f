import { z } from 'zod';
import { generateNpc, NPC_RACES, NPC_ROLES } from '../generators/npc-generator.js';
import { defineTool } from '../registry/define-tool.js';
import { fail, ok } from '../result.js';
import { campaignIdField } from './fields.js';

const AbilitiesSchema = z.object({ str: z.number(), dex: z.number(), con: z.number(), int: z.number(), wis: z.number(), cha: z.number() });
const NpcSchema = z.object({
  name: z.string(),
  race: z.string(),
  role: z.string(),
  level: z.number().int(),
  appearance: z.string(),
  personality: z.object({ traits: z.array(z.string()), ideal: z.string(), bond: z.string(), flaw: z.string() }),
  hook: z.string(),
  stats: z.object({
    abilities: AbilitiesSchema,
    ac: z.number().int(),
    hp: z.number().int(),
    speed: z.number().int(),
    proficiency: z.number().int(),
    skills: z.record(z.string(), z.number()),
    gear: z.array(z.string()),
  }),
});

export const generateNpcTool = defineTool({
  name: 'generate_npc',
  title: 'Generate an NPC',
  description:
    'Generate a ready-to-play NPC: name, appearance, personality (trait, ideal, bond, flaw), a plot hook and a 5e-style stat block scaled by level. ' +
    'With save and a campaign, the GM keeps it in the campaign\'s NPCs.',
  input: z.object({
    role: z.enum(NPC_ROLES as [string, ...string[]]).optional().describe('merchant, guard, noble, innkeeper, priest, ...; random when left out'),
    race: z.enum(NPC_RACES as [string, ...string[]]).optional(),
    level: z.number().int().min(1).max(20).default(1),
    traits: z.array(z.string().trim().min(1).max(120)).max(5).optional().describe('Personality traits to use instead of a random one'),
    campaignId: campaignIdField.optional(),
    save: z.boolean().default(false).describe('Add the NPC to the campaign (GM only)'),
  }),
  output: z.object({ npc: NpcSchema, savedAs: z.string().nullable().describe('The campaign item id when saved') }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'player',
  campaign: 'optional',
  async run(input, { deps, campaignId, role, actor }) {
    const npc = generateNpc(deps.random, input);
    if (!input.save) return ok({ npc, savedAs: null });
    if (!campaignId) return fail('VALIDATION', 'save needs a campaign: give campaignId', { field: 'campaignId' });
    if (role !== 'gm') return fail('FORBIDDEN', 'Only the GM can add NPCs to the campaign: generate without save', { field: 'save' });
    const saved = await deps.campaigns.changeData(campaignId, { operation: 'add', dataType: 'npcs', item: { ...npc, description: `${npc.race} ${npc.role}, ${npc.appearance}` } }, undefined, actor);
    return saved.ok ? ok({ npc, savedAs: saved.value.item?.id ?? null }) : saved;
  },
  format: ({ npc, savedAs }) =>
    `${npc.name}, ${npc.race} ${npc.role} (level ${npc.level}): ${npc.appearance}; ${npc.personality.traits.join('; ')}. ` +
    `Ideal ${npc.personality.ideal}, bond: ${npc.personality.bond}, flaw: ${npc.personality.flaw}. Hook: ${npc.hook}. ` +
    `AC ${npc.stats.ac}, HP ${npc.stats.hp}${savedAs ? ` (saved as ${savedAs})` : ''}`,
});
