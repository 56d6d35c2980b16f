import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, spawnHub } from '../helpers/spawn-hub.js';
import { httpWriter, stdioWriter } from '../helpers/writers.js';

// Issue 14: with a hub running on the data folder, `ttrpg-hub mcp` relays to it (no Redis needed),
// so Claude Desktop's rolls reach the hub's sockets; with none running it opens the store itself.
const token = 'relay-owner-token-0123456789abcdefgh';
const dataDir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-relay-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const env = { DATA_DIR: dataDir, HUB_OWNER_TOKEN: token };

describe('ttrpg-hub mcp next to a running hub', () => {
  it('relays to the hub found through the data folder, so a roll from stdio reaches an overlay socket', async () => {
    const hub = await spawnHub(env);
    try {
      // Written right after the hub logs that it listens.
      for (let i = 0; i < 100 && !existsSync(join(dataDir, 'hub.json')); i++) await new Promise((r) => setTimeout(r, 50));
      const info = JSON.parse(readFileSync(join(dataDir, 'hub.json'), 'utf8'));
      expect(info.url).toBe(hub.url);
      expect(statSync(join(dataDir, 'hub.json')).mode & 0o777).toBe(0o600);
      const api = httpWriter(hub.url, token);
      const campaignId = (await api.call('create_campaign', { name: 'Relay', system: 'D&D 5e' })).value.campaign.id;
      await api.call('start_session', { campaignId });
      const viewerToken = (await api.call('create_access_token', { campaignId, name: 'OBS', role: 'viewer' })).value.token;
      const socket = connect(hub.url, { auth: { token: viewerToken }, transports: ['websocket'] });
      const rolled = new Promise<any>((ok) => socket.on('dice.rolled', ok));
      await new Promise<void>((ok, fail) => (socket.once('connect', () => ok()), socket.once('connect_error', fail)));
      await socket.timeout(5000).emitWithAck('subscribe', { campaignId });

      const stdio = await stdioWriter({ ...env, LOG_LEVEL: 'info' });
      const result = await stdio.call('roll_dice', { campaignId, expression: '2d6 # from Claude Desktop' });
      expect(result.ok).toBe(true);
      const event = await rolled;
      expect(event.rolls[0].label).toBe('from Claude Desktop');
      expect(stdio.stderr()).toMatch(/relayed to the hub running at/);
      // Errors keep their MCP shape through the relay.
      const bad = await stdio.call('roll_dice', { campaignId, expression: '' });
      expect(bad.ok).toBe(false);
      await stdio.close();
      socket.disconnect();
    } finally {
      hub.child.kill('SIGTERM');
      await exited(hub.child);
    }
    // A hub that stops withdraws its announcement.
    expect(existsSync(join(dataDir, 'hub.json'))).toBe(false);
  }, 60_000);

  it('opens the store itself when the announced hub is gone (a stale file from a killed hub)', async () => {
    writeFileSync(join(dataDir, 'hub.json'), JSON.stringify({ url: 'http://127.0.0.1:1', pid: 2 ** 22 + 12345, startedAt: new Date().toISOString() }));
    const stdio = await stdioWriter({ ...env, LOG_LEVEL: 'info' });
    const listed = await stdio.call('list_campaigns', {});
    expect(listed.ok).toBe(true);
    expect(listed.value.campaigns.map((c: any) => c.name)).toContain('Relay');
    expect(stdio.stderr()).toMatch(/MCP server ready on stdio/);
    await stdio.close();
  }, 60_000);
});
