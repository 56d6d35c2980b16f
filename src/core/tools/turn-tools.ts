import { z } from 'zod';
import { defineTool } from '../registry/define-tool.js';
import { ok, type Result } from '../result.js';
import { formatEncounter } from '../sessions/encounter-format.js';
import { nextTurn, previousTurn, type TurnChange } from '../sessions/initiative-tracker.js';
import { EncounterViewSchema, type Encounter } from '../sessions/session-schemas.js';
import type { EncounterChange } from '../sessions/session-service.js';
import { campaignIdField, sessionIdField } from './fields.js';
import { inEncounter } from './initiative-tools.js';

const where = { sessionId: sessionIdField.optional(), campaignId: campaignIdField.optional() };
const ExpiredSchema = z.object({ combatantId: z.string(), name: z.string(), condition: z.string() });
const output = z.object({ encounter: EncounterViewSchema, expired: z.array(ExpiredSchema).describe('Conditions that ran out on this turn change') });

/** Announces a turn change; a hidden combatant's name and id are kept from the table by the audience view. */
function turnEvents(step: (enc: Encounter) => Result<TurnChange>) {
  return (enc: Encounter): Result<EncounterChange<z.infer<typeof ExpiredSchema>[]>> => {
    const moved = step(enc);
    if (!moved.ok) return moved;
    const next = moved.value.encounter;
    const nameOf = (id: string) => next.combatants.find((c) => c.id === id)?.name ?? enc.combatants.find((c) => c.id === id)?.name ?? id;
    const isHidden = (id: string | null) => id !== null && (next.combatants.find((c) => c.id === id)?.hidden ?? false);
    const expired = moved.value.expired.map((e) => ({ combatantId: e.combatantId, name: nameOf(e.combatantId), condition: e.condition.name }));
    return ok({
      encounter: next,
      value: expired,
      events: () => [
        {
          type: 'turn.changed' as const,
          round: next.round,
          currentId: next.currentId,
          currentName: next.currentId ? nameOf(next.currentId) : null,
          previousId: moved.value.previousId,
          expired: expired.map((e) => ({ ...e, hidden: isHidden(e.combatantId) })),
          hidden: isHidden(next.currentId),
          previousHidden: isHidden(moved.value.previousId),
        },
      ],
    });
  };
}

/** The expired conditions of combatants the caller can see: a player ending a turn must not learn of hidden ones. */
function visibleExpired(encounter: z.infer<typeof EncounterViewSchema>, expired: z.infer<typeof ExpiredSchema>[]) {
  const visible = new Set(encounter.combatants.map((c) => c.id));
  return expired.filter((e) => visible.has(e.combatantId));
}

export const nextTurnTool = defineTool({
  name: 'next_turn',
  title: 'Next turn',
  description: 'End the current turn and start the next one (the first call starts round 1). Condition durations count down and expire here.',
  input: z.object(where),
  output,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'player',
  campaign: 'required',
  async run(input, ctx) {
    const result = await inEncounter(input, ctx, turnEvents(nextTurn));
    return result.ok ? ok({ encounter: result.value.encounter, expired: visibleExpired(result.value.encounter, result.value.value) }) : result;
  },
  format: ({ encounter, expired }) => [formatEncounter(encounter), ...expired.map((e) => `${e.name} is no longer ${e.condition}`)].join('\n'),
});

export const previousTurnTool = defineTool({
  name: 'previous_turn',
  title: 'Previous turn',
  description: 'Step the turn marker back one (to fix a mistake). Condition durations that already counted down are not restored.',
  input: z.object(where),
  output,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  access: 'gm',
  campaign: 'required',
  async run(input, ctx) {
    const result = await inEncounter(input, ctx, turnEvents(previousTurn));
    return result.ok ? ok({ encounter: result.value.encounter, expired: visibleExpired(result.value.encounter, result.value.value) }) : result;
  },
  format: ({ encounter }) => formatEncounter(encounter),
});
