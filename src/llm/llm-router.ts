import {
  fail,
  LlmFailure,
  ok,
  type LlmGateway,
  type LlmProvider,
  type Logger,
  type ProviderDescriptor,
  type Result,
  type RoutedEvent,
  type RoutedRequest,
} from '../core/index.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { costOf, findPrice, type PricingTable } from './pricing.js';

/** A provider the router may use: how it is described, and how to make a client for a key. */
export interface RouterEntry {
  descriptor: ProviderDescriptor;
  /** The hub's own key (or a placeholder for key-less local servers); undefined when only user keys work. */
  hubKey: string | undefined;
  create(apiKey: string | undefined): LlmProvider;
}

export interface RouterOptions {
  entries: RouterEntry[];
  defaultProvider: string | null;
  /** Tried in this order after the chosen provider. */
  fallback: string[];
  pricing: PricingTable;
  logger: Logger;
  /** Extra attempts on one provider after a retryable failure. */
  retries: number;
  /** No event for this long ends the attempt as a timeout. */
  idleTimeoutMs: number;
  /** First backoff; doubles per attempt, with jitter. */
  backoffMs: number;
  /** A retry-after longer than this sends the request to the next provider instead of waiting. */
  maxRetryWaitMs: number;
  breaker: { threshold: number; cooldownMs: number };
  setupHint: string;
}

const DEFAULT_CONTEXT = 8192;
const MODEL_CACHE_MS = 10 * 60_000;

/**
 * The gateway behind the game master: the user's provider first, then the fallback order; retries with
 * backoff on 429/5xx/timeouts honouring retry-after; one circuit breaker per provider. A failure after
 * part of the answer streamed is not retried elsewhere: the user already saw that text, and a second
 * provider would start a different answer (and tools may already have been called).
 */
