import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LlmFailure, type LlmEvent, type LlmProvider } from '../../src/core/index.js';
import { createAnthropicProvider } from '../../src/llm/providers/anthropic-provider.js';
import { createOpenAiProvider } from '../../src/llm/providers/openai-provider.js';
import { startAnthropicStandIn, startOpenAiStandIn, type LlmStandIn } from '../helpers/llm-standins.js';

const tools = [{ name: 'roll_dice', description: 'Roll dice', inputSchema: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] } }];

async function collect(provider: LlmProvider, signal = new AbortController().signal) {
  const events: LlmEvent[] = [];
  for await (const e of provider.chat({ model: 'm-1', system: 'You are a GM.', messages: [{ role: 'user', content: 'Roll for me' }], tools, maxTokens: 256, signal })) events.push(e);
  return events;
}

const flavours = [
  ['anthropic', startAnthropicStandIn, (s: LlmStandIn) => createAnthropicProvider({ id: 'anthropic', apiKey: 'sk-ant-test', baseUrl: s.url })],
  ['openai', startOpenAiStandIn, (s: LlmStandIn) => createOpenAiProvider({ id: 'openai', apiKey: 'sk-test', baseUrl: s.url })],
] as const;

describe.each(flavours)('%s provider over its stand-in', (name, startStandIn, make) => {
  let standIn: LlmStandIn;
  let provider: LlmProvider;
  beforeAll(async () => {
    standIn = await startStandIn({ keys: name === 'anthropic' ? ['sk-ant-test'] : ['sk-test'] });
    provider = make(standIn);
  });
  afterAll(() => standIn.close());

  it('streams text, then a tool call with its arguments assembled from deltas, usage and the stop reason', async () => {
    standIn.script({ text: 'Let me roll that for you, adventurer.', toolCalls: [{ name: 'roll_dice', input: { expression: '1d20+5 # stealth' } }], usage: { input: 321, output: 45 } });
    const events = await collect(provider);
    const text = events.filter((e) => e.type === 'text').map((e) => (e as { delta: string }).delta);
    expect(text.length).toBeGreaterThan(1); // really streamed in pieces
    expect(text.join('')).toBe('Let me roll that for you, adventurer.');
    expect(events.filter((e) => e.type === 'tool_call_delta').length).toBeGreaterThan(1);
    expect(events.find((e) => e.type === 'tool_call_end')).toMatchObject({ name: 'roll_dice', input: { expression: '1d20+5 # stealth' } });
    expect(events.filter((e) => e.type === 'usage').at(-1)).toEqual({ type: 'usage', inputTokens: 321, outputTokens: 45 });
    expect(events.at(-1)).toEqual({ type: 'stop', reason: 'tool_use' });
    // What went over the wire: the system prompt, the tool's JSON Schema, streaming (with usage for OpenAI).
    const body = standIn.requests.at(-1)!.body;
    expect(body.stream).toBe(true);
    if (name === 'anthropic') {
      expect(body.system).toBe('You are a GM.');
      expect(body.tools[0]).toMatchObject({ name: 'roll_dice', input_schema: { required: ['expression'] } });
    } else {
      expect(body.messages[0]).toEqual({ role: 'system', content: 'You are a GM.' });
      expect(body.tools[0]).toMatchObject({ type: 'function', function: { name: 'roll_dice', parameters: { required: ['expression'] } } });
      expect(body.stream_options).toEqual({ include_usage: true });
    }
  });

  it('reports a 429 as a rate limit with the retry-after it was given, and a bad key as auth', async () => {
    standIn.script({ status: 429, retryAfter: 7, message: 'slow down' });
    const limited = await collect(provider).catch((e) => e);
    expect(limited).toBeInstanceOf(LlmFailure);
    expect(limited).toMatchObject({ kind: 'rate_limit', extra: { status: 429, retryAfterMs: 7000 } });
    expect(limited.message).toMatch(/slow down/);
    const bad = name === 'anthropic' ? createAnthropicProvider({ id: 'a', apiKey: 'wrong', baseUrl: standIn.url }) : createOpenAiProvider({ id: 'o', apiKey: 'wrong', baseUrl: standIn.url });
    await expect(bad.listModels()).rejects.toMatchObject({ kind: 'auth' });
  });

  it('turns an error event in the middle of the stream into a retryable failure', async () => {
    standIn.script({ streamError: 'overloaded' });
    const failure = await collect(provider).catch((e) => e);
    expect(failure).toBeInstanceOf(LlmFailure);
    expect(failure.retryable).toBe(true);
  });

  it('lists the models with a valid key', async () => {
    expect(await provider.listModels()).toEqual(standIn.models);
  });

  it('stops a hanging stream when the signal aborts', async () => {
    standIn.script({ hang: true });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(collect(provider, controller.signal)).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
