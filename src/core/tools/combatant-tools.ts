import { z } from 'zod';
import type { Role } from '../access/actor.js';
import { defineTool } from '../registry/define-tool.js';
import { fail, ok, type Result } from '../result.js';
import { applyHpChange, healthOf, HpChangeSchema } from '../sessions/combatant-hp.js';
import { formatCombatant, formatEncounter } from '../sessions/encounter-format.js';
import { findCombatant, insertInOrder, replaceCombatant } from '../sessions/initiative-tracker.js';
import { CombatantKindSchema, CombatantViewSchema, EncounterViewSchema, type Combatant, type Encounter } from '../sessions/session-schemas.js';
import type { EncounterChange } from '../sessions/session-service.js';
import { campaignIdField, combatantIdField, sessionIdField } from './fields.js';
import { inEncounter, quiet } from './initiative-tools.js';

const where = { sessionId: sessionIdField.optional(), campaignId: campaignIdField.optional(), combatantId: combatantIdField };
const output = z.object({ combatant: CombatantViewSchema, encounter: EncounterViewSchema });

/** Players may change their characters; monsters, NPCs and hidden combatants are the GM's. */
function mayChange(role: Role, c: Combatant): Result<Combatant> {
  if (role === 'gm' || (c.kind === 'pc' && !c.hidden)) return ok(c);
  // A hidden combatant does not exist as far as the table knows, not even by name.
  if (c.hidden) return fail('NOT_FOUND', `Combatant "${c.id}" is not in the initiative order`, { field: 'combatantId' });
  return fail('FORBIDDEN', `Only the GM can change ${c.name}: players may change player characters only`, { field: 'combatantId' });
}

const ref = (c: Combatant) => ({ combatantId: c.id, name: c.name, kind: c.kind, hidden: c.hidden });

/** Finds the combatant, checks the caller may change it, applies fn, and returns the changed combatant in the view. */
async function changeCombatant(
  input: { sessionId?: string; combatantId: string },
  ctx: Parameters<typeof inEncounter>[1],
  fn: (c: Combatant, enc: Encounter) => Result<EncounterChange<Combatant>>,
) {
  const result = await inEncounter(input, ctx, (enc) => {
    const found = findCombatant(enc, input.combatantId);
    if (!found.ok) return found;
    const allowed = mayChange(ctx.role, found.value);
    return allowed.ok ? fn(found.value, enc) : allowed;
  });
  if (!result.ok) return result;
  const combatant = result.value.encounter.combatants.find((c) => c.id === input.combatantId);
  if (!combatant) return fail('NOT_FOUND', `Combatant "${input.combatantId}" is hidden from you`, { field: 'combatantId' });
  return ok({ combatant, encounter: result.value.encounter });
}

export const changeHp = defineTool({
  name: 'change_hp',
  title: 'Damage, heal or set HP',
  description: 'Apply damage (temporary HP absorb it first), healing (up to max), temporary HP (the higher value stays), or set current or max HP. Give exactly one.',
  input: z.object({ ...where, ...HpChangeSchema.shape }),
  output,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'player',
  campaign: 'required',
  async run(input, ctx) {
    const { damage, healing, tempHp, setHp, maxHp } = input;
    return changeCombatant(input, ctx, (c, enc) => {
      const hp = applyHpChange(c.hp, { damage, healing, tempHp, setHp, maxHp });
      if (!hp.ok) return hp;
      const changed = { ...c, hp: hp.value };
      return ok({
        encounter: replaceCombatant(enc, changed),
        value: changed,
        events: () => [{ type: 'combatant.hp_changed' as const, ...ref(c), before: c.hp, after: hp.value, health: healthOf(hp.value), monsterHp: enc.monsterHp }],
      });
    });
  },
  format: ({ combatant }) => formatCombatant(combatant),
});

