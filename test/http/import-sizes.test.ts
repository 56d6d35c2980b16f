import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';

/** A real-sized export: the rogue with 150 long features (sheets with many spells and feats weigh this much). */
function bigExport(name: string, features = 150) {
  const data = JSON.parse(readFileSync(resolve('test/fixtures/characters/roll20-v2-rogue5.json'), 'utf8'));
  data.name = name;
  data.oldId = `-M${name.replace(/\W/g, '').padEnd(18, '0').slice(0, 18)}`;
  for (let i = 0; i < features; i++) {
    const row = `-Mbigtrait${String(i).padStart(10, '0')}`;
    data.attribs.push({ name: `repeating_traits_${row}_name`, current: `Feature ${i}`, max: '', id: `${row}a` });
    data.attribs.push({ name: `repeating_traits_${row}_description`, current: 'Lorem ipsum dolor sit amet. '.repeat(300), max: '', id: `${row}b` });
  }
  return data;
}

let hub: TestHub;
let campaignId: string;
beforeAll(async () => {
  hub = await startTestHub();
  campaignId = (await hub.api('create_campaign', { name: 'Sizes', system: 'D&D 5e' })).body.value.campaign.id;
});
afterAll(() => hub.close());

const characters = async () => (await hub.api('list_characters', { campaignId })).body.value.characters.map((c: { name: string }) => c.name);

describe('import sizes', () => {
  it('accepts a 1.2 MB export over HTTP (as text) while other tools keep the 256 KB cap', async () => {
    const text = JSON.stringify(bigExport('Big Over Http'));
    expect(text.length).toBeGreaterThan(1_200_000);
    const imported = await hub.api('import_character', { campaignId, data: text });
    expect(imported.status, JSON.stringify(imported.body).slice(0, 300)).toBe(200);
    expect(imported.body.value.characters[0].character.features).toHaveLength(152);
    const tooBig = await hub.api('roll_dice', { expression: '1d20', padding: 'x'.repeat(300 * 1024) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toMatchObject({ code: 'LIMIT', message: expect.stringMatching(/over 256 KB \(character and campaign imports have their own limit/) });
  });

  it('refuses a 50 MB body and a 9 MB export with clear errors, storing nothing', async () => {
    const before = await characters();
    const huge = await fetch(`${hub.url}/api/tools/import_character`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OWNER_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ input: { campaignId, data: 'x'.repeat(50 * 1024 * 1024) } }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as any).error.code).toBe('LIMIT');
    const nine = await hub.api('import_character', { campaignId, data: bigExport('Nine Megabytes', 1100) });
    expect(nine.body.error).toMatchObject({ code: 'LIMIT', field: 'data', message: expect.stringMatching(/^The export is 9\.\d MB: the import limit is 8\.0 MB/) });
    expect(await characters()).toEqual(before);
  });

  it('accepts the same export over MCP and over a socket', async () => {
    const client = new Client({ name: 'sizes', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${hub.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${OWNER_TOKEN}` } } }));
    const viaMcp = (await client.callTool({ name: 'import_character', arguments: { campaignId, data: bigExport('Big Over Mcp') } })) as any;
    expect(viaMcp.isError ?? false, JSON.stringify(viaMcp).slice(0, 300)).toBe(false);
    const smallOverMcp = (await client.callTool({ name: 'list_campaigns', arguments: { padding: 'x'.repeat(300 * 1024) } })) as any;
    expect(smallOverMcp).toMatchObject({ isError: true, content: [{ text: 'LIMIT: The input of list_campaigns is over 256 KB' }] });
    await client.close();

    const socket = connect(hub.url, { auth: { token: OWNER_TOKEN }, transports: ['websocket'], reconnection: false });
    try {
      await new Promise<void>((r, j) => (socket.once('connect', () => r()), socket.once('connect_error', j)));
      const viaSocket = await socket.timeout(20_000).emitWithAck('tool', { name: 'import_character', input: { campaignId, data: JSON.stringify(bigExport('Big Over Socket')) } });
      expect(viaSocket.ok, JSON.stringify(viaSocket).slice(0, 300)).toBe(true);
      const small = await socket.timeout(5000).emitWithAck('tool', { name: 'roll_dice', input: { expression: '1d20', padding: 'x'.repeat(300 * 1024) } });
      expect(small).toMatchObject({ ok: false, error: { code: 'LIMIT', message: 'The input of roll_dice is over 256 KB' } });
    } finally {
      socket.close();
    }
    expect(await characters()).toEqual(expect.arrayContaining(['Big Over Http', 'Big Over Mcp', 'Big Over Socket']));
  });
});
