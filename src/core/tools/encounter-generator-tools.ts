import { z } from 'zod';
import { abilityModifier } from '../characters/character-sheet.js';
import { buildEncounter } from '../generators/encounters/encounter-builder.js';
import { Difficulties, XP_BY_CR } from '../generators/encounters/encounter-tables.js';
import { libraryMonsters } from '../generators/encounters/library-monsters.js';
import { Environments, SRD_MONSTERS } from '../generators/encounters/srd-monsters.js';
import { resolveSystem } from '../generators/lookup.js';
import { seededRandom } from '../ports/random.js';
import { defineTool } from '../registry/define-tool.js';
import { fail, ok } from '../result.js';
import { CombatantViewSchema } from '../sessions/session-schemas.js';
import { seedField } from './character-generator-tools.js';
import { campaignIdField, sessionIdField } from './fields.js';
import { addCombatants } from './initiative-tools.js';

const level = z.number().int().min(1, 'each party level must be 1 to 20').max(20, 'each party level must be 1 to 20');
const ThresholdsSchema = z.object({ easy: z.number(), medium: z.number(), hard: z.number(), deadly: z.number() });

export const generateEncounterTool = defineTool({
  name: 'generate_encounter',
  title: 'Generate a balanced encounter',
  description:
    'Build a fight for a 5e party with the encounter math (per-character XP thresholds, monster XP by challenge, the multiplier for the number of monsters ' +
    'and the party-size adjustment): monsters from the GM\'s books (stat blocks, cited) and a built-in SRD list. xpAdjusted lands between the asked ' +
    'difficulty\'s threshold and the next one. With addToInitiative the GM puts them into the active session\'s initiative with HP and AC.',
  input: z.object({
    partyLevels: z.array(level).min(1, 'partyLevels needs 1 to 8 character levels, e.g. [5,5,5,4]').max(8, 'partyLevels needs 1 to 8 character levels, e.g. [5,5,5,4]')
      .describe('Level of each character, e.g. [5,5,5,4]'),
    difficulty: z.enum(Difficulties).default('medium'),
    environment: z.enum(Environments).optional().describe(`Where the fight happens: ${Environments.join(', ')}; anywhere when left out`),
    system: z.string().trim().min(1).max(60).default('dnd5e').describe('Game system: dnd5e (also "D&D 5e", "5e")'),
    seed: seedField,
    useLibrary: z.boolean().default(true).describe('Also draw monsters from stat blocks in the rules library'),
    addToInitiative: z.boolean().default(false).describe("GM: add the monsters to the active session's initiative"),
    campaignId: campaignIdField.optional(),
    sessionId: sessionIdField.optional(),
  }),
  output: z.object({
    monsters: z.array(z.object({
      name: z.string(), challenge: z.string(), xp: z.number().int(), count: z.number().int(), hp: z.number().int(), ac: z.number().int(),
      initiativeBonus: z.number().int(), type: z.string(), source: z.string().describe('The built-in SRD list or the book and page of the stat block'),
    })),
    xpTotal: z.number().int(),
    multiplier: z.number(),
    xpAdjusted: z.number(),
    thresholds: ThresholdsSchema,
    asked: z.enum(Difficulties),
    difficulty: z.enum(['trivial', ...Difficulties]).describe('The difficulty reached'),
    aboveDeadly: z.object({ xp: z.number(), percent: z.number() }).nullable().describe('For deadly fights: how far above the deadly threshold'),
    environment: z.string().nullable(),
    notes: z.array(z.string()),
    added: z.array(CombatantViewSchema).nullable().describe('The combatants added to initiative'),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'player',
  campaign: 'optional',
  async run(input, ctx) {
    const { deps, campaignId, role } = ctx;
    const system = resolveSystem(input.system);
    if (!system.ok) return system;
    if (input.addToInitiative && !campaignId) return fail('VALIDATION', 'addToInitiative needs a campaign: give campaignId (and a session, or start one)', { field: 'campaignId' });
    if (input.addToInitiative && role !== 'gm') return fail('FORBIDDEN', 'Only the GM can add monsters to initiative: generate without addToInitiative', { field: 'addToInitiative' });
    const random = input.seed === undefined ? deps.random : seededRandom(input.seed);
    const fromBooks = input.useLibrary ? await libraryMonsters(deps.rules, system.value, input.environment, role === 'gm') : [];
    // A book's stat block replaces the built-in entry of the same name, so the citation points at the GM's book.
    const names = new Set(fromBooks.map((m) => m.name.toLowerCase()));
    const pool = [...fromBooks, ...SRD_MONSTERS.filter((m) => !names.has(m.name.toLowerCase()))];
    const built = buildEncounter(random, pool, { partyLevels: input.partyLevels, difficulty: input.difficulty, environment: input.environment });
    const monsters = built.groups.map(({ monster: m, count }) => ({
      name: m.name, challenge: m.challenge, xp: XP_BY_CR[m.challenge]!, count, hp: m.hp, ac: m.ac, initiativeBonus: abilityModifier(m.dex), type: m.type, source: m.source,
    }));
    const aboveDeadly = input.difficulty === 'deadly'
      ? { xp: built.xpAdjusted - built.thresholds.deadly, percent: Math.round(((built.xpAdjusted - built.thresholds.deadly) / built.thresholds.deadly) * 100) }
      : null;
    let added = null;
    if (input.addToInitiative) {
      const request = addCombatants.input.parse({
        ...(input.sessionId ? { sessionId: input.sessionId } : {}),
        combatants: monsters.map((m) => ({ name: m.name, kind: 'monster', count: m.count, initiativeBonus: m.initiativeBonus, hp: m.hp, ac: m.ac })),
      });
      const result = await addCombatants.run(request, ctx);
      if (!result.ok) return result;
      added = result.value.added;
    }
    return ok({
      monsters, xpTotal: built.xpTotal, multiplier: built.multiplier, xpAdjusted: built.xpAdjusted, thresholds: built.thresholds, asked: input.difficulty,
      difficulty: built.reached, aboveDeadly, environment: input.environment ?? null, notes: built.notes, added,
    });
  },
  format: (e) =>
    `${e.difficulty} encounter: ${e.monsters.map((m) => `${m.count} x ${m.name} (CR ${m.challenge}, ${m.xp} XP)`).join(', ')}. ` +
    `XP ${e.xpTotal} x ${e.multiplier} = ${e.xpAdjusted} adjusted (thresholds: easy ${e.thresholds.easy}, medium ${e.thresholds.medium}, hard ${e.thresholds.hard}, deadly ${e.thresholds.deadly})` +
    (e.aboveDeadly ? `, ${e.aboveDeadly.percent}% above deadly` : '') + (e.added ? `; ${e.added.length} added to initiative` : ''),
});
