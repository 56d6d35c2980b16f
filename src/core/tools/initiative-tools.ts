import { z } from 'zod';
import { viewEncounter } from '../events/audience-view.js';
import { defineTool, type ToolContext } from '../registry/define-tool.js';
import { fail, ok, type Result } from '../result.js';
import { formatEncounter } from '../sessions/encounter-format.js';
import { compareTurnOrder, insertInOrder, moveCombatant, removeCombatant, rollInitiative } from '../sessions/initiative-tracker.js';
import { CombatantKindSchema, CombatantViewSchema, EncounterViewSchema, MonsterHpDisplaySchema, type Combatant, type Encounter, type Hp } from '../sessions/session-schemas.js';
import { findSheet, ownerActorId, owns } from '../characters/character-service.js';
import type { EncounterChange } from '../sessions/session-service.js';
import { campaignIdField, combatantIdField, resolveSessionId, sessionIdField } from './fields.js';

const MAX_COMBATANTS = 200;
const where = { sessionId: sessionIdField.optional(), campaignId: campaignIdField.optional() };
const encounterOutput = z.object({ encounter: EncounterViewSchema });

/** Runs an encounter change in the session named by the input (or the campaign's active session). */
export async function inEncounter<T>(
  input: { sessionId?: string | undefined },
  ctx: ToolContext,
  fn: (enc: Encounter) => Result<EncounterChange<T>>,
): Promise<Result<{ encounter: ReturnType<typeof viewEncounter>; value: T }>> {
  const sessionId = await resolveSessionId(ctx.deps, input.sessionId, ctx.campaignId!);
  if (!sessionId.ok) return sessionId;
  const changed = await ctx.deps.sessions.changeEncounter(sessionId.value, ctx.actor, fn);
  if (!changed.ok) return changed;
  return ok({ encounter: viewEncounter(changed.value.session.encounter, ctx.role === 'gm' ? 'gm' : 'table'), value: changed.value.value });
}

/** A change that publishes only the initiative.updated event every change gets. */
export const quiet = <T>(encounter: Encounter, value: T): Result<EncounterChange<T>> => ok({ encounter, value, events: () => [] });

const NewCombatantSchema = z.object({
  name: z.string().trim().min(1).max(80).optional().describe('Required unless characterId is given'),
  characterId: z.string().trim().min(1).max(120).optional().describe("A campaign character (id or name): name, AC, HP and initiative bonus come from its sheet"),
  kind: CombatantKindSchema.default('monster'),
  count: z.number().int().min(1).max(50).default(1).describe('Add several at once, named "Goblin 1", "Goblin 2", ...'),
  initiative: z.number().int().min(-20).max(100).optional().describe('A fixed value (e.g. what the player rolled); rolled as d20 + bonus when left out'),
  initiativeBonus: z.number().int().min(-20).max(50).default(0).describe('Added to the d20; also breaks ties'),
  sharedInitiative: z.boolean().default(false).describe('With count > 1: one roll for the whole group'),
  hp: z.number().int().min(1).max(100_000).optional(),
  ac: z.number().int().min(0).max(100).optional(),
  hidden: z.boolean().default(false).describe('Only the GM sees it until revealed with update_combatant'),
}).superRefine((v, ctx) => {
  if (!v.name && !v.characterId) ctx.addIssue({ code: 'custom', path: ['name'], message: 'give a name, or a characterId to take it from the sheet' });
});

