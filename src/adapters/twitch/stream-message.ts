import type { EncounterView, EventOf } from '../../core/index.js';

/** Twitch refuses PubSub messages over 5 KB. */
export const MAX_MESSAGE_BYTES = 5 * 1024;

/** Only what the stream widgets draw (the same shapes the OBS overlay uses), to stay small. */
export interface StreamState {
  v: number;
  init?: { round: number; currentId: string | null; combatants: unknown[] } | null;
  rolls?: unknown[];
}

export function compactEncounter(enc: EncounterView): NonNullable<StreamState['init']> {
  return {
    round: enc.round,
    currentId: enc.currentId,
    combatants: enc.combatants.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      initiative: c.initiative,
      hp: c.hp,
      health: c.health,
      conditions: c.conditions.map((k) => ({ name: k.name, remainingRounds: k.remainingRounds })),
    })),
  };
}

export function compactRoll(event: EventOf<'dice.rolled'>, maxDice = 40) {
  return {
    id: event.id,
    actor: { name: event.actor.name },
    rolls: event.rolls.map((r) => ({
      label: r.label,
      notation: r.notation,
      total: r.total,
      natural20: r.natural20,
      natural1: r.natural1,
      critical: r.critical,
      terms: r.terms.map((t) => ({ sides: t.sides, dice: t.dice.slice(0, maxDice).map((d) => ({ value: d.value, kept: d.kept })) })),
    })),
  };
}

/**
 * Serialises a state message under Twitch's size limit: the newest state always fits, so older rolls
 * go first, then condition lists, then long names are cut.
 */
export function encodeState(state: StreamState): string {
  const candidate = { ...state, rolls: [...(state.rolls ?? [])] };
  let text = JSON.stringify(candidate);
  while (Buffer.byteLength(text) > MAX_MESSAGE_BYTES && candidate.rolls.length > 0) {
    candidate.rolls.shift();
    text = JSON.stringify(candidate);
  }
  if (Buffer.byteLength(text) > MAX_MESSAGE_BYTES && candidate.init) {
    const combatants = candidate.init.combatants as { name: string; conditions: unknown[] }[];
    candidate.init = { ...candidate.init, combatants: combatants.map((c) => ({ ...c, name: c.name.slice(0, 24), conditions: [] })) };
    text = JSON.stringify(candidate);
  }
  return text;
}
