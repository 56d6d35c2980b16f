import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';
import { startAnthropicStandIn, type LlmStandIn } from '../helpers/llm-standins.js';

let hub: TestHub;
let standIn: LlmStandIn;
let campaignId: string;
let playerToken: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  standIn = await startAnthropicStandIn({ keys: ['sk-ant-hub'] });
  hub = await startTestHub({ ai: { provider: 'anthropic', anthropic: { apiKey: 'sk-ant-hub', baseUrl: standIn.url, defaultModel: 'claude-test-1' } } });
  campaignId = (await hub.api('create_campaign', { name: 'Ashes of Kor', system: 'D&D 5e', description: 'A heist in a volcanic city.' })).body.value.campaign.id;
  await hub.api('start_session', { campaignId, name: 'Session 1' });
  playerToken = (await hub.api('create_access_token', { campaignId, name: 'Alice', role: 'player' })).body.value.token;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await hub.close();
  await standIn.close();
});

async function client(token: string) {
  const socket = connect(hub.url, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  const received: { type: string; payload: any }[] = [];
  socket.onAny((type, payload) => received.push({ type, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    received,
    of: (type: string) => received.filter((e) => e.type === type).map((e) => e.payload),
    request: (event: string, payload: unknown, ms = 20_000) => socket.timeout(ms).emitWithAck(event, payload) as Promise<any>,
  };
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 250 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

/** The tool_result blocks the model received in a request. */
const toolResults = (body: any) => body.messages.flatMap((m: any) => (Array.isArray(m.content) ? m.content.filter((b: any) => b.type === 'tool_result') : []));

describe('the AI game master over sockets', () => {
  it('rolls dice through the hub: the model asks for roll_dice, dice.rolled fires, and the model gets the hub\'s result', async () => {
    const table = await client(OWNER_TOKEN);
    expect((await table.request('subscribe', { campaignId })).ok).toBe(true);
    const player = await client(playerToken);
    standIn.script(
      { text: 'Rolling your stealth check.', toolCalls: [{ name: 'roll_dice', input: { expression: '1d20+5 # stealth' } }] },
      (body) => ({ text: `The dice say: ${toolResults(body)[0]?.content ?? 'nothing'}` }),
    );
    const before = standIn.requests.length;
    const reply = await player.request('gm.ask', { requestId: 'r1', message: 'Roll stealth for me', campaignId });
    expect(reply.ok).toBe(true);

    // The table saw the roll as a normal hub event, made by the player.
    await until(() => table.of('dice.rolled').length >= 1, 'dice.rolled');
    const rolled = table.of('dice.rolled')[0];
    expect(rolled.actor.name).toBe('Alice');
    expect(rolled.rolls[0].label).toBe('stealth');
    const total = rolled.rolls[0].total;

    // The stand-in's second request carried exactly the hub's roll.
    const second = standIn.requests[before + 1]!.body;
    const [result] = toolResults(second);
    expect(result.is_error).toBe(false);
    expect(result.content).toContain(rolled.rolls[0].breakdown);
    expect(result.content).toContain(`= ${total}`);
    // The campaign context was in the system prompt, and the tools offered were the hub's (minus the GM's own).
    const first = standIn.requests[before]!.body;
    expect(first.system).toContain('Ashes of Kor');
    expect(first.system).toMatch(/roll_dice/);
    const offered = first.tools.map((t: any) => t.name);
    expect(offered).toContain('roll_dice');
    expect(offered).not.toContain('ask_game_master');
    expect(offered).not.toContain('delete_campaign'); // a GM tool: the player may not use it

    // The answer streamed to the asking socket in order, and the ack carries the whole answer.
    const chunks = player.of('gm.stream');
    expect(chunks.every((c) => c.requestId === 'r1')).toBe(true);
    const types = chunks.map((c) => c.type);
    expect(types[0]).toBe('start');
    expect(types.at(-1)).toBe('done');
    expect(types.indexOf('tool_call')).toBeLessThan(types.indexOf('tool_result'));
    const toolResult = chunks.find((c) => c.type === 'tool_result');
    expect(toolResult.result.rolls[0].total).toBe(total);
    expect(reply.value.toolCalls[0]).toMatchObject({ name: 'roll_dice', ok: true });
    expect(reply.value.answer).toContain(`= ${total}`);
    expect(reply.value.usage.inputTokens).toBeGreaterThan(0);
    expect(table.of('gm.stream')).toEqual([]); // only the asker gets the stream

    // The conversation is stored for the player, and the next question carries it.
    const convs = await hub.api('list_conversations', {}, playerToken);
    expect(convs.body.value.conversations[0]).toMatchObject({ id: reply.value.conversationId, campaignId, messageCount: 2 });
    standIn.script({ text: 'You rolled well.' });
    const again = await player.request('gm.ask', { requestId: 'r2', message: 'Was that good?', campaignId, conversationId: reply.value.conversationId });
    expect(again.ok).toBe(true);
    const history = standIn.requests.at(-1)!.body.messages;
    expect(history[0]).toEqual({ role: 'user', content: 'Roll stealth for me' });
    expect(history.at(-1)).toEqual({ role: 'user', content: 'Was that good?' });
    // Another user cannot read it.
    expect((await hub.api('get_conversation', { conversationId: reply.value.conversationId })).body.error.code).toBe('NOT_FOUND');
  });

  it('feeds a refused tool call back to the model: the player\'s chat cannot do what the player cannot', async () => {
    const player = await client(playerToken);
    standIn.script({ toolCalls: [{ name: 'update_campaign', input: { campaignId, name: 'Renamed by the AI' } }] }, { text: 'I may not rename it.' });
    const reply = await player.request('gm.ask', { requestId: 'r3', message: 'Rename the campaign', campaignId });
    expect(reply.ok).toBe(true);
    expect(reply.value.toolCalls[0]).toMatchObject({ name: 'update_campaign', ok: false, result: { code: 'FORBIDDEN' } });
    expect(toolResults(standIn.requests.at(-1)!.body)[0]).toMatchObject({ is_error: true });
    expect((await hub.api('get_campaign', { campaignId })).body.value.campaign.name).toBe('Ashes of Kor');
  });

  it('cancels on gm.cancel: the provider stream is aborted and the ack says CANCELLED', async () => {
    const player = await client(playerToken);
    standIn.script({ hang: true });
    const pending = player.request('gm.ask', { requestId: 'r4', message: 'Tell me a long story', campaignId });
    await until(() => player.of('gm.stream').some((c) => c.requestId === 'r4' && c.type === 'start'), 'the request to reach the provider');
    expect((await player.request('gm.cancel', { requestId: 'r4' })).value.cancelled).toBe(true);
    const reply = await pending;
    expect(reply).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(player.of('gm.stream').filter((c) => c.requestId === 'r4').at(-1)).toMatchObject({ type: 'error', code: 'CANCELLED' });
  });

  it('lists the providers without any key, and refuses bad input naming the field', async () => {
    const list = await hub.api('list_ai_providers', {}, playerToken);
    expect(list.body.value.defaultProvider).toBe('anthropic');
    const anthropic = list.body.value.providers.find((p: any) => p.id === 'anthropic');
    expect(anthropic).toMatchObject({ configured: true, hasUserKey: false, healthy: true, models: standIn.models });
    expect(JSON.stringify(list.body)).not.toContain('sk-ant-hub');
    const player = await client(playerToken);
    expect(await player.request('gm.ask', { message: 'hi' })).toMatchObject({ ok: false, error: { field: 'requestId' } });
    expect(await player.request('gm.ask', { requestId: 'r5', message: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'message' } });
    expect(await player.request('gm.ask', { requestId: 'r6', message: 'hi', provider: 'skynet' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'provider' } });
  });
});
