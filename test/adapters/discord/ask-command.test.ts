import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandPayload, opt, startDiscordStandIn } from '../../helpers/discord-standin.js';
import { startAnthropicStandIn, type LlmStandIn } from '../../helpers/llm-standins.js';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';
import { commandDefinitions } from '../../../src/adapters/discord/command-router.js';

let discord: Awaited<ReturnType<typeof startDiscordStandIn>>;
let llm: LlmStandIn;
let hub: TestHub;

beforeAll(async () => {
  discord = await startDiscordStandIn();
  llm = await startAnthropicStandIn();
  hub = await startTestHub({
    discord: { publicKey: discord.publicKeyHex, apiUrl: discord.apiUrl, deferAfterMs: 0 },
    ai: { provider: 'anthropic', anthropic: { apiKey: 'sk-ant-hub', baseUrl: llm.url, defaultModel: 'claude-test-1' } },
  });
});
afterAll(async () => {
  await hub.close();
  await discord.close();
  await llm.close();
});

async function send(payload: unknown) {
  const body = JSON.stringify(payload);
  const res = await fetch(`${hub.url}/discord/interactions`, { method: 'POST', headers: { 'content-type': 'application/json', ...discord.sign(body) }, body });
  return { status: res.status, body: (await res.json()) as any };
}

describe('/ask on Discord', () => {
  it('is registered with a required question option', () => {
    const ask = commandDefinitions(hub.core.registry).find((c) => c.name === 'ask');
    expect(ask?.options).toEqual([expect.objectContaining({ name: 'question', type: 3, required: true })]);
  });

  it('defers, streams the answer by edits of the reply, and ends with the dice and the model', async () => {
    llm.script(
      { text: 'Rolling for Kara.', toolCalls: [{ name: 'roll_dice', input: { expression: '1d20+4 # stealth' } }] },
      (body) => {
        const result = body.messages.at(-1).content[0].content as string;
        return { text: `Kara sneaks past the guards. The hub rolled ${result}. `.repeat(3), pieceDelayMs: 120 };
      },
    );
    const start = discord.calls.length;
    const { body } = await send(commandPayload('ask', [opt('question', 'Roll stealth for Kara')], { userId: '901' }));
    expect(body.type).toBe(5); // "thinking..."
    const final = await discord.waitFor((c) => c.method === 'PATCH' && c.body?.embeds?.[0]?.footer !== undefined, 'the final edit');
    const edits = discord.calls.slice(start).filter((c) => c.method === 'PATCH');
    expect(edits.length).toBeGreaterThanOrEqual(2); // streamed, not only the final answer
    expect(edits[0]!.body.embeds[0].description).toMatch(/▌$/);
    const embed = final.body.embeds[0];
    expect(embed.title).toBe('🧙 Roll stealth for Kara');
    expect(embed.fields[0].value).toMatch(/^🎲 stealth: 1d20\+4: \[\d+\]\+4 = \d+/);
    const total = /= (\d+)/.exec(embed.fields[0].value)![1];
    expect(embed.description).toContain(`= ${total}`);
    expect(embed.description).not.toContain('▌');
    expect(embed.footer.text).toMatch(/^anthropic · claude-test-1/);
    expect(final).toBe(edits.at(-1)); // no stale stream edit after the final one
  });

  it('answers a failure privately, with the hub\'s message', async () => {
    llm.script({ status: 400, message: 'prompt is too long' });
    const start = discord.calls.length;
    await send(commandPayload('ask', [opt('question', 'x')], { userId: '902' }));
    const edit = await discord.waitFor((c) => discord.calls.indexOf(c) >= start && c.method === 'PATCH', 'the error edit');
    expect(edit.body.content).toMatch(/^❌ No AI provider could answer.*prompt is too long/);
  });
});
