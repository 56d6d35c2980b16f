import type { CombatantView, EncounterView } from './session-schemas.js';

/** The initiative list as text, current turn marked, e.g. for MCP text content or a chat message. */
export function formatEncounter(enc: EncounterView): string {
  if (enc.combatants.length === 0) return 'The initiative order is empty.';
  const head = enc.round === 0 ? 'Combat has not started (next_turn starts round 1)' : `Round ${enc.round}`;
  return [head, ...enc.combatants.map((c) => formatCombatant(c, c.id === enc.currentId))].join('\n');
}

export function formatCombatant(c: CombatantView, current = false): string {
  const init = c.initiative === null ? '  ?' : String(c.initiative).padStart(3);
  const hp = c.hp ? ` ${c.hp.current}/${c.hp.max} HP${c.hp.temp ? ` +${c.hp.temp} temp` : ''}` : c.health ? ` (${c.health})` : '';
  const conditions = c.conditions.length
    ? ` [${c.conditions.map((k) => (k.remainingRounds === null ? k.name : `${k.name} ${k.remainingRounds}`)).join(', ')}]`
    : '';
  return `${current ? '▶' : ' '}${init}  ${c.name}${c.kind === 'pc' ? ' (PC)' : ''}${c.hidden ? ' (hidden)' : ''}${hp}${conditions}  id ${c.id}`;
}
