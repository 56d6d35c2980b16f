import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LlmFailure, type LlmEvent, type LlmMessage, type LlmProvider, type LlmReplay } from '../../src/core/index.js';
import { createAnthropicProvider } from '../../src/llm/providers/anthropic-provider.js';
import { createOpenAiProvider } from '../../src/llm/providers/openai-provider.js';
import { startAnthropicStandIn, startOpenAiStandIn, type LlmStandIn } from '../helpers/llm-standins.js';

const tools = [{ name: 'roll_dice', description: 'Roll dice', inputSchema: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] } }];
const MODEL = 'claude-sonnet-5-5';
const SECRET = 'The goblin hides behind the second pillar';

async function collect(provider: LlmProvider, messages: LlmMessage[], extra: { model?: string; toolChoice?: 'auto' | 'none' } = {}) {
  const events: LlmEvent[] = [];
  for await (const e of provider.chat({ model: extra.model ?? MODEL, system: 'You are a GM.', messages, tools, maxTokens: 256, signal: new AbortController().signal, ...(extra.toolChoice ? { toolChoice: extra.toolChoice } : {}) }))
    events.push(e);
  return events;
}

/** One thinking tool turn and what a loop would send next: the turn, then its tool result. */
async function thinkingTurn(provider: LlmProvider, standIn: LlmStandIn) {
  standIn.script({
    thinking: [SECRET],
    text: 'Let me check.',
    progress: [{ redacted: 'cmVkYWN0ZWQ=' }, ''],
    toolCalls: [
      { name: 'roll_dice', input: { expression: '1d20+5 # stealth' }, id: 'toolu_a' },
      { name: 'roll_dice', input: { expression: '1d20+2 # perception' }, id: 'toolu_b' },
    ],
  });
  const user: LlmMessage = { role: 'user', content: 'Can Kara sneak past?' };
  const events = await collect(provider, [user]);
  const replay = (events.find((e) => e.type === 'replay') as { replay: LlmReplay } | undefined)?.replay;
  const calls = events.flatMap((e) => (e.type === 'tool_call_end' ? [{ id: e.id, name: e.name, input: e.input }] : []));
  const next: LlmMessage[] = [
    user,
    { role: 'assistant', content: 'Let me check.', toolCalls: calls, ...(replay ? { replay } : {}) },
    { role: 'tool', results: calls.map((c) => ({ callId: c.id, name: c.name, content: '= 17', isError: false })) },
  ];
  return { events, replay, next };
}

