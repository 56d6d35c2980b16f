// The live state an overlay shows, kept from a snapshot plus hub events. Every state event carries
// the version of the session it came from; older news never replaces newer state, so an event that
// crosses a reconnect's snapshot on the wire cannot roll the display back.

export function createHubState() {
  return {
    role: null,
    campaign: null,
    session: null,
    sessionVersion: 0,
    /** Newest first; each entry is one dice.rolled event. */
    rolls: [],
    seenRollIds: new Set(),
  };
}

export function applySnapshot(state, snapshot) {
  state.role = snapshot.role;
  state.campaign = snapshot.campaign;
  if (!snapshot.session) {
    state.session = null;
    state.sessionVersion = 0;
  } else if (!state.session || state.session.id !== snapshot.session.id || snapshot.session.version >= state.sessionVersion) {
    state.session = snapshot.session;
    state.sessionVersion = snapshot.session.version;
  }
  return state;
}

/** Applies one hub event; returns what changed so the page can animate it ('initiative' | 'roll' | null). */
export function applyEvent(state, event) {
  switch (event.type) {
    case 'initiative.updated':
    case 'turn.changed':
    case 'combatant.hp_changed':
    case 'combatant.conditions_changed': {
      if (!state.session || event.sessionId !== state.session.id) return null;
      if (event.type !== 'initiative.updated') return event.type === 'turn.changed' ? 'turn' : null;
      if (event.version <= state.sessionVersion) return null;
      state.session = { ...state.session, encounter: event.encounter, version: event.version };
      state.sessionVersion = event.version;
      return 'initiative';
    }
    case 'dice.rolled': {
      if (state.seenRollIds.has(event.id)) return null;
      state.seenRollIds.add(event.id);
      state.rolls.unshift(event);
      state.rolls.length = Math.min(state.rolls.length, 20);
      return 'roll';
    }
    case 'session.started':
      state.session = { id: event.sessionId, name: event.name, version: event.version, encounter: { round: 0, currentId: null, combatants: [], monsterHp: 'descriptive' } };
      state.sessionVersion = event.version;
      return 'initiative';
    case 'session.ended':
      if (state.session?.id === event.sessionId) state.session = null;
      return 'initiative';
    default:
      return null;
  }
}
