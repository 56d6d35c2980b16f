import type { Actor } from '../access/actor.js';
import type { Clock } from '../ports/clock.js';
import type { Random } from '../ports/random.js';
import type { Store } from '../ports/store.js';
import { fail, ok, type Result } from '../result.js';
import type { Conversation, ConversationMessage, ConversationSummary } from './gm-schemas.js';

const MAX_MESSAGES = 400;
const MAX_CONVERSATIONS = 200;
const convKey = (id: string) => `gm:conversation:${id}`;
const indexKey = (ownerId: string) => `gm:conversations:${ownerId}`;

/**
 * Conversations per user and campaign. Each conversation is one key; each user has an index key.
 * The conversation is written first, so a crash between the two leaves a conversation the next
 * append re-lists; an index entry whose conversation is gone is skipped when listing.
 */
export class ConversationStore {
  constructor(private readonly deps: { store: Store; clock: Clock; random: Random }) {}

  /** The actor's own conversation; another user's is NOT_FOUND (no hint that it exists). */
  async get(id: string, actor: Actor): Promise<Result<Conversation>> {
    const conv = await this.deps.store.get<Conversation>(convKey(id));
    if (!conv || conv.ownerId !== actor.id) return fail('NOT_FOUND', `Conversation "${id}" does not exist (list_conversations shows yours)`, { field: 'conversationId' });
    return ok(conv);
  }

  async list(actor: Actor, campaignId?: string): Promise<ConversationSummary[]> {
    const index = (await this.deps.store.get<ConversationSummary[]>(indexKey(actor.id))) ?? [];
    return index.filter((c) => campaignId === undefined || c.campaignId === campaignId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** A new conversation's id and title, not yet stored (stored with its first exchange). */
  draft(actor: Actor, campaignId: string | null, firstMessage: string): Conversation {
    const now = this.deps.clock.now().toISOString();
    const title = firstMessage.replace(/\s+/g, ' ').trim().slice(0, 60) + (firstMessage.length > 60 ? '…' : '');
    return { id: `conv_${this.deps.random.id()}`, ownerId: actor.id, campaignId, title, createdAt: now, updatedAt: now, messages: [] };
  }

  /** Appends one exchange atomically (another process may append to the same conversation). */
  async append(draft: Conversation, messages: ConversationMessage[]): Promise<Conversation> {
    const now = this.deps.clock.now().toISOString();
    const stored = (await this.deps.store.update<Conversation>(convKey(draft.id), (current) => {
      const base = current ?? draft;
      return { ...base, updatedAt: now, messages: [...base.messages, ...messages].slice(-MAX_MESSAGES) };
    }))!;
    const summary: ConversationSummary = { id: stored.id, title: stored.title, campaignId: stored.campaignId, updatedAt: now, messageCount: stored.messages.length };
    await this.deps.store.update<ConversationSummary[]>(indexKey(stored.ownerId), (index = []) => [summary, ...index.filter((c) => c.id !== stored.id)].slice(0, MAX_CONVERSATIONS));
    return stored;
  }
}
