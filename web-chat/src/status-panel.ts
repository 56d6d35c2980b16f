import { h } from './dom.js';
import type { HubStatus } from './types.js';

type Level = 'ok' | 'warn' | 'off';

/** The rules library's vector index kinds, in words. */
const vectorWords: Record<string, string> = {
  chroma: 'Chroma',
  'in-process': 'in-process index',
  'vector index (not started)': 'starts with the first book',
};

/** One line per adapter: a word for the state (never colour alone) and what to do about it. */
export function renderStatus(list: HTMLElement, status: HubStatus): void {
  const a = status.adapters;
  const rows: [string, Level, string, string?][] = [];
  rows.push(['Hub', 'ok', `version ${status.version}`]);
  if (status.store) rows.push(['Storage', status.store.reachable ? 'ok' : 'warn', `${status.store.kind}${status.store.reachable ? '' : ': not reachable'}`]);
  if (a.discord) {
    const d = a.discord;
    const detail = !d.enabled
      ? 'off'
      : [d.connected ? 'bot connected' : d.interactionsEndpoint ? 'HTTP interactions endpoint' : 'bot not connected', d.commandsRegistered === undefined ? null : d.commandsRegistered ? 'commands registered' : 'commands not registered'].filter(Boolean).join(', ');
    rows.push(['Discord', !d.enabled ? 'off' : d.connected || d.interactionsEndpoint ? (d.commandsRegistered === false ? 'warn' : 'ok') : 'warn', detail, d.enabled ? undefined : 'Set DISCORD_TOKEN to enable']);
  }
  if (a.twitch) rows.push(['Twitch', a.twitch.enabled ? 'ok' : 'off', a.twitch.enabled ? (a.twitch.broadcasting ? 'extension backend, broadcasting' : 'extension backend (not broadcasting)') : 'off', a.twitch.enabled ? undefined : 'Set TWITCH_CLIENT_ID and TWITCH_EXTENSION_SECRET']);
  if (a.obs) rows.push(['OBS', a.obs.enabled ? (a.obs.connected ? 'ok' : 'warn') : 'off', a.obs.enabled ? (a.obs.connected ? 'connected' : 'not connected') : 'scene switching off']);
  if (a.chroma) rows.push(['Rules vectors', a.chroma.state.startsWith('disabled') ? 'off' : 'ok', vectorWords[a.chroma.state] ?? a.chroma.state]);
  if (a.ai) {
    if (!a.ai.providers.length) rows.push(['AI providers', 'off', 'none configured']);
    for (const p of a.ai.providers) rows.push([`AI: ${p.label ?? p.id}`, p.configured === false ? 'off' : p.healthy ? 'ok' : 'warn', p.configured === false ? 'no key' : p.healthy ? 'healthy' : 'failing']);
  }
  list.replaceChildren(
    ...rows.map(([name, level, detail, help]) =>
      h('li', { class: `status-${level}`, 'data-adapter': name }, h('span', { class: 'dot', 'aria-hidden': 'true' }), h('strong', {}, name), ' ', h('span', { class: 'state' }, detail), help ? h('span', { class: 'hint small' }, ` · ${help}`) : null),
    ),
  );
}
