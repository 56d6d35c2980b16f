// Panel and video overlay views: the current state from the hub (the Extension Backend Service),
// then live updates over Twitch PubSub. Twitch.ext provides the JWT the hub checks.
import { renderInitiative, renderRoll } from './widgets.js';

const ext = window.Twitch.ext;
const initiative = document.getElementById('initiative');
const dice = document.getElementById('dice');
const status = document.getElementById('status');
let token = null;
let version = 0;
const seen = new Set();

const hubUrl = () => {
  try {
    return JSON.parse(ext.configuration.broadcaster?.content ?? '{}').hub ?? null;
  } catch {
    return null;
  }
};

function apply(state) {
  // Messages can cross: an older state never replaces a newer one.
  if (state.v < version) return;
  version = state.v;
  if (state.init !== undefined) {
    renderInitiative(initiative, state.init);
    status.hidden = !!state.init?.combatants.length;
  }
  for (const roll of state.rolls ?? []) {
    if (seen.has(roll.id)) continue;
    seen.add(roll.id);
    const card = renderRoll(roll);
    dice.prepend(card);
    setTimeout(() => card.classList.add('leaving'), 8000);
    setTimeout(() => card.remove(), 8800);
    while (dice.children.length > 2) dice.lastElementChild.remove();
  }
  document.body.dataset.version = String(version);
}

async function load() {
  const hub = hubUrl();
  if (!token || !hub) return;
  const res = await fetch(`${hub}/twitch/state`, { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
  const body = res?.ok ? await res.json() : null;
  if (!body?.linked) {
    status.textContent = body ? 'The streamer has not connected a game yet.' : 'The game is offline.';
    return;
  }
  apply(body.state);
}

ext.onAuthorized((auth) => {
  token = auth.token;
  void load();
});
ext.configuration.onChanged(() => void load());
ext.listen('broadcast', (_target, _contentType, message) => {
  try {
    apply(JSON.parse(message));
  } catch {
    // Not ours, or truncated: the next message carries the whole state again.
  }
});