describe('Anthropic thinking models over the stand-in', () => {
  let standIn: LlmStandIn;
  let provider: LlmProvider;
  beforeAll(async () => {
    standIn = await startAnthropicStandIn();
    provider = createAnthropicProvider({ id: 'anthropic', apiKey: 'sk-ant-test', baseUrl: standIn.url });
  });
  afterAll(() => standIn.close());

  it('streams only text to the caller and hands back the whole turn, thinking and signatures in order', async () => {
    const { events, replay } = await thinkingTurn(provider, standIn);
    expect(events.filter((e) => e.type === 'text').map((e) => (e as { delta: string }).delta).join('')).toBe('Let me check.');
    expect(JSON.stringify(events.filter((e) => e.type !== 'replay'))).not.toContain('goblin');
    expect(events.filter((e) => e.type === 'thinking').length).toBeGreaterThan(3); // heartbeats while it thinks
    expect(replay).toMatchObject({ provider: 'anthropic', model: MODEL });
    const blocks = (replay!.data as { blocks: any[] }).blocks;
    expect(blocks.map((b) => b.type)).toEqual(['thinking', 'text', 'redacted_thinking', 'tool_use', 'thinking', 'tool_use']);
    expect(blocks[0]).toMatchObject({ thinking: SECRET, signature: expect.stringMatching(/^EqQB/) });
    expect(blocks[2]).toEqual({ type: 'redacted_thinking', data: 'cmVkYWN0ZWQ=' });
    expect(blocks[4]).toMatchObject({ thinking: '', signature: expect.stringMatching(/^EqQB/) }); // display "omitted": empty, still signed
    expect(blocks[5]).toEqual({ type: 'tool_use', id: 'toolu_b', name: 'roll_dice', input: { expression: '1d20+2 # perception' } });
    expect(events.at(-1)).toEqual({ type: 'stop', reason: 'tool_use' });
  });

  it('sends the turn back verbatim when the loop continues, and the stand-in accepts it', async () => {
    const { replay, next } = await thinkingTurn(provider, standIn);
    standIn.script({ text: 'Kara slips past.' });
    const events = await collect(provider, next);
    expect(events.at(-1)).toEqual({ type: 'stop', reason: 'end' });
    const sent = standIn.requests.at(-1)!.body.messages[1];
    expect(sent).toEqual({ role: 'assistant', content: (replay!.data as { blocks: unknown[] }).blocks });
  });

  it('is refused (400, as the real API) when the continuation drops or edits the thinking blocks', async () => {
    const { next } = await thinkingTurn(provider, standIn);
    const { replay: _dropped, ...bare } = next[1] as Extract<LlmMessage, { role: 'assistant' }>;
    const dropped = await collect(provider, [next[0]!, bare, next[2]!]).catch((e) => e);
    expect(dropped).toBeInstanceOf(LlmFailure);
    expect(dropped).toMatchObject({ kind: 'bad_request', extra: { status: 400 } });
    expect(dropped.message).toMatch(/Expected `thinking` or `redacted_thinking`/);

    const replay = (next[1] as { replay: LlmReplay }).replay;
    const blocks = structuredClone((replay.data as { blocks: any[] }).blocks);
    blocks[0].signature += 'x';
    const edited = await collect(provider, [next[0]!, { ...next[1]!, replay: { ...replay, data: { blocks } } } as LlmMessage, next[2]!]).catch((e) => e);
    expect(edited).toMatchObject({ kind: 'bad_request' });
    expect(edited.message).toMatch(/cannot be modified/);
  });

  it('keeps the tools listed with tool_choice none on a last round, so the signed prefix holds', async () => {
    const { next } = await thinkingTurn(provider, standIn);
    standIn.script({ text: 'That is all I can do.' });
    const events = await collect(provider, next, { toolChoice: 'none' });
    expect(events.at(-1)).toEqual({ type: 'stop', reason: 'end' });
    const body = standIn.requests.at(-1)!.body;
    expect(body.tool_choice).toEqual({ type: 'none' });
    expect(body.tools).toHaveLength(1);
    // Nothing a thinking model refuses: no sampling parameters, no thinking switch, no prefill.
    for (const key of ['temperature', 'top_p', 'top_k', 'thinking']) expect(body).not.toHaveProperty(key);
    expect(body.messages.at(-1).role).toBe('user');
  });

  it('drops the thinking when another model continues (the docs: strip it when switching models)', async () => {
    const { next } = await thinkingTurn(provider, standIn);
    standIn.script({ text: 'Switched.' });
    await collect(provider, next, { model: 'claude-haiku-4-5' });
    const sent = standIn.requests.at(-1)!.body.messages[1];
    expect(sent.content.map((b: any) => b.type)).toEqual(['text', 'tool_use', 'tool_use']);
  });
});

describe('the OpenAI path with the same conversation', () => {
  let standIn: LlmStandIn;
  beforeAll(async () => (standIn = await startOpenAiStandIn()));
  afterAll(() => standIn.close());

  it('ignores an Anthropic replay and still sends no tools on a last round', async () => {
    const provider = createOpenAiProvider({ id: 'openai', apiKey: 'sk-test', baseUrl: standIn.url });
    const replay: LlmReplay = { provider: 'anthropic', model: MODEL, data: { blocks: [{ type: 'thinking', thinking: SECRET, signature: 'EqQB' }] } };
    standIn.script({ text: 'Done.' });
    const messages: LlmMessage[] = [
      { role: 'user', content: 'Can Kara sneak past?' },
      { role: 'assistant', content: 'Let me check.', toolCalls: [{ id: 'call_1', name: 'roll_dice', input: { expression: '1d20' } }], replay },
      { role: 'tool', results: [{ callId: 'call_1', name: 'roll_dice', content: '= 17', isError: false }] },
    ];
    await collect(provider, messages, { model: 'gpt-test', toolChoice: 'none' });
    const body = standIn.requests.at(-1)!.body;
    expect(body.tools).toBeUndefined();
    expect(body.tool_choice).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain('goblin');
    expect(body.messages[2]).toEqual({ role: 'assistant', content: 'Let me check.', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'roll_dice', arguments: '{"expression":"1d20"}' } }] });
  });
});