export const addCombatants = defineTool({
  name: 'add_combatants',
  title: 'Add to initiative',
  description:
    'Add player characters, NPCs or monsters to the initiative order of the active session. Initiative is rolled (d20 + bonus) unless given; ' +
    'ties go to the higher bonus, then to a random tie-break. Players may add their own characters (kind "pc") only. ' +
    'With characterId, name, AC, HP and initiative bonus come from the character\'s sheet.',
  input: z.object({ ...where, combatants: z.array(NewCombatantSchema).min(1).max(50) }),
  output: z.object({ added: z.array(CombatantViewSchema), encounter: EncounterViewSchema }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'player',
  campaign: 'required',
  async run(input, ctx) {
    const specs = await fromSheets(input.combatants, ctx);
    if (!specs.ok) return specs;
    if (ctx.role !== 'gm' && specs.value.some(({ spec }) => spec.kind !== 'pc' || spec.hidden)) {
      return fail('FORBIDDEN', 'Players may add only their own characters (kind "pc", not hidden): ask the GM to add monsters and NPCs', { field: 'combatants' });
    }
    const { random } = ctx.deps;
    const result = await inEncounter(input, ctx, (enc) => {
      const total = enc.combatants.length + input.combatants.reduce((s, c) => s + c.count, 0);
      if (total > MAX_COMBATANTS) return fail('LIMIT', `That makes ${total} combatants: the limit is ${MAX_COMBATANTS}`, { field: 'combatants' });
      let combatants = enc.combatants;
      const added: Combatant[] = [];
      for (const { spec, hp: sheetHp, ownerId } of specs.value) {
        const groupId = spec.count > 1 ? random.id() : null;
        const shared = spec.sharedInitiative ? rollInitiative(random, spec.initiativeBonus).total : undefined;
        for (let i = 1; i <= spec.count; i++) {
          const c: Combatant = {
            id: random.id(),
            name: spec.count > 1 ? `${spec.name} ${i}` : spec.name!,
            kind: spec.kind,
            initiative: spec.initiative ?? shared ?? rollInitiative(random, spec.initiativeBonus).total,
            initiativeBonus: spec.initiativeBonus,
            tiebreak: random.integer(1, 1_000_000),
            hp: sheetHp ?? (spec.hp ? { current: spec.hp, max: spec.hp, temp: 0 } : null),
            ac: spec.ac ?? null,
            hidden: spec.hidden,
            conditions: [],
            groupId,
            ownerId: ownerId ?? (spec.kind === 'pc' ? ctx.actor.id : null),
          };
          combatants = insertInOrder(combatants, c);
          added.push(c);
        }
      }
      return quiet({ ...enc, combatants }, added);
    });
    if (!result.ok) return result;
    const ids = new Set(result.value.value.map((c) => c.id));
    return ok({ added: result.value.encounter.combatants.filter((c) => ids.has(c.id)), encounter: result.value.encounter });
  },
  format: ({ encounter }) => formatEncounter(encounter),
});

type NewCombatant = z.output<typeof NewCombatantSchema>;

/** Fills combatants given by characterId from their sheets: name, kind pc, AC, HP and initiative bonus. */
async function fromSheets(list: NewCombatant[], ctx: ToolContext): Promise<Result<{ spec: NewCombatant; hp: Hp | null; ownerId: string | null }[]>> {
  if (!list.some((c) => c.characterId)) return ok(list.map((spec) => ({ spec, hp: null, ownerId: null })));
  const sheets = await ctx.deps.characters.list(ctx.campaignId!);
  if (!sheets.ok) return sheets;
  const out: { spec: NewCombatant; hp: Hp | null; ownerId: string | null }[] = [];
  for (const [i, spec] of list.entries()) {
    if (!spec.characterId) {
      out.push({ spec, hp: null, ownerId: null });
      continue;
    }
    const found = findSheet(sheets.value, spec.characterId, `combatants.${i}.characterId`);
    if (!found.ok) return found;
    const sheet = found.value;
    if (ctx.role !== 'gm' && !owns(sheet, ctx.actor)) {
      return fail('FORBIDDEN', `${sheet.name} is another player's character: players may add only their own`, { field: `combatants.${i}.characterId` });
    }
    out.push({
      spec: { ...spec, name: spec.name ?? sheet.name, kind: 'pc', ac: spec.ac ?? sheet.ac, initiativeBonus: sheet.initiativeBonus },
      hp: spec.hp ? { current: spec.hp, max: spec.hp, temp: 0 } : sheet.hp.max > 0 ? { current: Math.max(0, sheet.hp.current), max: sheet.hp.max, temp: sheet.hp.temp } : null,
      ownerId: ownerActorId(sheet),
    });
  }
  return ok(out);
}

export const setInitiative = defineTool({
  name: 'set_initiative',
  title: 'Set initiative',
  description: 'Set one combatant\'s initiative value; it moves to its new place in the order.',
  input: z.object({ ...where, combatantId: combatantIdField, initiative: z.number().int().min(-20).max(100) }),
  output: encounterOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  access: 'gm',
  campaign: 'required',
  async run(input, ctx) {
    const result = await inEncounter(input, ctx, (enc) => {
      const c = enc.combatants.find((x) => x.id === input.combatantId);
      if (!c) return fail('NOT_FOUND', `Combatant "${input.combatantId}" is not in the initiative order`, { field: 'combatantId' });
      const rest = enc.combatants.filter((x) => x.id !== c.id);
      return quiet({ ...enc, combatants: insertInOrder(rest, { ...c, initiative: input.initiative }) }, null);
    });
    return result.ok ? ok({ encounter: result.value.encounter }) : result;
  },
  format: ({ encounter }) => formatEncounter(encounter),
});

export const rollInitiativeTool = defineTool({
  name: 'roll_initiative',
  title: 'Roll initiative',
  description: 'Roll initiative (d20 + bonus) for the monsters, for everyone, or for those without a value, and re-sort the order.',
  input: z.object({ ...where, who: z.enum(['unrolled', 'monsters', 'npcs_and_monsters', 'all']).default('monsters') }),
  output: encounterOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'gm',
  campaign: 'required',
  async run(input, ctx) {
    const pick = (c: Combatant) =>
      input.who === 'all' || (input.who === 'unrolled' && c.initiative === null) || (input.who === 'monsters' && c.kind === 'monster') || (input.who === 'npcs_and_monsters' && c.kind !== 'pc');
    const result = await inEncounter(input, ctx, (enc) => {
      const rolled = enc.combatants.map((c) => (pick(c) ? { ...c, initiative: rollInitiative(ctx.deps.random, c.initiativeBonus).total } : c));
      return quiet({ ...enc, combatants: [...rolled].sort(compareTurnOrder) }, null);
    });
    return result.ok ? ok({ encounter: result.value.encounter }) : result;
  },
  format: ({ encounter }) => formatEncounter(encounter),
});

export const removeCombatantTool = defineTool({
  name: 'remove_combatant',
  title: 'Remove from initiative',
  description: 'Remove a combatant. If it was its turn, the turn passes to the next in order.',
  input: z.object({ ...where, combatantId: combatantIdField }),
  output: encounterOutput,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false },
  access: 'gm',
  campaign: 'required',
  async run(input, ctx) {
    const result = await inEncounter(input, ctx, (enc) => {
      const removed = removeCombatant(enc, input.combatantId);
      return removed.ok ? quiet(removed.value, null) : removed;
    });
    return result.ok ? ok({ encounter: result.value.encounter }) : result;
  },
  format: ({ encounter }) => formatEncounter(encounter),
});

