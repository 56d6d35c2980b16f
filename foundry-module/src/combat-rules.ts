import type { EncounterView } from '../../src/core/sessions/session-schemas.js';
import type { ActorLike } from './foundry-env.js';

/** How Foundry's combat data maps onto the hub's, as small pure functions. */

export interface HpLike {
  value: number;
  max: number;
  temp: number;
}

/** The hub keeps whole initiatives from -20 to 100; Foundry's may carry tie-break decimals. */
export const clampInitiative = (n: number): number => Math.max(-20, Math.min(100, Math.round(n)));

/** dnd5e's hit points (`system.attributes.hp`); other systems keep theirs elsewhere, so null. */
export function hpOf(actor: ActorLike | null | undefined, systemId: string): HpLike | null {
  if (!actor || systemId !== 'dnd5e') return null;
  const hp = (actor.system as { attributes?: { hp?: Partial<HpLike> } } | undefined)?.attributes?.hp;
  if (typeof hp?.value !== 'number' || typeof hp.max !== 'number') return null;
  return { value: hp.value, max: hp.max, temp: hp.temp ?? 0 };
}

/**
 * The hub call that puts its turn marker where Foundry's is: next_turn or previous_turn when Foundry
 * moved one step (so the hub counts condition durations down as usual), else set_turn; null when
 * the hub is already there (the change came from the hub).
 */
export function turnStep(hub: EncounterView, targetId: string, round: number): { tool: string; input: Record<string, unknown> } | null {
  if (hub.currentId === targetId && hub.round === round) return null;
  const order = hub.combatants.map((c) => c.id);
  const at = hub.currentId ? order.indexOf(hub.currentId) : -1;
  const next = at < 0 ? { id: order[0], round: 1 } : { id: order[(at + 1) % order.length], round: hub.round + (at + 1 === order.length ? 1 : 0) };
  const prev = at < 0 ? null : { id: order[(at - 1 + order.length) % order.length], round: hub.round - (at === 0 ? 1 : 0) };
  if (next.id === targetId && next.round === round) return { tool: 'next_turn', input: {} };
  if (prev && prev.id === targetId && prev.round === round && prev.round >= 1) return { tool: 'previous_turn', input: {} };
  return { tool: 'set_turn', input: { combatantId: targetId, round } };
}
