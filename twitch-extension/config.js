// The broadcaster's configuration view: links this channel to a campaign on their hub.
const ext = window.Twitch.ext;
const form = document.getElementById('form');
const result = document.getElementById('result');
let token = null;

ext.onAuthorized((auth) => (token = auth.token));
ext.configuration.onChanged(() => {
  try {
    form.hub.value = JSON.parse(ext.configuration.broadcaster?.content ?? '{}').hub ?? '';
  } catch {
    // First configuration: nothing saved yet.
  }
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const hub = form.hub.value.replace(/\/+$/, '');
  result.textContent = 'Connecting…';
  const res = await fetch(`${hub}/twitch/link`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ token: form.token.value.trim() }),
  }).catch(() => null);
  const body = res ? await res.json().catch(() => null) : null;
  if (!body?.ok) {
    result.textContent = body?.error?.message ?? `Could not reach ${hub}: is it on the extension's allowlist and online?`;
    return;
  }
  // Only the address is stored with Twitch; the token stays on the hub side of the link.
  ext.configuration.set('broadcaster', '1', JSON.stringify({ hub }));
  form.token.value = '';
  result.textContent = `Connected to “${body.campaign}”.`;
});
