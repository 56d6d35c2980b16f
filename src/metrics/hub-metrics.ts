import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { LatencyHistogram } from './latency-histogram.js';
import { LlmFailure, type EventBus, type LlmGateway, type Store, type ToolRegistry, type Unsubscribe } from '../core/index.js';

/**
 * The hub's Prometheus metrics, one registry per hub (no process-wide singleton, so tests and
 * several hubs in one process never mix their figures). Instruments by wrapping the ports and the
 * tool registry at the composition root: the core knows nothing about metrics.
 */
export class HubMetrics {
  readonly registry = new Registry();
  readonly #toolCalls = new Counter({ name: 'ttrpg_hub_tool_calls_total', help: 'Tool calls by tool and outcome (ok or the error code)', labelNames: ['tool', 'outcome'], registers: [this.registry] });
  readonly #toolLatency = new LatencyHistogram('ttrpg_hub_tool_call_duration_seconds', 'Tool call latency by tool and outcome', ['tool', 'outcome'], [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10], this.registry);
  readonly #storeLatency = new LatencyHistogram('ttrpg_hub_store_operation_duration_seconds', 'Store latency by operation', ['operation', 'outcome'], [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1], this.registry);
  readonly #events = new Counter({ name: 'ttrpg_hub_events_published_total', help: 'Hub events published to adapters and sockets, by type', labelNames: ['type'], registers: [this.registry] });
  readonly #ingestions = new Counter({ name: 'ttrpg_hub_ingestions_total', help: 'Rules library ingestions that ended, by outcome', labelNames: ['outcome'], registers: [this.registry] });
  readonly #llmRequests = new Counter({ name: 'ttrpg_hub_llm_requests_total', help: 'AI provider requests by provider, model and outcome (ok or the failure kind)', labelNames: ['provider', 'model', 'outcome'], registers: [this.registry] });
  readonly #llmTokens = new Counter({ name: 'ttrpg_hub_llm_tokens_total', help: 'Tokens the AI providers reported, by provider, model and direction', labelNames: ['provider', 'model', 'direction'], registers: [this.registry] });
  readonly #llmCost = new Counter({ name: 'ttrpg_hub_llm_cost_usd_total', help: 'AI spending in US dollars from the pricing table, by provider and model', labelNames: ['provider', 'model'], registers: [this.registry] });
  #readConnections: () => number = () => 0;
  readonly #sockets: Gauge = new Gauge({
    name: 'ttrpg_hub_socket_connections',
    help: 'Open socket.io connections on this process',
    registers: [this.registry],
    collect: (): void => this.#sockets.set(this.#readConnections()),
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'ttrpg_hub_' });
  }

  // prom-client hashes a label object on every observation; the hot paths (every tool call and store
  // operation) keep the labelled series they use instead.
  readonly #toolCallsOf = new Series((tool, outcome) => this.#toolCalls.labels(tool!, outcome!));

  /** A registry that times and counts every call, whichever transport made it. */
  instrumentRegistry(inner: ToolRegistry): ToolRegistry {
    return {
      ...inner,
      call: async (name, input, options) => {
        const started = performance.now();
        const result = await inner.call(name, input, options);
        // Unknown names would let any caller grow the label set without bound.
        const tool = inner.get(name) ? name : 'unknown';
        const outcome = result.ok ? 'ok' : result.error.code;
        this.#toolLatency.series(tool, outcome).observe((performance.now() - started) / 1000);
        this.#toolCallsOf.get(tool, outcome).inc();
        return result;
      },
    };
  }

  /** The AI providers' router, counting each request's outcome, its reported tokens and their cost. */
  instrumentGateway(inner: LlmGateway): LlmGateway {
    const metrics = this;
    return {
      ...inner,
      async *stream(request) {
        let route = { provider: request.provider ?? inner.defaultProvider() ?? 'unknown', model: request.model ?? 'default' };
        let usage = { inputTokens: 0, outputTokens: 0 };
        // One route (a provider after retries or a fallback) is one request for the figures.
        const settle = (outcome: string) => {
          metrics.#llmRequests.inc({ ...route, outcome });
          metrics.#llmTokens.inc({ ...route, direction: 'input' }, usage.inputTokens);
          metrics.#llmTokens.inc({ ...route, direction: 'output' }, usage.outputTokens);
          const cost = inner.cost(route.provider, route.model, usage);
          if (cost) metrics.#llmCost.inc(route, cost);
          usage = { inputTokens: 0, outputTokens: 0 };
        };
        let routed = false;
        // A consumer that stops reading (a cancelled question) ends the generator without an error: counted as cancelled.
        let outcome = 'cancelled';
        try {
          for await (const event of inner.stream(request)) {
            if (event.type === 'route') {
              if (routed) settle('fallback');
              route = { provider: event.provider, model: event.model };
              routed = true;
            } else if (event.type === 'usage') usage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens };
            yield event;
          }
          outcome = 'ok';
        } catch (error) {
          outcome = error instanceof LlmFailure ? error.kind : 'error';
          throw error;
        } finally {
          settle(outcome);
        }
      },
    };
  }

  /** The same store, with each operation timed. */
  instrumentStore(inner: Store): Store {
    const timed = async <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      let outcome = 'error';
      try {
        const value = await fn();
        outcome = 'ok';
        return value;
      } finally {
        this.#storeLatency.series(operation, outcome).observe((performance.now() - started) / 1000);
      }
    };
    return {
      kind: inner.kind,
      get: (key) => timed('get', () => inner.get(key)),
      set: (key, value) => timed('set', () => inner.set(key, value)),
      getMany: (keys) => timed('get_many', () => inner.getMany(keys)),
      setMany: (entries) => timed('set_many', () => inner.setMany(entries)),
      update: (key, change, options) => timed('update', () => inner.update(key, change, options)),
      delete: (key) => timed('delete', () => inner.delete(key)),
      deleteMany: (keys) => timed('delete_many', () => inner.deleteMany(keys)),
      entries: () => inner.entries(),
      ping: () => timed('ping', () => inner.ping()),
      close: () => inner.close(),
    };
  }

  /** Counts events as they are published, and ingestions as they end. */
  observeEvents(events: EventBus): Unsubscribe {
    return events.subscribe((event) => {
      this.#events.inc({ type: event.type });
      if (event.type === 'source.ingest_progress' && ['done', 'unchanged', 'failed', 'cancelled'].includes(event.phase)) this.#ingestions.inc({ outcome: event.phase });
    });
  }

  /** Reads the open-connection count whenever Prometheus scrapes. */
  countConnections(read: () => number): void {
    this.#readConnections = read;
  }
}

/** The labelled series of one metric, made once per combination of label values. */
class Series<T> {
  readonly #made = new Map<string, T>();
  constructor(private readonly make: (...values: string[]) => T) {}
  get(...values: string[]): T {
    const key = values.join('\u0000');
    let series = this.#made.get(key);
    if (series === undefined) this.#made.set(key, (series = this.make(...values)));
    return series;
  }
}
