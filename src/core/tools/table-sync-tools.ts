import { z } from 'zod';
import { DiceRollSchema, type DiceRoll } from '../dice/dice-schemas.js';
import { defineTool } from '../registry/define-tool.js';
import { fail, ok } from '../result.js';
import { formatEncounter } from '../sessions/encounter-format.js';
import { EncounterViewSchema } from '../sessions/session-schemas.js';
import { campaignIdField, combatantIdField, resolveSessionId, sessionIdField } from './fields.js';
import { describeRoll } from './dice-tools.js';
import { inEncounter } from './initiative-tools.js';

/**
 * Tools a virtual tabletop (the Foundry module) uses to keep the hub in step with a table that rolls
 * and tracks turns on its own: it reports what already happened instead of asking the hub to do it.
 */

const where = { sessionId: sessionIdField.optional(), campaignId: campaignIdField.optional() };

const RolledDieSchema = z.object({
  value: z.number(),
  active: z.boolean().default(true).describe('false when dropped or discarded'),
  exploded: z.boolean().default(false),
  rerolled: z.boolean().default(false),
});

const RolledTermSchema = z.object({
  faces: z.number().int().min(1).max(10_000),
  dice: z.array(RolledDieSchema).min(1).max(1000),
});

const RelayedRollSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'expected letters, digits, "-", "_", ".", ":"').describe('The table\'s own id of this roll, kept as the roll id'),
  formula: z.string().trim().min(1).max(500).describe('As the table shows it, e.g. "1d20 + 5"'),
  total: z.number(),
  label: z.string().trim().max(200).nullable().default(null).describe('What the roll was for (the chat flavor), e.g. "Stealth check"'),
  terms: z.array(RolledTermSchema).max(50).default([]),
});

/** Builds the hub's own roll record from a roll the table made, so every surface shows it the same way. */
export function relayedRoll(r: z.output<typeof RelayedRollSchema>): DiceRoll {
  const terms = r.terms.map((t) => {
    const dice = t.dice.map((d) => ({ value: d.value, kept: d.active, exploded: d.exploded, rerolled: d.rerolled, critical: null }));
    return { notation: `${t.dice.length}d${t.faces}`, sides: t.faces, dice, subtotal: dice.filter((d) => d.kept).reduce((s, d) => s + d.value, 0) };
  });
  const keptD20 = r.terms.filter((t) => t.faces === 20).flatMap((t) => t.dice.filter((d) => d.active).map((d) => d.value));
  const faces = terms.map((t) => `[${t.dice.map((d) => `${d.value}${d.kept ? '' : 'd'}`).join(', ')}]`).join(' ');
  const natural20 = keptD20.includes(20);
  return {
    id: r.id,
    expression: r.formula,
    notation: r.formula.replace(/\s+/g, ''),
    label: r.label,
    total: r.total,
    breakdown: `${r.formula}: ${faces ? `${faces} ` : ''}= ${r.total}`,
    terms,
    natural20,
    natural1: keptD20.includes(1),
    critical: natural20,
    critRange: 20,
    rollMode: 'normal',
    min: r.total,
    max: r.total,
  };
}

export const relayRoll = defineTool({
  name: 'relay_roll',
  title: 'Relay a table roll',
  description:
    'Report dice already rolled at a virtual tabletop (e.g. Foundry VTT, Dice So Nice) so Discord, the overlays and the web see it. ' +
    'The hub does not re-roll: it logs the given faces and total in the active session, secret rolls for the GM only.',
  input: z.object({
    ...where,
    rolls: z.array(RelayedRollSchema).min(1).max(20),
    roller: z.string().trim().min(1).max(80).describe('Who rolled, as the table names them (speaker), e.g. "Aria (Foundry)"'),
    secret: z.boolean().default(false).describe('Blind, GM-only or self rolls: only the GM sees them'),
  }),
  output: z.object({ rolls: z.array(DiceRollSchema), secret: z.boolean(), sessionId: z.string().nullable() }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'player',
  campaign: 'required',
  async run(input, ctx) {
    const rolls = input.rolls.map(relayedRoll);
    // The roller's table name goes with the event; the id stays the token holder's, so audits still know who sent it.
    const actor = { ...ctx.actor, name: input.roller };
    const sessionId = await resolveSessionId(ctx.deps, input.sessionId, ctx.campaignId!);
    if (sessionId.ok) {
      const logged = await ctx.deps.sessions.logRolls(sessionId.value, rolls, input.secret, actor);
      if (!logged.ok) return logged;
      return ok({ rolls, secret: input.secret, sessionId: sessionId.value });
    }
    await ctx.deps.events.publish({
      type: 'dice.rolled',
      id: ctx.deps.random.id(),
      at: ctx.deps.clock.now().toISOString(),
      campaignId: ctx.campaignId,
      sessionId: null,
      actor: { id: actor.id, name: actor.name },
      version: null,
      secret: input.secret,
      rolls,
    });
    return ok({ rolls, secret: input.secret, sessionId: null });
  },
  format: (out) => out.rolls.map(describeRoll).join('\n'),
});

export const setTurn = defineTool({
  name: 'set_turn',
  title: 'Set the turn',
  description:
    'Put the turn marker on a combatant in a given round, e.g. when the virtual tabletop jumped there. ' +
    'Unlike next_turn, condition durations do not count down. combatantId null with round 0: combat not started.',
  input: z.object({ ...where, combatantId: combatantIdField.nullable(), round: z.number().int().min(0).max(100_000) }),
  output: z.object({ encounter: EncounterViewSchema }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  access: 'gm',
  campaign: 'required',
  async run(input, ctx) {
    if ((input.combatantId === null) !== (input.round === 0)) {
      return fail('VALIDATION', 'Give a combatantId with a round of 1 or more, or combatantId null with round 0', { field: 'round' });
    }
    const result = await inEncounter(input, ctx, (enc) => {
      const current = input.combatantId === null ? null : enc.combatants.find((c) => c.id === input.combatantId);
      if (current === undefined) return fail('NOT_FOUND', `Combatant "${input.combatantId}" is not in the initiative order`, { field: 'combatantId' });
      const next = { ...enc, currentId: current?.id ?? null, round: input.round };
      const unchanged = next.currentId === enc.currentId && next.round === enc.round;
      const previous = enc.currentId ? enc.combatants.find((c) => c.id === enc.currentId) : undefined;
      return ok({
        encounter: next,
        value: null,
        events: () =>
          unchanged
            ? []
            : [
                {
                  type: 'turn.changed' as const,
                  round: next.round,
                  currentId: next.currentId,
                  currentName: current?.name ?? null,
                  previousId: enc.currentId,
                  hidden: current?.hidden ?? false,
                  previousHidden: previous?.hidden ?? false,
                  expired: [],
                },
              ],
      });
    });
    return result.ok ? ok({ encounter: result.value.encounter }) : result;
  },
  format: ({ encounter }) => formatEncounter(encounter),
});

export const tableSyncTools = [relayRoll, setTurn];
