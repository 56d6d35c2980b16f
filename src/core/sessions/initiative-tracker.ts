import type { Random } from '../ports/random.js';
import { fail, notFound, ok, type Result } from '../result.js';
import type { Combatant, Condition, Encounter } from './session-schemas.js';

/**
 * The initiative tracker as pure functions over an `Encounter`: each returns a new encounter
 * (never mutating its input) plus what happened, so the session service can store it and publish events.
 */

export const emptyEncounter = (): Encounter => ({ round: 0, currentId: null, combatants: [], monsterHp: 'descriptive' });

/** Turn order: higher initiative first, then higher bonus, then the tie-break drawn on joining. Unrolled last. */
export function compareTurnOrder(a: Combatant, b: Combatant): number {
  if (a.initiative === null || b.initiative === null) return a.initiative === null ? (b.initiative === null ? 0 : 1) : -1;
  return b.initiative - a.initiative || b.initiativeBonus - a.initiativeBonus || b.tiebreak - a.tiebreak;
}

/** Puts a combatant at its place in the order, leaving everyone else's (possibly hand-arranged) order alone. */
export function insertInOrder(combatants: Combatant[], c: Combatant): Combatant[] {
  const at = combatants.findIndex((other) => compareTurnOrder(c, other) < 0);
  return at < 0 ? [...combatants, c] : [...combatants.slice(0, at), c, ...combatants.slice(at)];
}

export function findCombatant(enc: Encounter, id: string): Result<Combatant> {
  const c = enc.combatants.find((x) => x.id === id);
  return c ? ok(c) : notFound('Combatant', id, 'combatantId');
}

export const replaceCombatant = (enc: Encounter, c: Combatant): Encounter => ({
  ...enc,
  combatants: enc.combatants.map((x) => (x.id === c.id ? c : x)),
});

/** A d20 initiative roll: the face and the total. */
export function rollInitiative(random: Random, bonus: number): { d20: number; total: number } {
  const d20 = random.integer(1, 20);
  return { d20, total: d20 + bonus };
}

export function removeCombatant(enc: Encounter, id: string): Result<Encounter> {
  const index = enc.combatants.findIndex((c) => c.id === id);
  if (index < 0) return notFound('Combatant', id, 'combatantId');
  const rest = enc.combatants.filter((c) => c.id !== id);
  let { currentId, round } = enc;
  if (currentId === id) {
    // The turn passes to whoever came next, as if the removed combatant had ended its turn.
    if (rest.length === 0) currentId = null;
    else if (index >= rest.length) {
      currentId = rest[0]!.id;
      round += 1;
    } else currentId = rest[index]!.id;
  }
  // Durations anchored to the removed combatant would never count down: anchor them to their holder.
  const combatants = rest.map((c) => ({
    ...c,
    conditions: c.conditions.map((k) => (k.anchorId === id ? { ...k, anchorId: c.id, skipNextTick: false } : k)),
  }));
  const passed: Encounter = { ...enc, combatants, currentId, round: currentId === null ? 0 : round };
  // A turn passed on starts like one reached with next_turn: its turn-start durations count down.
  return ok(currentId !== null && currentId !== enc.currentId ? tick(passed, currentId, 'turn_start', []) : passed);
}

export function moveCombatant(enc: Encounter, id: string, position: number): Result<Encounter> {
  const c = enc.combatants.find((x) => x.id === id);
  if (!c) return notFound('Combatant', id, 'combatantId');
  if (position < 1 || position > enc.combatants.length) {
    return fail('VALIDATION', `position ${position} is outside the order: expected 1 to ${enc.combatants.length}`, { field: 'position' });
  }
  const rest = enc.combatants.filter((x) => x.id !== id);
  rest.splice(position - 1, 0, c);
  return ok({ ...enc, combatants: rest });
}

export interface TurnChange {
  encounter: Encounter;
  previousId: string | null;
  expired: { combatantId: string; condition: Condition }[];
}

/** Ends the current turn and starts the next one; the first call starts round 1. */
export function nextTurn(enc: Encounter): Result<TurnChange> {
  if (enc.combatants.length === 0) return fail('STATE', 'There is nobody in the initiative order: add combatants first');
  const expired: TurnChange['expired'] = [];
  if (enc.currentId === null) {
    const first = enc.combatants[0]!;
    const started = tick({ ...enc, round: 1, currentId: first.id }, first.id, 'turn_start', expired);
    return ok({ encounter: started, previousId: null, expired });
  }
  const index = enc.combatants.findIndex((c) => c.id === enc.currentId);
  const ended = tick(enc, enc.currentId, 'turn_end', expired);
  const wraps = index + 1 >= ended.combatants.length;
  const next = ended.combatants[wraps ? 0 : index + 1]!;
  const started = tick({ ...ended, currentId: next.id, round: ended.round + (wraps ? 1 : 0) }, next.id, 'turn_start', expired);
  return ok({ encounter: started, previousId: enc.currentId, expired });
}

/** Steps the turn marker back one. Condition durations that already counted down are not restored. */
export function previousTurn(enc: Encounter): Result<TurnChange> {
  if (enc.currentId === null) return fail('STATE', 'Combat has not started: use next_turn to start round 1');
  const index = enc.combatants.findIndex((c) => c.id === enc.currentId);
  if (index === 0 && enc.round <= 1) return fail('STATE', 'This is the first turn of round 1: there is no previous turn');
  const wraps = index === 0;
  const prev = enc.combatants[wraps ? enc.combatants.length - 1 : index - 1]!;
  return ok({ encounter: { ...enc, currentId: prev.id, round: enc.round - (wraps ? 1 : 0) }, previousId: enc.currentId, expired: [] });
}

function tick(enc: Encounter, anchorId: string, when: Condition['ticksOn'], expired: TurnChange['expired']): Encounter {
  return {
    ...enc,
    combatants: enc.combatants.map((c) => {
      const conditions: Condition[] = [];
      for (const k of c.conditions) {
        if (k.anchorId !== anchorId || k.ticksOn !== when || k.remainingRounds === null) conditions.push(k);
        else if (k.skipNextTick) conditions.push({ ...k, skipNextTick: false });
        else if (k.remainingRounds > 1) conditions.push({ ...k, remainingRounds: k.remainingRounds - 1 });
        else expired.push({ combatantId: c.id, condition: k });
      }
      return conditions.length === c.conditions.length && conditions.every((k, i) => k === c.conditions[i]) ? c : { ...c, conditions };
    }),
  };
}
