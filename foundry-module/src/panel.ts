import type { SearchHit } from '../../src/core/rules/rules-schemas.js';
import { npcActorData, characterActorData, parseCharacter, statBlockOf, upsertActor } from './actor-import.js';
import type { HubClient } from './hub-client.js';
import { escapeHtml, MODULE_ID } from './module-constants.js';
import { gmTranscript, notesList, npcCard, ruleCard, searchResults, statusLight, tabs, type GmTranscriptEntry, type NoteView, type NpcView, type PanelTab } from './panel-views.js';

/** What the panel class needs from Foundry: the ApplicationV2 base (v13 `foundry.applications.api`). */
export interface PanelBase {
  new (options?: Record<string, unknown>): {
    render(options?: boolean | Record<string, unknown>): Promise<unknown>;
    close(options?: Record<string, unknown>): Promise<unknown>;
    readonly rendered: boolean;
  };
}

interface PanelState {
  tab: PanelTab;
  hits: SearchHit[];
  searchNote: string | null;
  npcs: { npc: NpcView & Record<string, unknown>; hubId: string; kind: 'npc' | 'character' }[];
  notes: NoteView[];
  sessionName: string | null;
  gm: GmTranscriptEntry[];
  gmAvailable: boolean;
  busy: string | null;
}

/**
 * The in-game panel, an ApplicationV2 rendering plain HTML (no template files to ship): status light,
 * rules search with citations and "Post to chat", session notes, NPCs and characters with
 * "Create actor", and the AI GM chat when the hub has `ask_game_master`.
 */
