import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerActor } from '../../../src/core/access/actor.js';
import type { GmStreamChunk } from '../../../src/core/index.js';
import { startAnthropicStandIn, type LlmStandIn } from '../../helpers/llm-standins.js';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';

const FIRST_THOUGHT = 'Kara has +5 stealth; the guards are distracted';
const LAST_THOUGHT = 'Both rolls beat the passive perception';

let anthropic: LlmStandIn;
let hub: TestHub;
let campaignId: string;

beforeAll(async () => {
  anthropic = await startAnthropicStandIn();
  hub = await startTestHub({ ai: { provider: 'anthropic', retries: 0, maxToolRounds: 3, anthropic: { apiKey: 'sk-ant-hub', baseUrl: anthropic.url } } });
  campaignId = (await hub.api('create_campaign', { name: 'Thinking Keep', system: 'D&D 5e' })).body.value.campaign.id;
});
afterAll(async () => {
  await hub.close();
  await anthropic.close();
});

/** Asks as the owner straight through the core, keeping every chunk the user would see. */
async function ask(message: string, conversationId?: string) {
  const chunks: GmStreamChunk[] = [];
  const result = await hub.core.deps.gameMaster!.ask(
    { message, ...(conversationId ? { conversationId } : {}) },
    { actor: ownerActor(), campaignId, signal: new AbortController().signal, requestId: 'q1', emit: (c) => chunks.push(c) },
  );
  return { result, chunks };
}

const thinkingOf = (message: any) => (Array.isArray(message.content) ? message.content.filter((b: any) => b.type === 'thinking' || b.type === 'redacted_thinking') : []);

describe('the game master loop on a thinking model (Claude Sonnet 5.5)', () => {
  it('defaults to claude-sonnet-5-5', async () => {
    anthropic.script({ text: 'Hello.' });
    const { result } = await ask('Hi');
    expect(result.ok && result.value.model).toBe('claude-sonnet-5-5');
    expect(anthropic.requests.at(-1)!.body.model).toBe('claude-sonnet-5-5');
  });

  it('passes every thinking block back unchanged through a tool loop, and never shows the thinking', async () => {
    const before = anthropic.requests.length;
    anthropic.script(
      { thinking: [FIRST_THOUGHT], progress: ['Rolling stealth for Kara.'], toolCalls: [{ name: 'roll_dice', input: { expression: '1d20+5 # stealth' } }] },
      { thinking: [''], progress: [{ redacted: 'c2VjcmV0LXJlYXNvbmluZw==' }], toolCalls: [{ name: 'roll_dice', input: { expression: '1d20+5 # stealth again' } }] },
      { thinking: [LAST_THOUGHT], text: 'Kara slips past the guards.' },
    );
    const { result, chunks } = await ask('Can Kara sneak past the guards?');
    // The stand-in refuses (400) any continuation that lost or changed a block, or its prefix.
    if (!result.ok) expect.fail(result.error.message);
    expect(result.value.answer).toBe('Kara slips past the guards.');
    expect(result.value.toolCalls).toHaveLength(2);
    // The user sees text, tool calls and results, never a thought (not even the progress notes).
    const seen = JSON.stringify(chunks);
    for (const secret of [FIRST_THOUGHT, LAST_THOUGHT, 'Rolling stealth for Kara', 'c2VjcmV0']) expect(seen).not.toContain(secret);
    expect(chunks.filter((c) => c.type === 'text').map((c) => (c as { delta: string }).delta).join('')).toBe('Kara slips past the guards.');

    const [first, second, third] = anthropic.requests.slice(before).map((r) => r.body);
    expect(anthropic.requests.length - before).toBe(3);
    // Round 2 carries round 1's turn: thinking (with its signature), progress thinking, tool_use, in order.
    const turn1 = second.messages.at(-2);
    expect(turn1.content.map((b: any) => b.type)).toEqual(['thinking', 'thinking', 'tool_use']);
    expect(turn1.content[0]).toMatchObject({ thinking: FIRST_THOUGHT, signature: expect.stringMatching(/^EqQB/) });
    // Round 3 carries both turns unchanged; round 1's turn is byte for byte what round 2 sent.
    expect(third.messages.at(-4)).toEqual(turn1);
    expect(thinkingOf(third.messages.at(-2)).map((b: any) => b.type)).toEqual(['thinking', 'redacted_thinking']);
    // Same system and tools every round (the prefix the blocks are signed with); the last may call none.
    expect(second.system).toEqual(first.system);
    expect(third.system).toEqual(first.system);
    expect(third.tools).toEqual(first.tools);
    expect(first.tool_choice).toBeUndefined();
    expect(third.tool_choice).toEqual({ type: 'none' });
    for (const body of [first, second, third]) for (const key of ['temperature', 'top_p', 'top_k', 'thinking']) expect(body).not.toHaveProperty(key);
  });

  it('keeps thinking out of the stored conversation, and the next question sends none', async () => {
    anthropic.script({ thinking: [FIRST_THOUGHT], progress: [''], toolCalls: [{ name: 'roll_dice', input: { expression: '1d20' } }] }, { text: 'A 20!' });
    const { result } = await ask('Roll a d20');
    expect(result.ok).toBe(true);
    const conversationId = result.ok ? result.value.conversationId : '';
    const stored = (await hub.api('get_conversation', { conversationId })).body.value;
    expect(JSON.stringify(stored)).not.toMatch(/EqQB|thinking|Kara has/);

    anthropic.script({ text: 'Again: 12.' });
    const next = await ask('And again?', conversationId);
    expect(next.result.ok).toBe(true);
    const body = anthropic.requests.at(-1)!.body;
    expect(body.messages.flatMap(thinkingOf)).toEqual([]);
    expect(body.messages.map((m: any) => m.role)).toEqual(['user', 'assistant', 'user']);
  });
});
