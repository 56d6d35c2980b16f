import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LlmFailure, silentLogger, type RoutedEvent } from '../../src/core/index.js';
import { createLlmRouter, type RouterEntry } from '../../src/llm/llm-router.js';
import { createAnthropicProvider } from '../../src/llm/providers/anthropic-provider.js';
import { createOpenAiProvider } from '../../src/llm/providers/openai-provider.js';
import { startAnthropicStandIn, startOpenAiStandIn, type LlmStandIn } from '../helpers/llm-standins.js';

let anthropic: LlmStandIn;
let openai: LlmStandIn;
beforeAll(async () => {
  anthropic = await startAnthropicStandIn();
  openai = await startOpenAiStandIn();
});
afterAll(async () => {
  await anthropic.close();
  await openai.close();
});

function router(options: { fallback?: string[]; retries?: number; idleTimeoutMs?: number; threshold?: number } = {}) {
  const entries: RouterEntry[] = [
    {
      descriptor: { id: 'anthropic', kind: 'anthropic', label: 'Anthropic', baseUrl: anthropic.url, configured: true, models: [], defaultModel: 'claude-test-1' },
      hubKey: 'sk-ant',
      create: (key) => createAnthropicProvider({ id: 'anthropic', apiKey: key ?? '', baseUrl: anthropic.url }),
    },
    {
      descriptor: { id: 'local', kind: 'openai', label: 'Local server', baseUrl: openai.url, configured: true, models: [], defaultModel: 'gpt-test' },
      hubKey: '',
      create: (key) => createOpenAiProvider({ id: 'local', ...(key ? { apiKey: key } : {}), baseUrl: openai.url }),
    },
  ];
  return createLlmRouter({
    entries,
    defaultProvider: 'anthropic',
    fallback: options.fallback ?? [],
    pricing: { models: { 'claude-test-1': { input: 3, output: 15 } } },
    logger: silentLogger,
    retries: options.retries ?? 2,
    idleTimeoutMs: options.idleTimeoutMs ?? 10_000,
    backoffMs: 10,
    maxRetryWaitMs: 5_000,
    breaker: { threshold: options.threshold ?? 3, cooldownMs: 60_000 },
    setupHint: 'add a provider',
  });
}

async function run(r: ReturnType<typeof router>, signal = new AbortController().signal) {
  const events: RoutedEvent[] = [];
  for await (const e of r.stream({ keys: {}, system: 's', messages: [{ role: 'user', content: 'hi' }], tools: [], maxTokens: 100, signal })) events.push(e);
  return { events, text: events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join(''), routes: events.filter((e) => e.type === 'route') };
}

describe('the provider router', () => {
  it('waits as long as a 429 retry-after says, then succeeds on the same provider', async () => {
    const before = anthropic.requests.length;
    anthropic.script({ status: 429, retryAfter: 1, message: 'rate limited' }, { text: 'Second time lucky.' });
    const { text, routes } = await run(router());
    expect(text).toBe('Second time lucky.');
    const [first, second] = anthropic.requests.slice(before);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(routes.every((r) => r.type === 'route' && r.provider === 'anthropic')).toBe(true);
  });

  it('falls back to the next provider after a stream fails before anything was streamed', async () => {
    const beforeLocal = openai.requests.length;
    anthropic.script({ streamError: 'overloaded' }, { streamError: 'overloaded' }, { streamError: 'overloaded' });
    openai.script({ text: 'The local model answers.' });
    const { text, routes } = await run(router({ fallback: ['local'] }));
    expect(text).toBe('The local model answers.');
    expect(routes.at(-1)).toEqual({ type: 'route', provider: 'local', model: 'gpt-test' });
    expect(openai.requests.length).toBe(beforeLocal + 1);
  });

  it('does not switch provider once part of the answer has streamed', async () => {
    const beforeLocal = openai.requests.length;
    anthropic.script({ streamError: 'overloaded', text: 'The ancient dragon' });
    const failure = await run(router({ fallback: ['local'] })).catch((e) => e);
    expect(failure).toBeInstanceOf(LlmFailure);
    expect(failure.message).toMatch(/already arrived/);
    expect(openai.requests.length).toBe(beforeLocal);
  });

  it('does not retry a refused key, and says what every provider answered when all fail', async () => {
    anthropic.script({ status: 401, message: 'invalid x-api-key' });
    openai.script({ status: 500 }, { status: 500 }, { status: 500 });
    const failure = await run(router({ fallback: ['local'] })).catch((e) => e);
    expect(failure).toMatchObject({ kind: 'unavailable' });
    expect(failure.message).toMatch(/No AI provider could answer.*anthropic answered HTTP 401: invalid x-api-key.*local answered HTTP 500/);
  });

  it('opens the circuit breaker after repeated failures and skips the provider until it cools down', async () => {
    const r = router({ retries: 0, threshold: 2 });
    anthropic.script({ status: 503 }, { status: 503 });
    await run(r).catch(() => {});
    await run(r).catch(() => {});
    expect(r.healthy('anthropic')).toBe(false);
    const before = anthropic.requests.length;
    const failure = await run(r).catch((e) => e);
    expect(failure.message).toMatch(/skipped, it failed repeatedly/);
    expect(anthropic.requests.length).toBe(before);
  });

  it('treats a provider that goes silent as a timeout and retries it', async () => {
    anthropic.script({ hang: true }, { text: 'Back again.' });
    const { text } = await run(router({ idleTimeoutMs: 300 }));
    expect(text).toBe('Back again.');
  });

  it('prices usage from the table and says so when a model has no price', () => {
    const r = router();
    expect(r.cost('anthropic', 'claude-test-1', { inputTokens: 1_000_000, outputTokens: 100_000 })).toBe(4.5);
    expect(r.cost('local', 'gpt-test', { inputTokens: 10, outputTokens: 10 })).toBeNull();
  });
});
