import type { Result } from '../result.js';
import type { LlmChatRequest, LlmEvent, LlmProviderKind } from './llm-provider.js';

/** A provider the hub knows, as anyone may see it: never a key. */
export interface ProviderDescriptor {
  id: string;
  kind: LlmProviderKind;
  label: string;
  baseUrl: string;
  /** The hub itself has a key (or the server needs none). */
  configured: boolean;
  /** Models named in the configuration; the provider's own list comes from `listModels`. */
  models: string[];
  defaultModel: string | null;
}

export interface RoutedRequest extends Omit<LlmChatRequest, 'model'> {
  /** The user's choice; the configured default when absent. */
  provider?: string;
  model?: string;
  /** The caller's own API keys by provider id; each wins over the hub's key for that provider. */
  keys: Record<string, string>;
  /** Refuses a provider's request before it is sent (spending limits); a failure stops the whole request. */
  admit?: (provider: string, model: string) => Promise<Result<void>>;
}

/** The router says which provider and model answer, before their first event (again after a fallback). */
export type RoutedEvent = LlmEvent | { type: 'route'; provider: string; model: string };

/**
 * The providers behind one router: primary and fallbacks, retries, a circuit breaker per provider.
 * `stream` throws LlmFailure (kind 'unavailable' when every provider failed, with each one's reason).
 */
export interface LlmGateway {
  providers(): ProviderDescriptor[];
  defaultProvider(): string | null;
  /** False while the provider's circuit breaker is open. */
  healthy(providerId: string): boolean;
  /** The provider's models, with the given key (validating it) or the hub's. */
  listModels(providerId: string, apiKey?: string, signal?: AbortSignal): Promise<Result<string[]>>;
  stream(request: RoutedRequest): AsyncIterable<RoutedEvent>;
  /** US dollars for this usage from the pricing table; null when the model has no price. */
  cost(providerId: string, model: string, usage: { inputTokens: number; outputTokens: number }): number | null;
  /** The model's context window in tokens (from the pricing table, else a cautious default). */
  contextWindow(providerId: string, model: string): number;
  /** How to add a provider, when none is configured. */
  setupHint(): string | null;
}
