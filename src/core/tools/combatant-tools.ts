import { z } from 'zod';
import { owns, sheetsOf } from '../characters/character-service.js';
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

/** The one answer for an id the caller may not see, so hidden and unknown ids cannot be told apart. */
export const notInOrder = (id: string, field = 'combatantId') => fail('NOT_FOUND', `Combatant "${id}" is not in the initiative order`, { field });

/**
 * Players may change their own characters only: a PC they added, or one whose campaign character
 * names them as its player. Monsters, NPCs, other players' characters and hidden combatants are the GM's.
 */
function mayChange(role: Role, actorId: string, ownCharacters: ReadonlySet<string>, c: Combatant): Result<Combatant> {
  if (role === 'gm') return ok(c);
  // A hidden combatant does not exist as far as the table knows, not even by name.
  if (c.hidden) return notInOrder(c.id);
  if (c.kind === 'pc' && (c.ownerId === actorId || ownCharacters.has(c.name.toLowerCase()))) return ok(c);
  return fail('FORBIDDEN', `Only the GM can change ${c.name}: players may change their own characters only`, { field: 'combatantId' });
}

/**
 * Names of the campaign characters whose player is this actor: universal sheets by their owner
 * (a Discord user or a hub member), free-form characters by a playerId, ownerId or memberId field.
 */
async function ownCharactersOf(ctx: Parameters<typeof inEncounter>[1]): Promise<Set<string>> {
  if (ctx.role === 'gm' || !ctx.campaignId) return new Set();
  const campaign = await ctx.deps.campaigns.get(ctx.campaignId);
  if (!campaign.ok) return new Set();
  const sheets = sheetsOf(campaign.value).filter((sheet) => owns(sheet, ctx.actor));
  const freeForm = campaign.value.data.characters.filter((ch) => [ch.playerId, ch.ownerId, ch.memberId].includes(ctx.actor.id));
  return new Set([...sheets, ...freeForm].map((ch) => String(ch.name ?? '').toLowerCase()).filter(Boolean));
}

const hiddenIds = (enc: Encounter) => enc.combatants.filter((x) => x.hidden).map((x) => x.id);

const ref = (c: Combatant) => ({ combatantId: c.id, name: c.name, kind: c.kind, hidden: c.hidden });

/** Finds the combatant, checks the caller may change it, applies fn, and returns the changed combatant in the view. */
async function changeCombatant(
  input: { sessionId?: string; combatantId: string },
  ctx: Parameters<typeof inEncounter>[1],
  fn: (c: Combatant, enc: Encounter) => Result<EncounterChange<Combatant>>,
) {
  const own = await ownCharactersOf(ctx);
  const result = await inEncounter(input, ctx, (enc) => {
    const found = findCombatant(enc, input.combatantId);
    if (!found.ok) return notInOrder(input.combatantId);
    const allowed = mayChange(ctx.role, ctx.actor.id, own, found.value);
    return allowed.ok ? fn(found.value, enc) : allowed;
  });
  if (!result.ok) return result;
  const combatant = result.value.encounter.combatants.find((c) => c.id === input.combatantId);
  if (!combatant) return notInOrder(input.combatantId);
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
      // The table may anchor only on combatants it can see: a hidden one answers like an unknown id.
      const anchor = enc.combatants.find((x) => x.id === anchorId);
      if (!anchor || (anchor.hidden && ctx.role !== 'gm')) return notInOrder(anchorId, 'anchorId');
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
      return ok({ encounter: replaceCombatant(enc, changed), value: changed, events: () => [{ type: 'combatant.conditions_changed' as const, ...ref(c), conditions: changed.conditions, hiddenAnchors: hiddenIds(enc) }] });
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
      return ok({ encounter: replaceCombatant(enc, changed), value: changed, events: () => [{ type: 'combatant.conditions_changed' as const, ...ref(c), conditions, hiddenAnchors: hiddenIds(enc) }] });
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
