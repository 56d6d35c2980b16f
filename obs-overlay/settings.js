// Builds the overlay link from the form, so a streamer copies one URL into OBS.
const form = document.getElementById('form');
const output = document.getElementById('url');
const open = document.getElementById('open');

export function overlayUrl(base, values) {
  const params = new URLSearchParams();
  params.set('token', values.token.trim());
  params.set('campaign', values.campaign.trim());
  params.set('widgets', values.widgets.join(',') || 'initiative,dice');
  params.set('position', values.position);
  params.set('theme', values.theme);
  params.set('scale', String(values.scale));
  params.set('dice', String(values.dice));
  return `${base}#${params}`;
}

function update() {
  const data = new FormData(form);
  const url = overlayUrl(new URL('./', location.href).href, {
    token: String(data.get('token') ?? ''),
    campaign: String(data.get('campaign') ?? ''),
    widgets: data.getAll('widget').map(String),
    position: String(data.get('position')),
    theme: String(data.get('theme')),
    scale: Number(data.get('scale')),
    dice: Number(data.get('dice')),
  });
  output.textContent = url;
  open.href = url;
}

form.addEventListener('input', update);
document.getElementById('copy').addEventListener('click', () => navigator.clipboard.writeText(output.textContent));
update();