export function createPanelClass(Base: PanelBase, client: HubClient, actorTypes: () => string[]) {
  const env = client.env;
  const state: PanelState = { tab: 'status', hits: [], searchNote: null, npcs: [], notes: [], sessionName: null, gm: [], gmAvailable: false, busy: null };
  let conversationId: string | undefined;

  class HubPanel extends (Base as unknown as new (options?: Record<string, unknown>) => { render(o?: unknown): Promise<unknown>; rendered: boolean }) {
    static DEFAULT_OPTIONS = {
      id: 'ttrpg-hub-panel',
      classes: ['ttrpg-hub-panel'],
      tag: 'section',
      window: { title: 'TTRPG_HUB.panel.title', icon: 'fa-solid fa-dice-d20', resizable: true },
      position: { width: 460, height: 560 },
      actions: {
        tab: HubPanel.#tab,
        'post-hit': HubPanel.#postHit,
        'create-actor': HubPanel.#createActor,
        reconnect: () => void client.connect(),
      },
    };

    constructor(options?: Record<string, unknown>) {
      super(options);
      client.onStatus(() => this.rendered && void this.render());
      client.onGmStream((chunk) => {
        if (chunk.type === 'text') {
          const last = state.gm.at(-1);
          if (last?.role === 'assistant') last.text += chunk.delta;
          else state.gm.push({ role: 'assistant', text: chunk.delta });
        } else if (chunk.type === 'tool_result') state.gm.push({ role: 'tool', text: `${chunk.name}: ${chunk.summary}` });
        else if (chunk.type === 'error') state.gm.push({ role: 'error', text: chunk.message });
        else if (chunk.type === 'start' || chunk.type === 'done') conversationId = chunk.conversationId;
        if (this.rendered) void this.render();
      });
    }

    async _renderHTML(): Promise<string> {
      state.gmAvailable = (await client.tools()).includes('ask_game_master');
      const body = (() => {
        switch (state.tab) {
          case 'rules':
            return `<form class="ttrpg-hub-search" data-form="search"><input name="query" type="search" placeholder="How does grappling work?" required><button type="submit">Search</button></form>${searchResults(state.hits, state.searchNote)}`;
          case 'notes':
            return `${notesList(state.sessionName, state.notes)}<form data-form="note"><input name="note" placeholder="Add a note" required><button type="submit">Add</button></form>`;
          case 'npcs':
            return (
              `<form data-form="npc"><input name="role" placeholder="role (e.g. guard)"><input name="level" type="number" min="1" max="20" value="1"><button type="submit">Generate NPC</button>` +
              `<button type="button" data-action="tab" data-tab="npcs" data-load="campaign">Campaign NPCs &amp; characters</button></form>` +
              state.npcs.map((n, i) => npcCard(n.npc, env.game.user.isGM ? i : null)).join('')
            );
          case 'gm':
            return state.gmAvailable
              ? `${gmTranscript(state.gm)}<form data-form="gm"><textarea name="message" placeholder="Ask the game master" required></textarea><button type="submit">Ask</button></form>`
              : '<p class="ttrpg-hub-empty">This hub has no AI game master yet.</p>';
          default:
            return `<button type="button" data-action="reconnect">Reconnect</button><ol class="ttrpg-hub-log">${client.notifier.log
              .slice(-8)
              .map((l) => `<li class="${l.level}">${escapeHtml(l.message)}</li>`)
              .join('')}</ol>`;
        }
      })();
      return `${statusLight(client.status)}${tabs(state.tab, state.gmAvailable)}${state.busy ? `<p class="ttrpg-hub-busy">${state.busy}</p>` : ''}<div class="ttrpg-hub-body">${body}</div>`;
    }

    _replaceHTML(result: string, content: HTMLElement): void {
      content.innerHTML = result;
      for (const form of Array.from(content.querySelectorAll<HTMLFormElement>('form[data-form]'))) {
        form.addEventListener('submit', (event) => {
          event.preventDefault();
          void this.#submit(form.dataset.form!, new FormData(form));
        });
      }
    }

    async #submit(kind: string, data: FormData): Promise<void> {
      const text = (name: string) => String(data.get(name) ?? '').trim();
      state.busy = 'Working...';
      await this.render();
      try {
        if (kind === 'search') {
          const reply = await client.call('search', { query: text('query').slice(0, 500), maxResults: 5 });
          if (reply.ok) [state.hits, state.searchNote] = [reply.value.results, reply.value.note];
          else client.notifier.say('error', reply.error.message);
        } else if (kind === 'note') {
          const reply = await client.call('add_session_note', { campaignId: client.status.campaignId, note: text('note').slice(0, 2000) });
          if (!reply.ok) client.notifier.say('error', reply.error.message);
          await loadNotes();
        } else if (kind === 'npc') {
          const level = Math.max(1, Math.min(20, Number(text('level')) || 1));
          const save = env.game.user.isGM;
          const reply = await client.call('generate_npc', { ...(text('role') ? { role: text('role') } : {}), level, save, campaignId: client.status.campaignId ?? undefined });
          if (reply.ok) state.npcs.unshift({ npc: reply.value.npc, hubId: reply.value.savedAs ? `npcs:${reply.value.savedAs}` : `generated:${reply.value.npc.name}`, kind: 'npc' });
          else client.notifier.say('error', reply.error.message);
        } else if (kind === 'gm') {
          state.gm.push({ role: 'user', text: text('message') });
          await this.render();
          const reply = await client.askGameMaster(text('message').slice(0, 4000), conversationId);
          if (!reply.ok && reply.error.code !== 'CANCELLED') state.gm.push({ role: 'error', text: reply.error.message });
          else if (reply.ok && !state.gm.some((x, i) => i > 0 && x.role === 'assistant')) state.gm.push({ role: 'assistant', text: reply.value.answer });
        }
      } finally {
        state.busy = null;
        await this.render();
      }
    }

    static async #tab(this: HubPanel, _event: Event, target: HTMLElement): Promise<void> {
      state.tab = (target.dataset.tab as PanelTab) ?? 'status';
      if (state.tab === 'notes') await loadNotes();
      if (target.dataset.load === 'campaign') await loadCampaignActors();
      await this.render();
    }

    static async #postHit(this: HubPanel, _event: Event, target: HTMLElement): Promise<void> {
      const hit = state.hits[Number(target.dataset.index)];
      if (hit) await env.ChatMessage.create({ content: ruleCard(hit), speaker: { alias: 'Rules' }, flags: { [MODULE_ID]: { fromHub: true } } });
    }

    static async #createActor(this: HubPanel, _event: Event, target: HTMLElement): Promise<void> {
      const entry = state.npcs[Number(target.dataset.index)];
      if (!entry) return;
      let data: Record<string, unknown>;
      if (entry.kind === 'character') {
        const sheet = parseCharacter(entry.npc);
        if (!sheet.ok) return void client.notifier.say('error', `This character is not a full sheet (${sheet.message}): re-import it in the hub`);
        data = characterActorData(sheet.sheet, entry.hubId, env.game.system.id, actorTypes());
      } else {
        const block = statBlockOf(entry.npc, entry.hubId);
        if (!block) return void client.notifier.say('error', 'This NPC has no name: nothing to create');
        data = npcActorData(block, entry.hubId, env.game.system.id, actorTypes());
      }
      const { created } = await upsertActor({ env, actorTypes }, data);
      client.notifier.say('info', `${created ? 'Created' : 'Updated'} the actor ${String(data.name)}`);
    }
  }

  async function loadNotes(): Promise<void> {
    const reply = await client.call('get_session', { campaignId: client.status.campaignId });
    state.sessionName = reply.ok ? (reply.value.session?.name ?? null) : null;
    state.notes = reply.ok ? (reply.value.session?.notes ?? []) : [];
  }

  async function loadCampaignActors(): Promise<void> {
    const reply = await client.call('get_campaign', { campaignId: client.status.campaignId });
    if (!reply.ok) return void client.notifier.say('error', reply.error.message);
    const data = reply.value.campaign.data as Record<string, { id: string }[]>;
    state.npcs = [
      ...(data.characters ?? []).map((c) => ({ npc: c as unknown as NpcView & Record<string, unknown>, hubId: `characters:${c.id}`, kind: 'character' as const })),
      ...(data.npcs ?? []).map((n) => ({ npc: n as unknown as NpcView & Record<string, unknown>, hubId: `npcs:${n.id}`, kind: 'npc' as const })),
    ];
  }

  return HubPanel;
}
