import { z } from 'zod';
import type { CoreDeps } from '../core-deps.js';
import type { GameMaster } from '../game-master/game-master.js';
import {
  AiLimitsSchema,
  AskInputShape,
  AskOutputSchema,
  ConversationMessageSchema,
  ConversationSummarySchema,
  UsageTotalsSchema,
} from '../game-master/gm-schemas.js';
import { defineTool } from '../registry/define-tool.js';
import { fail, ok, type Result } from '../result.js';

const NO_AI =
  'The AI game master is not set up on this hub: set ANTHROPIC_API_KEY or OPENAI_API_KEY (or OPENAI_BASE_URL for a local Ollama / LM Studio server) and restart';

function gm(deps: CoreDeps): Result<GameMaster> {
  return deps.gameMaster ? ok(deps.gameMaster) : fail('UNAVAILABLE', NO_AI);
}

export const askGameMaster = defineTool({
  name: 'ask_game_master',
  title: 'Ask the AI game master',
  description:
    'Ask the AI game master anything about the game: rules (answered from your books with book and page), dice (rolled by the hub, ' +
    'seen by the table), initiative, hit points, NPCs, the campaign. It acts through the hub\'s tools with your own permissions. ' +
    'Continue a conversation with conversationId; choose provider and model (list_ai_providers).',
  input: z.object(AskInputShape),
  output: AskOutputSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  access: 'player',
  campaign: 'optional',
  async run(input, { deps, actor, campaignId, signal, stream }) {
    const master = gm(deps);
    if (!master.ok) return master;
    return master.value.ask(input, { actor, campaignId, signal, requestId: deps.random.id(), emit: stream });
  },
  format: (out) =>
    [out.answer, ...out.toolCalls.map((c) => `[${c.name}] ${c.summary}`), `(${out.provider} ${out.model}${out.usage.costUsd !== null ? `, $${out.usage.costUsd.toFixed(4)}` : ''})`].join('\n'),
});

const ProviderSchema = z.object({
  id: z.string(),
  kind: z.enum(['anthropic', 'openai']),
  label: z.string(),
  baseUrl: z.string(),
  configured: z.boolean().describe('The hub has a key (or the server needs none)'),
  hasUserKey: z.boolean().describe('You stored your own key (set_ai_key)'),
  healthy: z.boolean().describe('False while the provider is failing and being skipped'),
  models: z.array(z.string()),
  defaultModel: z.string().nullable(),
});

