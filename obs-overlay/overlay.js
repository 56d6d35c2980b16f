// The OBS browser source: connects to the hub with a read-only viewer token and shows the
// initiative order and dice rolls live. Everything it needs is in the URL fragment (never sent to
// any server): #token=...&campaign=...&widgets=initiative,dice&position=top-right&theme=dark&scale=1
import { applyEvent, applySnapshot, createHubState } from './hub-state.js';
import { renderInitiative, renderRoll } from './widgets.js';

const params = new URLSearchParams(location.hash.slice(1));
const settings = {
  token: params.get('token') ?? '',
  campaignId: params.get('campaign') ?? '',
  widgets: new Set((params.get('widgets') ?? 'initiative,dice').split(',')),
  position: params.get('position') ?? 'top-right',
  theme: params.get('theme') ?? 'dark',
  scale: Number(params.get('scale') ?? '1') || 1,
  diceSeconds: Number(params.get('dice') ?? '8') || 8,
};

const root = document.getElementById('overlay');
const initiative = document.getElementById('initiative');
const dice = document.getElementById('dice');
const status = document.getElementById('status');
root.dataset.position = settings.position;
document.body.dataset.theme = settings.theme;
root.style.setProperty('--scale', String(settings.scale));
if (!settings.widgets.has('initiative')) initiative.remove();
if (!settings.widgets.has('dice')) dice.remove();

const state = createHubState();
window.hubOverlay = { state, settings };

function showStatus(text) {
  status.hidden = !text;
  status.textContent = text ?? '';
}

function redraw() {
  if (settings.widgets.has('initiative')) renderInitiative(initiative, state.session?.encounter);
}

function showRoll(event) {
  if (!settings.widgets.has('dice')) return;
  const card = renderRoll(event);
  dice.prepend(card);
  // Let the card animate in, stay, then fade; keep at most three on screen.
  setTimeout(() => card.classList.add('leaving'), settings.diceSeconds * 1000);
  setTimeout(() => card.remove(), settings.diceSeconds * 1000 + 800);
  while (dice.children.length > 3) dice.lastElementChild.remove();
}

if (!settings.token || !settings.campaignId) {
  showStatus('Missing token or campaign: build this URL on /overlay/settings.html');
} else {
  const socket = window.io({ auth: { token: settings.token }, transports: ['websocket'] });
  window.hubOverlay.socket = socket;
  socket.on('connect', async () => {
    // Every (re)connect starts from a fresh snapshot: a hub restart or a network drop never leaves stale state.
    const reply = await socket.timeout(10_000).emitWithAck('subscribe', { campaignId: settings.campaignId }).catch(() => null);
    if (!reply?.ok) return showStatus(reply ? reply.error.message : 'The hub did not answer');
    applySnapshot(state, reply.value);
    showStatus(null);
    document.body.dataset.ready = 'true';
    redraw();
  });
  socket.on('disconnect', () => showStatus('Reconnecting to the hub…'));
  socket.on('connect_error', (error) => showStatus(error.message.includes('token') ? error.message : 'Reconnecting to the hub…'));
  socket.onAny((type, event) => {
    const changed = applyEvent(state, event);
    if (changed === 'roll') showRoll(event);
    else if (changed) redraw();
  });
}
