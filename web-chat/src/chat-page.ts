import { byId, h, setError, show } from './dom.js';
import { renderMarkdown } from './markdown.js';
import type { HubClient } from './hub-client.js';
import { completeToolCard, fillToolCard, pendingToolCard } from './tool-cards.js';
import type { AiProvider, AiProviders, AiUsage, CampaignSummary, Conversation, ConversationSummary, GmStreamChunk, HubStatus, Usage } from './types.js';

/** The game master chat: settings, the conversation as it streams, the conversation list and usage. */
export class ChatPage {
  private providers: AiProviders | null = null;
  private conversationId: string | null = null;
  private running: { requestId: string } | null = null;
  private wired = false;

  constructor(
    private readonly client: HubClient,
    private readonly status: HubStatus,
  ) {}

  async open(): Promise<void> {
    if (!this.wired) this.wire();
    this.wired = true;
    await Promise.all([this.loadCampaigns(), this.loadProviders(), this.loadConversations(), this.loadUsage()]);
    byId('message').focus();
  }

  private wire(): void {
    byId('chat-provider').addEventListener('change', () => this.showModels());
    byId('chat-campaign').addEventListener('change', () => {
      this.newConversation();
      void this.loadConversations();
    });
    byId('composer').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.send();
    });
    byId<HTMLTextAreaElement>('message').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        byId<HTMLFormElement>('composer').requestSubmit();
      }
    });
    byId('cancel').addEventListener('click', () => this.running && this.client.cancel(this.running.requestId));
    // Escape stops a running answer from anywhere in the chat, as the Stop button does.
    byId('chat-view').addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.running) this.client.cancel(this.running.requestId);
    });
    byId('new-conversation').addEventListener('click', () => this.newConversation());
    byId('key-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const key = byId<HTMLInputElement>('api-key').value.trim();
      if (key) void this.saveKey(key);
      else byId('key-status').textContent = 'Paste a key first (or use "Remove my key").';
    });
    byId('remove-key').addEventListener('click', () => void this.saveKey(null));
  }

  private async loadCampaigns(): Promise<void> {
    const listed = await this.client.tool<{ campaigns: CampaignSummary[] }>('list_campaigns');
    if (!listed.ok) return;
    const select = byId<HTMLSelectElement>('chat-campaign');
    const keep = select.value || (this.status.you.campaignId ?? '');
    select.replaceChildren(h('option', { value: '' }, 'No campaign'), ...listed.value.campaigns.map((c) => h('option', { value: c.id }, `${c.name} (${c.system})`)));
    select.value = listed.value.campaigns.some((c) => c.id === keep) ? keep : '';
  }

  private async loadProviders(): Promise<void> {
    const listed = await this.client.providers();
    const hint = byId('setup-hint');
    if (!listed.ok) {
      this.providers = null;
      hint.textContent = listed.error.code === 'UNKNOWN_TOOL' ? 'This hub has no AI game master yet: update ttrpg-hub to chat.' : listed.error.message;
      show(hint, true);
      // Nothing on the hub would answer: keep the composer from waiting forever.
      byId<HTMLButtonElement>('send').disabled = listed.error.code === 'UNKNOWN_TOOL';
      this.showModels();
      return;
    }
    this.providers = listed.value;
    hint.textContent = listed.value.setupHint ?? '';
    show(hint, !!listed.value.setupHint);
    const select = byId<HTMLSelectElement>('chat-provider');
    const keep = select.value || listed.value.defaultProvider || '';
    select.replaceChildren(...listed.value.providers.map((p) => h('option', { value: p.id }, `${p.label}${p.configured || p.hasUserKey ? '' : ' (needs a key)'}${p.healthy ? '' : ' (failing)'}`)));
    if (listed.value.providers.some((p) => p.id === keep)) select.value = keep;
    this.showModels();
  }

  private provider(): AiProvider | undefined {
    const id = byId<HTMLSelectElement>('chat-provider').value;
    return this.providers?.providers.find((p) => p.id === id);
  }

  private showModels(models?: string[]): void {
    const provider = this.provider();
    const select = byId<HTMLSelectElement>('chat-model');
    const list = models ?? provider?.models ?? [];
    const keep = select.value;
    select.replaceChildren(...list.map((m) => h('option', { value: m }, m)));
    select.value = list.includes(keep) ? keep : (provider?.defaultModel && list.includes(provider.defaultModel) ? provider.defaultModel : (list[0] ?? ''));
    select.disabled = !list.length;
    byId('key-status').textContent = provider ? (provider.hasUserKey ? `Your own key for ${provider.label} is stored.` : provider.configured ? `${provider.label} works with the hub's key; add yours to use your own account.` : `${provider.label} needs a key.`) : '';
    show(byId('key-box'), !!provider);
  }

  private async saveKey(apiKey: string | null): Promise<void> {
    const provider = this.provider();
    const field = byId<HTMLInputElement>('api-key');
    // Write-only: the field is cleared whatever happens, and the hub never sends a key back.
    field.value = '';
    if (!provider) return;
    byId('key-status').textContent = apiKey ? `Checking the key with ${provider.label}…` : 'Removing your key…';
    const saved = await this.client.tool<{ provider: string; stored: boolean; models: string[] }>('set_ai_key', { provider: provider.id, apiKey });
    if (!saved.ok) {
      byId('key-status').textContent = saved.error.message;
      return;
    }
    await this.loadProviders();
    byId('key-status').textContent = saved.value.stored ? `Key saved for ${provider.label}: ${saved.value.models.length} models available.` : `Your key for ${provider.label} is removed.`;
  }

  private async loadConversations(): Promise<void> {
    const campaignId = byId<HTMLSelectElement>('chat-campaign').value;
    const listed = await this.client.tool<{ conversations: ConversationSummary[] }>('list_conversations', campaignId ? { campaignId } : {});
    const list = byId('conversations');
    if (!listed.ok) return void list.replaceChildren();
    list.replaceChildren(
      ...listed.value.conversations.map((c) =>
        h('li', {}, h('button', { type: 'button', class: `conversation${c.id === this.conversationId ? ' selected' : ''}`, 'aria-current': c.id === this.conversationId ? 'true' : null, 'data-id': c.id, onclick: () => void this.openConversation(c.id) }, c.title || 'Untitled', h('span', { class: 'hint small' }, ` · ${c.messageCount} messages`))),
      ),
    );
  }

  private async loadUsage(): Promise<void> {
    const usage = await this.client.tool<AiUsage>('get_ai_usage');
    const box = byId('usage');
    if (!usage.ok) return void box.replaceChildren(h('dd', { class: 'hint' }, 'No usage recorded.'));
    const money = (n: number | null) => (n === null ? 'no limit' : `$${n.toFixed(n < 1 ? 4 : 2)}`);
    const { user, hub, limits } = usage.value;
    const rows: [string, string][] = [
      ['You today', `${money(user.todayUsd)}${limits.userDailyUsd !== null ? ` of ${money(limits.userDailyUsd)}` : ''}`],
      ['You this month', `${money(user.monthUsd)}${limits.userMonthlyUsd !== null ? ` of ${money(limits.userMonthlyUsd)}` : ''}`],
      ['Requests', `${user.requests} (${user.inputTokens} in / ${user.outputTokens} out tokens)`],
    ];
    if (hub) rows.push(['Hub today', `${money(hub.todayUsd)}${limits.dailyUsd !== null ? ` of ${money(limits.dailyUsd)}` : ''}`], ['Hub this month', `${money(hub.monthUsd)}${limits.monthlyUsd !== null ? ` of ${money(limits.monthlyUsd)}` : ''}`]);
    box.replaceChildren(...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  }

  private newConversation(): void {
    this.conversationId = null;
    byId('messages').replaceChildren();
    void this.loadConversations();
    byId('message').focus();
  }

  private async openConversation(id: string): Promise<void> {
    const found = await this.client.tool<Conversation>('get_conversation', { conversationId: id });
    if (!found.ok) return setError(byId('chat-error'), found.error.message);
    this.conversationId = id;
    byId('messages').replaceChildren(
      ...found.value.messages.map((m) => {
        const li = message(m.role);
        const parts = li.querySelector('.parts')!;
        for (const call of m.toolCalls ?? []) parts.append(completeToolCard(call));
        parts.append(h('div', { class: 'text' }, m.role === 'assistant' ? renderMarkdown(m.text) : m.text));
        return li;
      }),
    );
    await this.loadConversations();
  }

  private async send(): Promise<void> {
    const field = byId<HTMLTextAreaElement>('message');
    const text = field.value.trim();
    if (!text || this.running) return;
    setError(byId('chat-error'), null);
    field.value = '';
    const log = byId('messages');
    const mine = message('user');
    mine.querySelector('.parts')!.append(h('div', { class: 'text' }, text));
    const answer = message('assistant');
    answer.setAttribute('aria-busy', 'true');
    log.append(mine, answer);
    const view = new StreamingAnswer(answer.querySelector<HTMLElement>('.parts')!);
    const campaignId = byId<HTMLSelectElement>('chat-campaign').value;
    const provider = byId<HTMLSelectElement>('chat-provider').value;
    const model = byId<HTMLSelectElement>('chat-model').value;
    const { requestId, done } = this.client.ask(
      { message: text, ...(campaignId ? { campaignId } : {}), ...(this.conversationId ? { conversationId: this.conversationId } : {}), ...(provider ? { provider } : {}), ...(model ? { model } : {}) },
      (chunk) => view.apply(chunk),
    );
    this.running = { requestId };
    show(byId('cancel'), true);
    byId<HTMLButtonElement>('send').disabled = true;
    const reply = await done.catch((error: Error) => ({ ok: false as const, error: { code: 'UNAVAILABLE', message: error.message } }));
    this.running = null;
    show(byId('cancel'), false);
    byId<HTMLButtonElement>('send').disabled = false;
    answer.removeAttribute('aria-busy');
    if (reply.ok) {
      this.conversationId = reply.value.conversationId;
      view.finish(reply.value.answer, reply.value.usage, `${reply.value.provider} · ${reply.value.model}`);
    } else {
      view.fail(failureText(reply.error));
    }
    field.focus();
    await Promise.all([this.loadConversations(), this.loadUsage()]);
  }
}