export const listAiProviders = defineTool({
  name: 'list_ai_providers',
  title: 'List AI providers',
  description: 'The AI providers the game master can use, their models and health, and whether you or the hub have a key. Never shows a key.',
  input: z.object({}),
  output: z.object({ defaultProvider: z.string().nullable(), providers: z.array(ProviderSchema), setupHint: z.string().nullable() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  access: 'viewer',
  campaign: 'none',
  async run(_input, { deps, actor, signal }) {
    if (!deps.gameMaster) return ok({ defaultProvider: null, providers: [], setupHint: NO_AI });
    const { gateway } = deps.gameMaster.settings;
    const userKeys = await deps.gameMaster.keys.open(actor.id);
    const providers = await Promise.all(
      gateway.providers().map(async (p) => {
        const hasUserKey = userKeys[p.id] !== undefined;
        let models = p.models;
        if (p.configured || hasUserKey) {
          // The provider's own list where it offers one; a slow or failing provider keeps the configured list.
          const listed = await gateway.listModels(p.id, userKeys[p.id], AbortSignal.any([signal, AbortSignal.timeout(5000)]));
          if (listed.ok && listed.value.length) models = listed.value;
        }
        return { ...p, hasUserKey, healthy: gateway.healthy(p.id), models };
      }),
    );
    const usable = providers.some((p) => p.configured || p.hasUserKey);
    return ok({ defaultProvider: gateway.defaultProvider(), providers, setupHint: usable ? null : gateway.setupHint() });
  },
  format: (out) =>
    out.setupHint ??
    out.providers.map((p) => `${p.id === out.defaultProvider ? '* ' : '  '}${p.label} (${p.id}): ${p.configured ? 'hub key' : p.hasUserKey ? 'your key' : 'no key'}, ${p.healthy ? 'healthy' : 'failing'}, ${p.models.length} models`).join('\n'),
});

export const setAiKey = defineTool({
  name: 'set_ai_key',
  title: 'Set your AI provider key',
  description: 'Store your own API key for an AI provider (checked with the provider first, encrypted at rest, never shown again); null removes it. Your key wins over the hub\'s for your questions.',
  input: z.object({
    provider: z.string().min(1).max(40).describe('Provider id from list_ai_providers'),
    apiKey: z.string().trim().min(8, 'expected the whole API key').max(400).nullable().describe('The key, or null to remove yours'),
  }),
  output: z.object({ provider: z.string(), stored: z.boolean(), models: z.array(z.string()) }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  access: 'player',
  campaign: 'none',
  async run(input, { deps, actor, signal }) {
    const master = gm(deps);
    if (!master.ok) return master;
    const { gateway } = master.value.settings;
    if (!gateway.providers().some((p) => p.id === input.provider))
      return fail('NOT_FOUND', `There is no AI provider "${input.provider}": expected one of ${gateway.providers().map((p) => p.id).join(', ')}`, { field: 'provider' });
    if (input.apiKey === null) {
      await master.value.keys.set(actor.id, input.provider, null);
      return ok({ provider: input.provider, stored: false, models: [] });
    }
    const models = await gateway.listModels(input.provider, input.apiKey, signal);
    if (!models.ok) return models;
    await master.value.keys.set(actor.id, input.provider, input.apiKey);
    return ok({ provider: input.provider, stored: true, models: models.value });
  },
  format: (out) => (out.stored ? `Key stored for ${out.provider} (${out.models.length} models available)` : `Your key for ${out.provider} is removed`),
});

export const listConversations = defineTool({
  name: 'list_conversations',
  title: 'List your AI conversations',
  description: 'Your conversations with the AI game master, newest first; optionally only those of one campaign.',
  input: z.object({ campaignId: z.string().min(1).max(64).optional() }),
  output: z.object({ conversations: z.array(ConversationSummarySchema) }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'player',
  campaign: 'none',
  async run(input, { deps, actor }) {
    const master = gm(deps);
    if (!master.ok) return master;
    return ok({ conversations: await master.value.conversations.list(actor, input.campaignId) });
  },
  format: (out) => out.conversations.map((c) => `${c.id}: ${c.title} (${c.messageCount} messages, ${c.updatedAt})`).join('\n') || 'No conversations yet.',
});

export const getConversation = defineTool({
  name: 'get_conversation',
  title: 'Get an AI conversation',
  description: 'One of your conversations with the AI game master, with the tool calls it made.',
  input: z.object({ conversationId: z.string().min(1).max(64) }),
  output: z.object({ id: z.string(), title: z.string(), campaignId: z.string().nullable(), messages: z.array(ConversationMessageSchema) }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'player',
  campaign: 'none',
  async run(input, { deps, actor }) {
    const master = gm(deps);
    if (!master.ok) return master;
    const conv = await master.value.conversations.get(input.conversationId, actor);
    if (!conv.ok) return conv;
    const { id, title, campaignId, messages } = conv.value;
    return ok({ id, title, campaignId, messages });
  },
  format: (out) => out.messages.map((m) => `${m.role}: ${m.text}`).join('\n\n'),
});

export const getAiUsage = defineTool({
  name: 'get_ai_usage',
  title: 'AI usage and limits',
  description: 'What your AI game master questions cost today and this month (UTC), with the spending limits; the hub owner also sees the hub-wide totals.',
  input: z.object({}),
  output: z.object({ user: UsageTotalsSchema, hub: UsageTotalsSchema.optional(), limits: AiLimitsSchema }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'player',
  campaign: 'none',
  async run(_input, { deps, actor }) {
    const master = gm(deps);
    if (!master.ok) return master;
    const user = await master.value.usage.totals(actor.id);
    const hub = actor.kind === 'owner' ? await master.value.usage.totals('hub') : undefined;
    return ok({ user, ...(hub ? { hub } : {}), limits: master.value.settings.limits });
  },
  format: (out) => `Today $${out.user.todayUsd.toFixed(4)}, this month $${out.user.monthUsd.toFixed(4)} (${out.user.requests} requests)`,
});

export const aiTools = [askGameMaster, listAiProviders, setAiKey, listConversations, getConversation, getAiUsage];
