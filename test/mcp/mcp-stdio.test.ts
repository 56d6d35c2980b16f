import { Client as ClientV2 } from '@modelcontextprotocol/client';
import { StdioClientTransport as StdioV2 } from '@modelcontextprotocol/client/stdio';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport as StdioV1 } from '@modelcontextprotocol/sdk/client/stdio.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Drives the real CLI (`ttrpg-hub mcp`, built by `npm test`) as Claude Desktop would: a child process on stdio.
const bin = resolve('bin/ttrpg-hub.js');
const dataDir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-stdio-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const serverParams = () => ({
  command: process.execPath,
  args: [bin, 'mcp'],
  env: { ...(process.env as Record<string, string>), DATA_DIR: dataDir, LOG_LEVEL: 'info' },
  stderr: 'pipe' as const,
});

describe('ttrpg-hub mcp (stdio)', () => {
  it('serves a 2025-11-25 client: tools, a campaign, a session and a logged roll, stored in SQLite', async () => {
    const transport = new StdioV1(serverParams());
    let stderr = '';
    transport.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    const client = new ClientV1({ name: 'claude-desktop-like', version: '1.0.0' });
    await client.connect(transport);
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThanOrEqual(25);

    const created = (await client.callTool({ name: 'create_campaign', arguments: { name: 'Stdio Saga', system: 'D&D 5e' } })) as any;
    const campaignId = created.structuredContent.campaign.id;
    const session = (await client.callTool({ name: 'start_session', arguments: { campaignId } })) as any;
    expect(session.isError).toBeFalsy();
    const roll = (await client.callTool({ name: 'roll_dice', arguments: { campaignId, expression: '2d6+3 # damage' } })) as any;
    expect(roll.structuredContent.sessionId).toBe(session.structuredContent.session.id);
    await client.close();

    // Logs go to stderr as JSON lines; stdout carried only the protocol (or the client would have failed to parse).
    expect(stderr).toContain('MCP server ready on stdio');
    // The owner token generated on first start is written to the data folder, never to the log.
    const ownerToken = readFileSync(join(dataDir, 'owner-token'), 'utf8').trim();
    expect(ownerToken.length).toBeGreaterThan(24);
    expect(stderr).toContain('Created the owner token');
    expect(stderr).not.toContain(ownerToken);
  });

  it('serves a 2026-07-28 client from a fresh process that sees the stored data', async () => {
    const client = new ClientV2({ name: 'modern', version: '2.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await client.connect(new StdioV2(serverParams()));
    expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
    const list = (await client.callTool({ name: 'list_campaigns', arguments: {} })) as any;
    const saga = list.structuredContent.campaigns.find((c: { name: string }) => c.name === 'Stdio Saga');
    expect(saga).toBeDefined();
    const session = (await client.callTool({ name: 'get_session', arguments: { campaignId: saga.id } })) as any;
    expect(session.structuredContent.session.rolls).toHaveLength(1);
    expect(session.structuredContent.session.rolls[0].roll.label).toBe('damage');
    const bad = (await client.callTool({ name: 'start_session', arguments: { campaignId: saga.id } })) as any;
    expect(bad.isError).toBe(true);
    expect(bad.content[0].text).toMatch(/^STATE: Session .* is still active/);
    await client.close();
  });
});
