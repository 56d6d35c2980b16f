import type { SearchHit } from '../../src/core/rules/rules-schemas.js';
import type { HubStatus } from './hub-connection.js';
import { escapeHtml as e } from './module-constants.js';

/** The panel's HTML pieces, as pure functions of hub data (so they are tested without Foundry). */

export type PanelTab = 'status' | 'rules' | 'notes' | 'npcs' | 'gm';

const LIGHT: Record<HubStatus['state'], string> = { off: 'grey', connecting: 'amber', connected: 'green', error: 'red' };

export function statusLight(status: HubStatus): string {
  return `<div class="ttrpg-hub-status" data-state="${status.state}"><span class="ttrpg-hub-light ttrpg-hub-light-${LIGHT[status.state]}" aria-hidden="true"></span><span class="ttrpg-hub-status-text">${e(status.message)}</span></div>`;
}

export function tabs(active: PanelTab, withGm: boolean): string {
  const list: [PanelTab, string][] = [['status', 'Status'], ['rules', 'Rules'], ['notes', 'Notes'], ['npcs', 'NPCs'], ...(withGm ? [['gm', 'AI GM'] as [PanelTab, string]] : [])];
  return `<nav class="ttrpg-hub-tabs">${list.map(([id, label]) => `<button type="button" data-action="tab" data-tab="${id}" class="${id === active ? 'active' : ''}">${label}</button>`).join('')}</nav>`;
}

/** "Player's Handbook, p. 195" (or pp. 195-196). */
export const citation = (hit: Pick<SearchHit, 'source' | 'page' | 'pageEnd'>) => `${hit.source.name}, ${hit.pageEnd > hit.page ? `pp. ${hit.page}-${hit.pageEnd}` : `p. ${hit.page}`}`;

export function searchResults(hits: SearchHit[], note: string | null): string {
  if (!hits.length) return `<p class="ttrpg-hub-empty">${e(note ?? 'No passage answers that: try other words, or add the book with add_source')}</p>`;
  return `<ol class="ttrpg-hub-results">${hits
    .map(
      (h, i) =>
        `<li data-index="${i}"><header><strong>${e(h.section || h.source.name)}</strong> <cite>${e(citation(h))}</cite></header>` +
        `<p>${e(h.text.length > 700 ? `${h.text.slice(0, 700)}...` : h.text)}</p>` +
        `<button type="button" data-action="post-hit" data-index="${i}">Post to chat</button></li>`,
    )
    .join('')}</ol>`;
}

/** The chat card a "Post to chat" button makes: the passage with its citation. */
export function ruleCard(hit: SearchHit): string {
  return `<div class="ttrpg-hub-card ttrpg-hub-rule"><header>${e(hit.section || hit.source.name)}</header><p>${e(hit.text)}</p><footer><cite>${e(citation(hit))}</cite></footer></div>`;
}

export interface NpcView {
  name: string;
  race?: string;
  role?: string;
  level?: number;
  appearance?: string;
  hook?: string;
  stats?: { ac?: number; hp?: number };
}

export function npcCard(npc: NpcView, index: number | null): string {
  const line = [npc.race, npc.role, npc.level ? `level ${npc.level}` : ''].filter(Boolean).join(' ');
  return (
    `<div class="ttrpg-hub-npc"><header><strong>${e(npc.name)}</strong> ${e(line)}</header>` +
    `${npc.appearance ? `<p>${e(npc.appearance)}</p>` : ''}${npc.hook ? `<p><em>${e(npc.hook)}</em></p>` : ''}` +
    `${npc.stats ? `<p>AC ${e(npc.stats.ac ?? '?')}, HP ${e(npc.stats.hp ?? '?')}</p>` : ''}` +
    `${index === null ? '' : `<button type="button" data-action="create-actor" data-index="${index}">Create actor</button>`}</div>`
  );
}

export interface NoteView {
  at: string;
  author: { name: string };
  text: string;
  secret: boolean;
}

export function notesList(sessionName: string | null, notes: NoteView[]): string {
  if (!sessionName) return '<p class="ttrpg-hub-empty">No session is running: start one in the hub (start_session) to take notes.</p>';
  return `<h3>${e(sessionName)}</h3><ol class="ttrpg-hub-notes">${notes
    .slice(-50)
    .map((n) => `<li class="${n.secret ? 'secret' : ''}"><span class="author">${e(n.author.name)}</span> ${e(n.text)}</li>`)
    .join('')}</ol>`;
}

/** The AI GM conversation so far: the question, then the streamed answer with its tool results. */
export interface GmTranscriptEntry {
  role: 'user' | 'assistant' | 'tool' | 'error';
  text: string;
}

export function gmTranscript(entries: GmTranscriptEntry[]): string {
  return `<ol class="ttrpg-hub-gm-log">${entries.map((x) => `<li class="ttrpg-hub-gm-${x.role}">${e(x.text)}</li>`).join('')}</ol>`;
}
