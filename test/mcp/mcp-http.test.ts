import { Client as ClientV2, StreamableHTTPClientTransport as HttpTransportV2 } from '@modelcontextprotocol/client';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as HttpTransportV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool, ok } from '../../src/core/index.js';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';

// A tool that reports progress, to prove long tools reach MCP clients as progress notifications.
const slowTool = defineTool({
  name: 'count_slowly',
  title: 'Count slowly',
  description: 'Counts to n, reporting progress.',
  input: z.object({ n: z.number().int().min(1).max(10) }),
  output: z.object({ counted: z.number() }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  access: 'viewer',
  campaign: 'none',
  async run({ n }, ctx) {
    for (let i = 1; i <= n; i++) {
      ctx.progress({ progress: i, total: n, message: `step ${i}` });
      await new Promise((r) => setTimeout(r, 5));
    }
    return ok({ counted: n });
  },
});

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({}, { extraTools: [slowTool] });
});
afterAll(() => hub.close());

const auth = (token = OWNER_TOKEN) => ({ requestInit: { headers: { Authorization: `Bearer ${token}` } } });

async function connectV1(token?: string) {
  const client = new ClientV1({ name: 'test-v1', version: '1.0.0' });
  await client.connect(new HttpTransportV1(new URL(`${hub.url}/mcp`), auth(token)));
  return client;
}
async function connectV2(token?: string) {
  const client = new ClientV2({ name: 'test-v2', version: '2.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(new HttpTransportV2(new URL(`${hub.url}/mcp`), auth(token)));
  return client;
}

describe.each([
  ['2025-11-25 client (SDK v1)', connectV1, '2025-11-25'],
  ['2026-07-28 client (SDK v2)', connectV2, '2026-07-28'],
] as const)('MCP over Streamable HTTP, %s', (_label, connect, expectedVersion) => {
  it('negotiates its protocol generation and lists every tool with schemas and annotations', async () => {
    const client = await connect();
    expect((client as { getNegotiatedProtocolVersion?: () => string }).getNegotiatedProtocolVersion?.() ?? expectedVersion).toBe(expectedVersion);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(hub.core.registry.list().map((t) => t.name).sort());
    const roll = tools.find((t) => t.name === 'roll_dice')!;
    expect(roll.inputSchema.properties).toHaveProperty('expression');
    expect(roll.outputSchema?.properties).toHaveProperty('rolls');
    expect(tools.find((t) => t.name === 'delete_campaign')!.annotations).toMatchObject({ destructiveHint: true, readOnlyHint: false });
    await client.close();
  });

  it('rolls dice: structured content plus readable text', async () => {
    const client = await connect();
    const result = (await client.callTool({ name: 'roll_dice', arguments: { expression: '4d6kh3 # strength' } })) as any;
    expect(result.isError).toBeFalsy();
    const roll = result.structuredContent.rolls[0];
    expect(roll.label).toBe('strength');
    expect(roll.terms[0].dice).toHaveLength(4);
    expect(roll.total).toBeGreaterThanOrEqual(3);
    expect(roll.total).toBeLessThanOrEqual(18);
    expect(result.content[0].text).toContain('4d6kh3');
    await client.close();
  });

  it('returns bad input as an isError result naming the field, not as a protocol error', async () => {
    const client = await connect();
    const result = (await client.callTool({ name: 'roll_dice', arguments: { expression: 42 } })) as any;
    expect(result.isError).toBe(true);
    expect(result.content[0].text).toMatch(/^VALIDATION: Invalid input: expression: .*expected string/);
    const notation = (await client.callTool({ name: 'roll_dice', arguments: { expression: '1d20+' } })) as any;
    expect(notation.isError).toBe(true);
    expect(notation.content[0].text).toMatch(/DICE_NOTATION: .*position 6/);
    await client.close();
  });

  it('reports progress of long tools as notifications', async () => {
    const client = await connect();
    const seen: number[] = [];
    const onprogress = (p: { progress: number }) => void seen.push(p.progress);
    const params = { name: 'count_slowly', arguments: { n: 3 } };
    // SDK v1 takes (params, resultSchema, options); v2 takes (params, options).
    const result = (client instanceof ClientV1 ? await client.callTool(params, undefined, { onprogress }) : await client.callTool(params, { onprogress })) as any;
    expect(result.structuredContent).toEqual({ counted: 3 });
    expect(seen).toEqual([1, 2, 3]);
    await client.close();
  });
});

describe('MCP over HTTP: access', () => {
  it('refuses a request without a token (401 with a Bearer challenge) or with a wrong one', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const none = await fetch(`${hub.url}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    await expect(connectV1('not-a-real-token-xxxxxxxxxxxxxxxx')).rejects.toThrow();
  });

  it('refuses a browser Origin that is not allowed (DNS rebinding / CSRF)', async () => {
    const res = await fetch(`${hub.url}/mcp`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OWNER_TOKEN}`, origin: 'https://evil.example', 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(403);
  });

  it('applies the token\'s role: a viewer may roll nothing and change nothing', async () => {
    const campaign = await hub.api('create_campaign', { name: 'Curse of the Test', system: 'D&D 5e' });
    const id = campaign.body.value.campaign.id;
    const viewer = await hub.api('create_access_token', { campaignId: id, name: 'OBS', role: 'viewer' });
    const client = await connectV2(viewer.body.value.token);
    // Issue 14: tools/list offers only what the role may call.
    const names = (await client.listTools()).tools.map((t: { name: string }) => t.name);
    expect(names).toContain('get_campaign');
    expect(names).not.toContain('roll_dice');
    expect(names).not.toContain('add_source');
    const rolled = await client.callTool({ name: 'roll_dice', arguments: { expression: 'd20' } }).then((r: any) => (r.isError ? 'refused' : 'rolled'), () => 'refused');
    expect(rolled).toBe('refused');
    const read = (await client.callTool({ name: 'get_campaign', arguments: {} })) as any;
    expect(read.structuredContent.campaign.name).toBe('Curse of the Test');
    await client.close();
  });
});