export const moveCombatantTool = defineTool({
  name: 'move_combatant',
  title: 'Reorder initiative',
  description: 'Move a combatant to a position in the order (1 = first), e.g. to settle a tie by hand or for a readied action.',
  input: z.object({ ...where, combatantId: combatantIdField, position: z.number().int().min(1).max(MAX_COMBATANTS) }),
  output: encounterOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  access: 'gm',
  campaign: 'required',
  async run(input, ctx) {
    const result = await inEncounter(input, ctx, (enc) => {
      const moved = moveCombatant(enc, input.combatantId, input.position);
      return moved.ok ? quiet(moved.value, null) : moved;
    });
    return result.ok ? ok({ encounter: result.value.encounter }) : result;
  },
  format: ({ encounter }) => formatEncounter(encounter),
});

export const configureEncounter = defineTool({
  name: 'configure_encounter',
  title: 'Encounter settings',
  description: 'Choose how monster HP shows to players and stream overlays: exact numbers, descriptive (healthy/bloodied/down) or hidden.',
  input: z.object({ ...where, monsterHp: MonsterHpDisplaySchema }),
  output: encounterOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  access: 'gm',
  campaign: 'required',
  async run(input, ctx) {
    const result = await inEncounter(input, ctx, (enc) => quiet({ ...enc, monsterHp: input.monsterHp }, null));
    return result.ok ? ok({ encounter: result.value.encounter }) : result;
  },
  format: ({ encounter }) => `Monster HP now shows as ${encounter.monsterHp} to the table`,
});

export const endCombat = defineTool({
  name: 'end_combat',
  title: 'End combat',
  description: 'Clear the initiative order and reset the round counter. The session stays active.',
  input: z.object(where),
  output: encounterOutput,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true },
  access: 'gm',
  campaign: 'required',
  async run(input, ctx) {
    const result = await inEncounter(input, ctx, (enc) => quiet({ ...enc, round: 0, currentId: null, combatants: [] }, null));
    return result.ok ? ok({ encounter: result.value.encounter }) : result;
  },
  format: () => 'Combat is over; the initiative order is clear.',
});
