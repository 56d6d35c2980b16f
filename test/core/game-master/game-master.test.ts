import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnthropicStandIn, startOpenAiStandIn, type LlmStandIn } from '../../helpers/llm-standins.js';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let anthropic: LlmStandIn;
let local: LlmStandIn;
let hub: TestHub;
let campaignId: string;

beforeAll(async () => {
  anthropic = await startAnthropicStandIn();
  local = await startOpenAiStandIn({ models: ['llama-test'] });
  const dir = mkdtempSync(join(tmpdir(), 'pricing-'));
  // A small context window for the local server, so trimming shows.
  writeFileSync(join(dir, 'pricing.yaml'), 'models:\n  local/*: { input: 0, output: 0, contextWindow: 12000 }\n');
  hub = await startTestHub({
    ai: {
      provider: 'anthropic',
      fallback: ['local'],
      retries: 0,
      pricingFile: join(dir, 'pricing.yaml'),
      anthropic: { apiKey: 'sk-ant-hub', baseUrl: anthropic.url, defaultModel: 'claude-test-1' },
      servers: [{ id: 'local', label: 'Local llama', baseUrl: local.url, models: ['llama-test'] }],
    },
  });
  campaignId = (await hub.api('create_campaign', { name: 'Fallback Keep', system: 'D&D 5e' })).body.value.campaign.id;
});
afterAll(async () => {
  await hub.close();
  await anthropic.close();
  await local.close();
});

describe('the game master loop', () => {
  it('falls back to the OpenAI-compatible server when Anthropic fails mid-stream before any text, and runs the tool loop there', async () => {
    const before = (await hub.api('get_ai_usage', {})).body.value.user;
    anthropic.script({ streamError: 'overloaded' });
    local.script({ toolCalls: [{ name: 'roll_dice', input: { expression: '2d6+3 # damage' }, id: 'call_dmg' }] }, (body) => ({
      text: `Damage: ${body.messages.find((m: any) => m.role === 'tool')?.content}`,
    }));
    const res = await hub.api('ask_game_master', { message: 'Roll damage for my greatsword', campaignId });
    expect(res.body.ok).toBe(true);
    expect(res.body.value).toMatchObject({ provider: 'local', model: 'llama-test' });
    const roll = res.body.value.toolCalls[0];
    expect(roll).toMatchObject({ callId: 'call_dmg', name: 'roll_dice', ok: true });
    // The second request to the local server answers the call by its id with the hub's roll.
    const tool = local.requests.at(-1)!.body.messages.find((m: any) => m.role === 'tool');
    expect(tool).toMatchObject({ tool_call_id: 'call_dmg' });
    expect(tool.content).toContain(`= ${roll.result.total}`);
    const assistant = local.requests.at(-1)!.body.messages.find((m: any) => m.role === 'assistant');
    expect(assistant.tool_calls[0]).toMatchObject({ id: 'call_dmg', function: { name: 'roll_dice' } });
    expect(JSON.parse(assistant.tool_calls[0].function.arguments)).toEqual({ expression: '2d6+3 # damage' });
    expect(roll.result.campaignId).toBe(campaignId); // the roll landed in the conversation's campaign
    expect(anthropic.requests).toHaveLength(1); // the second round stayed with the provider that answered
    // A free local model: cost 0, not unknown.
    expect(res.body.value.usage.costUsd).toBe(0);
    // The failed Anthropic attempt is recorded too: it reported its input tokens before failing.
    const after = (await hub.api('get_ai_usage', {})).body.value.user;
    expect(after.requests - before.requests).toBe(3);
    expect(after.inputTokens - before.inputTokens).toBe(300);
    expect(res.body.value.usage.inputTokens).toBe(300);
  });

  it('trims a long conversation to the model\'s context window, keeping the newest messages', async () => {
    let conversationId: string | undefined;
    const filler = 'The party argues about the map for a long while. '.repeat(40); // ~500 tokens a message
    for (let i = 0; i < 12; i++) {
      local.script({ text: `Answer ${i}` });
      const res = await hub.api('ask_game_master', { message: `Question ${i}: ${filler}`, campaignId, provider: 'local', ...(conversationId ? { conversationId } : {}) });
      expect(res.body.ok).toBe(true);
      conversationId = res.body.value.conversationId;
    }
    const sent = local.requests.at(-1)!.body.messages.filter((m: any) => m.role !== 'system');
    expect(sent.at(-1).content).toMatch(/^Question 11/);
    expect(sent.length).toBeLessThan(23); // not the whole history
    expect(sent.length).toBeGreaterThan(2); // but some of it
    expect(sent[0].role).toBe('user');
    expect(JSON.stringify(sent)).not.toContain('Question 0:');
    const stored = (await hub.api('get_conversation', { conversationId })).body.value;
    expect(stored.messages).toHaveLength(24); // storage keeps everything
  });

  it('bounds the tool loop: the last round offers no tools, so the model must answer', async () => {
    const before = local.requests.length;
    for (let i = 0; i < 7; i++) local.script({ toolCalls: [{ name: 'roll_dice', input: { expression: '1d4' } }] });
    local.script({ text: 'Enough rolling.' });
    const res = await hub.api('ask_game_master', { message: 'Roll forever', provider: 'local' });
    expect(res.body.value.answer).toMatch(/Enough rolling/);
    expect(res.body.value.toolCalls).toHaveLength(7);
    const requests = local.requests.slice(before);
    expect(requests).toHaveLength(8);
    expect(requests.at(-1)!.body.tools).toBeUndefined();
    expect(requests[0]!.body.tools.length).toBeGreaterThan(10);
  });
});
