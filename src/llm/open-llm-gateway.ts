import { isAbsolute, join, resolve } from 'node:path';
import type { HubConfig } from '../config/config-schema.js';
import type { GameMasterSettings, Logger } from '../core/index.js';
import { packageRoot } from '../package-root.js';
import { createLlmRouter, type RouterEntry } from './llm-router.js';
import { loadPricing } from './pricing.js';
import { createAnthropicProvider } from './providers/anthropic-provider.js';
import { createOpenAiProvider } from './providers/openai-provider.js';

export const AI_SETUP_HINT =
  'No AI provider is configured: set ANTHROPIC_API_KEY or OPENAI_API_KEY (or OPENAI_BASE_URL=http://127.0.0.1:11434/v1 for a local Ollama) and restart the hub, or enter your own key in the chat (set_ai_key).';

/**
 * The game master's settings from the configuration: Anthropic and OpenAI as each SDK names its
 * variables, further OpenAI-compatible servers, the pricing table and the spending limits.
 */
export function openGameMasterSettings(config: HubConfig, logger: Logger): GameMasterSettings {
  const ai = config.ai;
  const timeoutMs = ai.timeoutMs;
  const entries: RouterEntry[] = [
    {
      descriptor: {
        id: 'anthropic',
        kind: 'anthropic',
        label: 'Anthropic',
        baseUrl: ai.anthropic.baseUrl ?? 'https://api.anthropic.com',
        configured: ai.anthropic.apiKey !== undefined,
        models: ai.anthropic.models.length ? ai.anthropic.models : [ai.anthropic.defaultModel],
        defaultModel: ai.anthropic.defaultModel,
      },
      hubKey: ai.anthropic.apiKey,
      create: (apiKey) => createAnthropicProvider({ id: 'anthropic', apiKey: apiKey ?? '', ...(ai.anthropic.baseUrl ? { baseUrl: ai.anthropic.baseUrl } : {}), timeoutMs }),
    },
    {
      descriptor: {
        id: 'openai',
        kind: 'openai',
        label: ai.openai.baseUrl ? `OpenAI-compatible (${new URL(ai.openai.baseUrl).host})` : 'OpenAI',
        baseUrl: ai.openai.baseUrl ?? 'https://api.openai.com/v1',
        // A local server at OPENAI_BASE_URL usually needs no key.
        configured: ai.openai.apiKey !== undefined || ai.openai.baseUrl !== undefined,
        models: ai.openai.models.length ? ai.openai.models : [ai.openai.defaultModel],
        defaultModel: ai.openai.defaultModel,
      },
      hubKey: ai.openai.apiKey ?? (ai.openai.baseUrl ? '' : undefined),
      create: (apiKey) => createOpenAiProvider({ id: 'openai', ...(apiKey ? { apiKey } : {}), ...(ai.openai.baseUrl ? { baseUrl: ai.openai.baseUrl } : {}), timeoutMs }),
    },
    ...ai.servers.map(
      (s): RouterEntry => ({
        descriptor: { id: s.id, kind: 'openai', label: s.label, baseUrl: s.baseUrl, configured: true, models: s.models, defaultModel: s.models[0] ?? null },
        hubKey: s.apiKey ?? '',
        create: (apiKey) => createOpenAiProvider({ id: s.id, ...(apiKey || s.apiKey ? { apiKey: apiKey || s.apiKey } : {}), baseUrl: s.baseUrl, timeoutMs }),
      }),
    ),
  ];
  const ids = entries.map((e) => e.descriptor.id);
  if (new Set(ids).size !== ids.length) throw new Error(`ai.servers: ids must be unique and not "anthropic" or "openai" (got ${ids.join(', ')})`);
  for (const id of [ai.provider, ...ai.fallback]) {
    if (id !== undefined && !ids.includes(id)) throw new Error(`AI provider "${id}" (AI_PROVIDER / AI_FALLBACK) is not configured: expected one of ${ids.join(', ')}`);
  }
  const defaultProvider = ai.provider ?? entries.find((e) => e.hubKey !== undefined)?.descriptor.id ?? null;
  if (defaultProvider && ai.model) {
    const entry = entries.find((e) => e.descriptor.id === defaultProvider)!;
    entry.descriptor.defaultModel = ai.model;
    if (!entry.descriptor.models.includes(ai.model)) entry.descriptor.models = [ai.model, ...entry.descriptor.models];
  }
  const pricingFile = ai.pricingFile ? (isAbsolute(ai.pricingFile) ? ai.pricingFile : resolve(ai.pricingFile)) : join(packageRoot, 'config', 'pricing.yaml');
  const gateway = createLlmRouter({
    entries,
    defaultProvider,
    fallback: ai.fallback,
    pricing: loadPricing(pricingFile),
    logger: logger.child({ component: 'ai' }),
    retries: ai.retries,
    idleTimeoutMs: timeoutMs,
    backoffMs: 500,
    maxRetryWaitMs: 30_000,
    breaker: { threshold: 3, cooldownMs: 30_000 },
    setupHint: AI_SETUP_HINT,
  });
  const configured = entries.filter((e) => e.hubKey !== undefined).map((e) => e.descriptor.id);
  if (configured.length) logger.info({ component: 'ai', providers: configured, defaultProvider }, `AI game master: ${configured.join(', ')} (default ${defaultProvider})`);
  else logger.info({ component: 'ai' }, `AI game master without a hub provider (users may add their own keys). ${AI_SETUP_HINT}`);
  const l = ai.limits;
  return {
    gateway,
    limits: { dailyUsd: l.dailyUsd ?? null, monthlyUsd: l.monthlyUsd ?? null, userDailyUsd: l.userDailyUsd ?? null, userMonthlyUsd: l.userMonthlyUsd ?? null },
    maxToolRounds: ai.maxToolRounds,
    maxOutputTokens: ai.maxOutputTokens,
  };
}