const failureText = (error: { code: string; message: string }) => (error.code === 'CANCELLED' ? 'Stopped.' : error.message);

function message(role: 'user' | 'assistant'): HTMLElement {
  return h('li', { class: `message ${role}` }, h('div', { class: 'who' }, role === 'user' ? 'You' : 'Game master'), h('div', { class: 'parts' }));
}

/** Draws one answer as its chunks arrive: text appended in place, a card per tool call filled on its result. */
class StreamingAnswer {
  private text: Text | null = null;
  private readonly cards = new Map<string, HTMLElement>();
  private streamed = '';

  constructor(private readonly parts: HTMLElement) {}

  apply(chunk: GmStreamChunk): void {
    switch (chunk.type) {
      case 'text':
        if (!this.text) {
          this.text = document.createTextNode('');
          this.parts.append(h('div', { class: 'text' }, this.text));
        }
        this.text.appendData(chunk.delta);
        this.streamed += chunk.delta;
        break;
      case 'tool_call': {
        const card = pendingToolCard(chunk);
        this.cards.set(chunk.callId, card);
        this.parts.append(card);
        this.text = null; // text after a tool call starts a new paragraph below its card
        break;
      }
      case 'tool_result': {
        const card = this.cards.get(chunk.callId) ?? this.parts.appendChild(pendingToolCard({ callId: chunk.callId, name: chunk.name, input: null }));
        fillToolCard(card, chunk);
        break;
      }
      case 'error':
        this.fail(failureText(chunk));
        break;
      default:
        break;
    }
  }

  finish(answer: string, usage: Usage, via: string): void {
    // If the stream was cut short (or never arrived), the final answer is what counts.
    if (answer && answer.trim() !== this.streamed.trim()) {
      this.parts.querySelectorAll('.text').forEach((t) => t.remove());
      this.parts.append(h('div', { class: 'text' }, answer));
    }
    // Streamed as plain text; formatted once complete, so half a **marker** never flickers.
    this.parts.querySelectorAll('.text').forEach((t) => t.replaceChildren(renderMarkdown(t.textContent ?? '')));
    const cost = usage.costUsd === null ? 'cost unknown' : `$${usage.costUsd.toFixed(4)}`;
    this.parts.append(h('div', { class: 'meta hint small' }, `${via} · ${usage.inputTokens} in / ${usage.outputTokens} out tokens · ${cost}`));
  }

  fail(reason: string): void {
    if (this.parts.querySelector('.failure')) return;
    this.parts.append(h('div', { class: 'failure error', role: 'alert' }, reason));
  }
}