export function createLlmRouter(options: RouterOptions): LlmGateway {
  const byId = new Map(options.entries.map((e) => [e.descriptor.id, e]));
  const breakers = new Map(options.entries.map((e) => [e.descriptor.id, new CircuitBreaker(options.breaker)]));
  const hubClients = new Map<string, LlmProvider>();
  const modelCache = new Map<string, { at: number; models: string[] }>();
  const client = (entry: RouterEntry, userKey: string | undefined) => {
    if (userKey) return entry.create(userKey);
    let c = hubClients.get(entry.descriptor.id);
    if (!c) hubClients.set(entry.descriptor.id, (c = entry.create(entry.hubKey)));
    return c;
  };

  async function* stream(request: RoutedRequest): AsyncIterable<RoutedEvent> {
    const primary = request.provider ?? options.defaultProvider ?? undefined;
    if (primary !== undefined && !byId.has(primary)) throw new LlmFailure('bad_request', `There is no AI provider "${primary}": expected one of ${[...byId.keys()].join(', ')}`);
    const order = [...new Set([primary, ...options.fallback, ...byId.keys()].filter((id): id is string => id !== undefined))].filter(
      (id) => byId.has(id) && (request.keys[id] !== undefined || byId.get(id)!.hubKey !== undefined),
    );
    // Without an explicit fallback list only the chosen provider answers: switching silently to another
    // (paid) provider is the user's decision.
    const candidates = options.fallback.length || !primary ? order : order.filter((id) => id === primary);
    if (!candidates.length) throw new LlmFailure('unavailable', primary ? `AI provider "${primary}" has no API key: add one in the chat (set_ai_key) or ask the hub owner. ${options.setupHint}` : options.setupHint);

    const failures: string[] = [];
    for (const id of candidates) {
      const entry = byId.get(id)!;
      const breaker = breakers.get(id)!;
      const model = id === primary && request.model ? request.model : entry.descriptor.defaultModel;
      if (!model) {
        failures.push(`${entry.descriptor.label}: no model chosen (set AI_MODEL or pick one)`);
        continue;
      }
      for (let attempt = 0; ; attempt++) {
        if (!breaker.allow()) {
          failures.push(`${entry.descriptor.label}: skipped, it failed repeatedly (next try in ${Math.ceil(breaker.retryInMs / 1000)} s)`);
          break;
        }
        const attemptController = new AbortController();
        const onAbort = () => attemptController.abort();
        request.signal.addEventListener('abort', onAbort, { once: true });
        let timedOut = false;
        let timer: NodeJS.Timeout | undefined;
        const arm = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            timedOut = true;
            attemptController.abort();
          }, options.idleTimeoutMs);
        };
        let streamed = false;
        try {
          yield { type: 'route', provider: id, model };
          arm();
          const provider = client(entry, request.keys[id]);
          for await (const event of provider.chat({ ...request, model, signal: attemptController.signal })) {
            // Every event re-arms the idle timer, 'thinking' too (a model may reason a while before its
            // first word), but only text or a tool call makes the attempt too far along to retry elsewhere.
            arm();
            if (event.type === 'text' || event.type.startsWith('tool_call')) streamed = true;
            yield event;
          }
          breaker.success();
          return;
        } catch (error) {
          if (request.signal.aborted) throw new LlmFailure('cancelled', 'The request was cancelled');
          const failure = timedOut
            ? new LlmFailure('timeout', `${entry.descriptor.label} sent nothing for ${options.idleTimeoutMs / 1000} s`, { provider: id })
            : error instanceof LlmFailure
              ? error
              : new LlmFailure('server', `${entry.descriptor.label} failed: ${(error as Error).message}`, { provider: id });
          if (failure.retryable) breaker.failure();
          options.logger.warn({ provider: id, model, kind: failure.kind, status: failure.extra.status, attempt, streamed }, 'AI provider request failed');
          if (streamed) throw new LlmFailure(failure.kind, `${failure.message} (part of the answer had already arrived, so the hub did not switch provider; ask again)`, failure.extra);
          const wait = failure.extra.retryAfterMs ?? options.backoffMs * 2 ** attempt * (0.75 + Math.random() / 2);
          if (failure.retryable && attempt < options.retries && wait <= options.maxRetryWaitMs) {
            await sleep(wait, request.signal);
            continue;
          }
          failures.push(failure.message);
          break;
        } finally {
          clearTimeout(timer);
          request.signal.removeEventListener('abort', onAbort);
        }
      }
    }
    throw new LlmFailure('unavailable', `No AI provider could answer. ${failures.join('; ')}`);
  }

  return {
    providers: () => options.entries.map((e) => e.descriptor),
    defaultProvider: () => options.defaultProvider,
    healthy: (id) => breakers.get(id)?.healthy ?? false,
    async listModels(id, apiKey, signal): Promise<Result<string[]>> {
      const entry = byId.get(id);
      if (!entry) return fail('NOT_FOUND', `There is no AI provider "${id}": expected one of ${[...byId.keys()].join(', ')}`, { field: 'provider' });
      if (!apiKey && entry.hubKey === undefined) return fail('STATE', `${entry.descriptor.label} has no hub key: give your own`, { field: 'apiKey' });
      // The hub key's list is kept for a while: the chat page asks for it on every visit.
      const cached = apiKey ? undefined : modelCache.get(id);
      if (cached && Date.now() - cached.at < MODEL_CACHE_MS) return ok(cached.models);
      try {
        const models = await client(entry, apiKey).listModels(signal);
        if (!apiKey) modelCache.set(id, { at: Date.now(), models });
        return ok(models);
      } catch (error) {
        const f = error instanceof LlmFailure ? error : new LlmFailure('server', (error as Error).message);
        if (f.kind === 'auth') return fail('VALIDATION', `${entry.descriptor.label} refused the key: ${f.message}`, { field: 'apiKey' });
        return fail('UNAVAILABLE', `${entry.descriptor.label} could not be asked for its models: ${f.message}`);
      }
    },
    stream,
    cost: (id, model, usage) => costOf(findPrice(options.pricing, id, model), usage),
    contextWindow: (id, model) => findPrice(options.pricing, id, model)?.contextWindow ?? DEFAULT_CONTEXT,
    setupHint: () => (options.entries.some((e) => e.hubKey !== undefined) ? null : options.setupHint),
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new LlmFailure('cancelled', 'The request was cancelled'));
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new LlmFailure('cancelled', 'The request was cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
