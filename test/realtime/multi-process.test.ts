import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reachable } from '../helpers/reachable.js';
import { exited, spawnHub } from '../helpers/spawn-hub.js';

// Two real hub processes sharing one Redis: the store and the socket rooms span both.
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisUp = await reachable(redisUrl);
if (!redisUp) console.warn(`Skipping the multi-process tests: nothing listens at ${redisUrl} (set TEST_REDIS_URL; .ci/run starts one)`);

const token = 'multi-process-owner-token-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-multi-'));
const env = { REDIS_URL: redisUrl, STORE_NAMESPACE: `test-multi-${process.pid}-${Date.now()}`, HUB_OWNER_TOKEN: token, DATA_DIR: dataDir };
let a: Awaited<ReturnType<typeof spawnHub>>;
let b: Awaited<ReturnType<typeof spawnHub>>;
const sockets: Socket[] = [];

beforeAll(async () => {
  if (!redisUp) return;
  [a, b] = await Promise.all([spawnHub(env), spawnHub(env)]);
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  for (const hub of [a, b]) if (hub) {
    hub.child.kill('SIGTERM');
    await exited(hub.child);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(url: string, tool: string, input: Record<string, unknown>) {
  const res = await fetch(`${url}/api/tools/${tool}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ input }) });
  return ((await res.json()) as any).value;
}

async function viewerOn(url: string, viewerToken: string, campaignId: string) {
  const socket = connect(url, { auth: { token: viewerToken }, transports: ['websocket'] });
  sockets.push(socket);
  const rolls: any[] = [];
  socket.on('dice.rolled', (e) => rolls.push(e));
  await new Promise<void>((ok, fail) => {
    socket.once('connect', () => ok());
    socket.once('connect_error', fail);
  });
  const snapshot = await socket.timeout(5000).emitWithAck('subscribe', { campaignId });
  return { socket, rolls, snapshot };
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

describe.runIf(redisUp)('several hub processes on one Redis', () => {
  it('delivers a roll made through process A to an overlay socket on process B, never a secret one', async () => {
    const campaignId = (await call(a.url, 'create_campaign', { name: 'Twin Peaks', system: 'D&D 5e' })).campaign.id;
    // The store is shared: B knows the campaign and the token A minted.
    const viewerToken = (await call(a.url, 'create_access_token', { campaignId, name: 'OBS', role: 'viewer' })).token;
    await call(b.url, 'start_session', { campaignId });
    const overlay = await viewerOn(b.url, viewerToken, campaignId);
    expect(overlay.snapshot).toMatchObject({ ok: true, value: { role: 'viewer', session: { status: 'active' } } });

    await call(a.url, 'roll_dice', { campaignId, expression: '1d20 # secret one', secret: true });
    await call(a.url, 'roll_dice', { campaignId, expression: '1d20+4 # from A' });
    await until(() => overlay.rolls.length > 0, 'the roll from A');
    expect(overlay.rolls.map((e) => e.rolls[0].label)).toEqual(['from A']);
  });

  it('broadcasts from `ttrpg-hub mcp` (stdio, no sockets of its own) to sockets of a running hub', async () => {
    const campaignId = (await call(a.url, 'create_campaign', { name: 'Desktop', system: 'D&D 5e' })).campaign.id;
    const viewerToken = (await call(a.url, 'create_access_token', { campaignId, name: 'OBS', role: 'viewer' })).token;
    const overlay = await viewerOn(b.url, viewerToken, campaignId);
    const client = new Client({ name: 'claude-desktop-like', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [resolve('bin/ttrpg-hub.js'), 'mcp'], env: { ...(process.env as Record<string, string>), ...env, LOG_LEVEL: 'warn' } }));
    await client.callTool({ name: 'roll_dice', arguments: { campaignId, expression: '2d6 # from Claude' } });
    await until(() => overlay.rolls.length > 0, 'the roll from the stdio process');
    expect(overlay.rolls[0].rolls[0].label).toBe('from Claude');
    await client.close();
  });
});
