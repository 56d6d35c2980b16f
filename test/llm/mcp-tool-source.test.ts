import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnthropicStandIn, type LlmStandIn } from '../helpers/llm-standins.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

const server = fileURLToPath(new URL('../helpers/tiny-mcp-server.mjs', import.meta.url));
let llm: LlmStandIn;
let hub: TestHub;
let campaignId: string;
let playerToken: string;
let gmToken: string;
let wiki: Server;
const wikiCalls: string[] = [];

/** A Streamable HTTP MCP server in this process that wants a bearer token. */
async function startWiki() {
  const handler = createMcpHandler(() => {
    const server = new McpServer({ name: 'wiki', version: '1.0.0' }, { capabilities: { tools: {} } });
    server.registerTool('lookup', { description: 'Look a term up in the campaign wiki', inputSchema: z.object({ term: z.string() }) }, async ({ term }) => {
      wikiCalls.push(term);
      return { content: [{ type: 'text', text: `${term}: the drowned city under the harbour` }] };
    });
    return server;
  });
  const node = toNodeHandler(handler);
  const server = createServer((req, res) => {
    if (req.headers.authorization !== 'Bearer wiki-secret') return void res.writeHead(401).end();
    void node(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

beforeAll(async () => {
  llm = await startAnthropicStandIn();
  wiki = await startWiki();
  hub = await startTestHub({
    ai: {
      provider: 'anthropic',
      anthropic: { apiKey: 'sk-ant-hub', baseUrl: llm.url, defaultModel: 'claude-test-1' },
      mcpServers: [
        { id: 'weather', command: process.execPath, args: [server], env: { TINY_MARK: 'from-the-tiny-server' }, allowTools: ['forecast'], access: 'gm' },
        { id: 'broken', command: process.execPath, args: ['-e', 'process.exit(3)'], allowTools: ['*'] },
        { id: 'wiki', url: `http://127.0.0.1:${(wiki.address() as AddressInfo).port}/mcp`, headers: { authorization: 'Bearer wiki-secret' }, allowTools: ['*'], access: 'player' },
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
  wiki.closeAllConnections();
  await new Promise((r) => wiki.close(r));
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

  it('reaches a Streamable HTTP server with its configured headers, for players too when the server allows them', async () => {
    llm.script({ toolCalls: [{ name: 'wiki__lookup', input: { term: 'Saltmarsh' } }] }, (body) => ({ text: `Wiki: ${body.messages.at(-1).content[0].content}` }));
    const res = await hub.api('ask_game_master', { message: 'What is Saltmarsh?', campaignId }, playerToken);
    expect(res.body.value.toolCalls[0]).toMatchObject({ name: 'wiki__lookup', ok: true });
    expect(res.body.value.answer).toBe('Wiki: Saltmarsh: the drowned city under the harbour');
    expect(wikiCalls).toEqual(['Saltmarsh']);
  });
});
