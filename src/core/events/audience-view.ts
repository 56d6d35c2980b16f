import type { Audience } from '../access/actor.js';
import { healthOf } from '../sessions/combatant-hp.js';
import type { Combatant, CombatantView, Encounter, EncounterView, Session, SessionView } from '../sessions/session-schemas.js';
import { tableVisibleData } from '../campaigns/campaign-schemas.js';
import type { HubEvent } from './hub-events.js';

/**
 * What each audience may see. The GM sees everything; the table (players and viewers, including
 * stream overlays) never sees secret rolls, secret notes, hidden combatants, or monster HP the GM hides.
 * Every path that sends state to a non-GM goes through these functions.
 */

/** What the table sees of a hidden anchor's id: nothing that could name or find the hidden combatant. */
export const HIDDEN_ANCHOR = 'hidden';

/** Conditions as the table sees them: a duration counted on a hidden combatant's turn keeps no trace of its id. */
export function viewConditions(conditions: Combatant['conditions'], hiddenIds: ReadonlySet<string>): Combatant['conditions'] {
  return hiddenIds.size === 0 ? conditions : conditions.map((k) => (hiddenIds.has(k.anchorId) ? { ...k, anchorId: HIDDEN_ANCHOR } : k));
}

function viewCombatant(c: Combatant, audience: Audience, monsterHp: Encounter['monsterHp'], hiddenIds: ReadonlySet<string>): CombatantView {
  const health = healthOf(c.hp);
  if (audience === 'gm') return { ...c, health };
  const conditions = viewConditions(c.conditions, hiddenIds);
  // Only player characters show exact HP regardless of the setting: NPCs follow it like monsters.
  if (c.kind === 'pc' || monsterHp === 'exact') return { ...c, conditions, health };
  return { ...c, conditions, hp: null, health: monsterHp === 'descriptive' ? health : null };
}

/** Accepts a stored encounter or a GM view of one (health is recomputed from HP either way). */
export function viewEncounter(enc: Encounter | EncounterView, audience: Audience): EncounterView {
  const visible = audience === 'gm' ? enc.combatants : enc.combatants.filter((c) => !c.hidden);
  const hiddenIds = new Set(audience === 'gm' ? [] : enc.combatants.filter((c) => c.hidden).map((c) => c.id));
  const currentVisible = visible.some((c) => c.id === enc.currentId);
  return {
    ...enc,
    // While a hidden creature acts, the table sees the round but not whose turn it is.
    currentId: currentVisible ? enc.currentId : null,
    combatants: visible.map((c) => viewCombatant(c, audience, enc.monsterHp, hiddenIds)),
  };
}

export function viewSession(session: Session, audience: Audience): SessionView {
  if (audience === 'gm') return { ...session, encounter: viewEncounter(session.encounter, 'gm') };
  return {
    ...session,
    notes: session.notes.filter((n) => !n.secret),
    rolls: session.rolls.filter((r) => !r.secret),
    rollCount: session.rollCount - session.secretRollCount,
    secretRollCount: 0,
    encounter: viewEncounter(session.encounter, 'table'),
  };
}

/** The event as the audience should receive it, or null when it must not receive it at all. */
export function viewEvent(event: HubEvent, audience: Audience): HubEvent | null {
  if (audience === 'gm') return event;
  switch (event.type) {
    case 'dice.rolled':
      return event.secret ? null : event;
    case 'session.note_added':
      return event.note.secret ? null : event;
    case 'initiative.updated':
      return { ...event, encounter: viewEncounter(event.encounter, 'table') };
    case 'turn.changed':
      return {
        ...event,
        currentId: event.hidden ? null : event.currentId,
        currentName: event.hidden ? null : event.currentName,
        previousId: event.previousHidden ? null : event.previousId,
        expired: event.expired.filter((e) => !e.hidden),
      };
    case 'combatant.hp_changed': {
      if (event.hidden) return null;
      if (event.kind === 'pc' || event.monsterHp === 'exact') return event;
      return { ...event, before: null, after: null, health: event.monsterHp === 'descriptive' ? event.health : null };
    }
    case 'combatant.conditions_changed': {
      if (event.hidden) return null;
      const { hiddenAnchors, ...rest } = event;
      return { ...rest, conditions: viewConditions(event.conditions, new Set(hiddenAnchors ?? [])) };
    }
    case 'access.revoked':
      return null;
    // Library administration: file names and GM-only books are not the table's business.
    case 'source.ingest_progress':
      return null;
    case 'campaign.updated':
      return event.dataType === null || tableVisibleData.includes(event.dataType) ? event : null;
    default:
      return event;
  }
}