export const addCondition = defineTool({
  name: 'add_condition',
  title: 'Add a condition',
  description:
    'Put a condition on a combatant (poisoned, prone, blessed, concentrating...). With rounds, it counts down when the turn of its anchor ' +
    '(default: the combatant itself) starts or ends, and expires at zero. "Until the end of its next turn" is rounds 1, ticksOn turn_end.',
  input: z.object({
    ...where,
    name: z.string().trim().min(1).max(60),
    rounds: z.number().int().min(1).max(10_000).optional().describe('Leave out for a condition that lasts until removed'),
    ticksOn: z.enum(['turn_start', 'turn_end']).default('turn_end'),
    anchorId: combatantIdField.optional().describe('Whose turn counts the duration down, e.g. the caster\'s; default the combatant itself'),
    note: z.string().max(200).optional(),
  }),
  output,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'player',
  campaign: 'required',
  async run(input, ctx) {
    return changeCombatant(input, ctx, (c, enc) => {
      const anchorId = input.anchorId ?? c.id;
      if (!enc.combatants.some((x) => x.id === anchorId)) return fail('NOT_FOUND', `Anchor "${anchorId}" is not in the initiative order`, { field: 'anchorId' });
      const condition = {
        id: ctx.deps.random.id(),
        name: input.name,
        remainingRounds: input.rounds ?? null,
        ticksOn: input.ticksOn,
        anchorId,
        // Applied during the anchor's own turn, "until the end of its turn" means its *next* turn.
        skipNextTick: input.ticksOn === 'turn_end' && enc.currentId === anchorId,
        note: input.note ?? null,
      };
      const changed = { ...c, conditions: [...c.conditions.filter((k) => k.name.toLowerCase() !== input.name.toLowerCase()), condition] };
      return ok({ encounter: replaceCombatant(enc, changed), value: changed, events: () => [{ type: 'combatant.conditions_changed' as const, ...ref(c), conditions: changed.conditions }] });
    });
  },
  format: ({ combatant }) => formatCombatant(combatant),
});

export const removeCondition = defineTool({
  name: 'remove_condition',
  title: 'Remove a condition',
  description: 'Remove a condition from a combatant by name (case-insensitive).',
  input: z.object({ ...where, name: z.string().trim().min(1).max(60) }),
  output,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  access: 'player',
  campaign: 'required',
  async run(input, ctx) {
    return changeCombatant(input, ctx, (c, enc) => {
      const conditions = c.conditions.filter((k) => k.name.toLowerCase() !== input.name.toLowerCase());
      if (conditions.length === c.conditions.length) {
        const has = c.conditions.map((k) => k.name).join(', ') || 'none';
        return fail('NOT_FOUND', `${c.name} is not "${input.name}" (conditions: ${has})`, { field: 'name' });
      }
      const changed = { ...c, conditions };
      return ok({ encounter: replaceCombatant(enc, changed), value: changed, events: () => [{ type: 'combatant.conditions_changed' as const, ...ref(c), conditions }] });
    });
  },
  format: ({ combatant }) => formatCombatant(combatant),
});

export const updateCombatant = defineTool({
  name: 'update_combatant',
  title: 'Change a combatant',
  description: 'Rename a combatant, change its kind, AC or initiative bonus, or hide/reveal it.',
  input: z.object({
    ...where,
    name: z.string().trim().min(1).max(80).optional(),
    kind: CombatantKindSchema.optional(),
    ac: z.number().int().min(0).max(100).nullable().optional(),
    initiativeBonus: z.number().int().min(-20).max(50).optional(),
    hidden: z.boolean().optional().describe('false reveals a hidden combatant to the table'),
  }),
  output,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  access: 'gm',
  campaign: 'required',
  async run(input, ctx) {
    const { name, kind, ac, initiativeBonus, hidden } = input;
    const patch = Object.fromEntries(Object.entries({ name, kind, ac, initiativeBonus, hidden }).filter(([, v]) => v !== undefined));
    if (Object.keys(patch).length === 0) return fail('VALIDATION', 'Nothing to change: give name, kind, ac, initiativeBonus or hidden', { field: 'name' });
    return changeCombatant(input, ctx, (c, enc) => {
      const changed = { ...c, ...patch } as Combatant;
      // A new bonus can change who wins a tie, so the combatant takes its place again.
      if (initiativeBonus === undefined) return quiet(replaceCombatant(enc, changed), changed);
      return quiet({ ...enc, combatants: insertInOrder(enc.combatants.filter((x) => x.id !== c.id), changed) }, changed);
    });
  },
  format: ({ encounter }) => formatEncounter(encounter),
});
