import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnthropicStandIn, type LlmStandIn } from '../helpers/llm-standins.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

const server = fileURLToPath(new URL('../helpers/tiny-mcp-server.mjs', import.meta.url));
let llm: LlmStandIn;
let hub: TestHub;
let campaignId: string;
let playerToken: string;
let gmToken: string;

beforeAll(async () => {
  llm = await startAnthropicStandIn();
  hub = await startTestHub({
    ai: {
      provider: 'anthropic',
      anthropic: { apiKey: 'sk-ant-hub', baseUrl: llm.url, defaultModel: 'claude-test-1' },
      mcpServers: [
        { id: 'weather', command: process.execPath, args: [server], env: { TINY_MARK: 'from-the-tiny-server' }, allowTools: ['forecast'], access: 'gm' },
        { id: 'broken', command: process.execPath, args: ['-e', 'process.exit(3)'], allowTools: ['*'] },
      ],
    },
  });
  await (hub.core.deps.gameMaster!.settings.external as unknown as { ready: Promise<void> }).ready;
  campaignId = (await hub.api('create_campaign', { name: 'Stormreach', system: 'D&D 5e' })).body.value.campaign.id;
  playerToken = (await hub.api('create_access_token', { campaignId, name: 'Pia', role: 'player' })).body.value.token;
  gmToken = (await hub.api('create_access_token', { campaignId, name: 'Gus', role: 'gm' })).body.value.token;
}, 30_000);
afterAll(async () => {
  await hub?.close();
  await llm.close();
});

describe('external MCP servers as game-master tools', () => {
  it('offers only allow-listed tools, namespaced, to the roles allowed, and runs them on the server', async () => {
    llm.script({ toolCalls: [{ name: 'weather__forecast', input: { city: 'Stormreach' } }] }, (body) => ({ text: `Forecast: ${body.messages.at(-1).content[0].content}` }));
    const res = await hub.api('ask_game_master', { message: 'What is the weather tomorrow?', campaignId }, gmToken);
    expect(res.body.ok).toBe(true);
    const offered = llm.requests.at(-2)!.body.tools.map((t: any) => t.name);
    expect(offered).toContain('weather__forecast');
    expect(offered).not.toContain('weather__wipe_everything');
    expect(offered.filter((n: string) => n.startsWith('broken__'))).toEqual([]); // a server that failed to start is left out
    expect(res.body.value.toolCalls[0]).toMatchObject({ name: 'weather__forecast', ok: true });
    expect(res.body.value.answer).toContain('Storm clouds over Stormreach; rain by nightfall (from-the-tiny-server)');
  });

  it('neither offers nor runs them for a role below the server\'s access, nor a tool off the allow-list', async () => {
    llm.script({ toolCalls: [{ name: 'weather__forecast', input: { city: 'X' } }, { name: 'weather__wipe_everything', input: {} }] }, { text: 'ok' });
    const res = await hub.api('ask_game_master', { message: 'Weather?', campaignId }, playerToken);
    const offered = llm.requests.at(-2)!.body.tools.map((t: any) => t.name);
    expect(offered.some((n: string) => n.startsWith('weather__'))).toBe(false);
    expect(res.body.value.toolCalls.map((c: any) => [c.name, c.ok, c.result.code])).toEqual([
      ['weather__forecast', false, 'FORBIDDEN'],
      ['weather__wipe_everything', false, 'UNKNOWN_TOOL'],
    ]);
  });
});
