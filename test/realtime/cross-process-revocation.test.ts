import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, spawnHub } from '../helpers/spawn-hub.js';
import { httpWriter, stdioWriter } from '../helpers/writers.js';

// Issue 14, defect 4: a token revoked by another process (here the stdio MCP server opening the same
// SQLite file itself, no Redis) kept its sockets on the hub open.
const token = 'revocation-owner-token-0123456789abcd';
const dataDir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-revoke-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const env = { DATA_DIR: dataDir, HUB_OWNER_TOKEN: token };

describe('revocation from another process', () => {
  it('disconnects the revoked token\'s sockets on the hub, and the deleted campaign\'s members too', async () => {
    const hub = await spawnHub(env);
    const stdio = await stdioWriter({ ...env, LOG_LEVEL: 'warn' }, ['--standalone']);
    try {
      const api = httpWriter(hub.url, token);
      const campaignId = (await api.call('create_campaign', { name: 'Revoked', system: 'D&D 5e' })).value.campaign.id;
      const issued = (await api.call('create_access_token', { campaignId, name: 'Mallory', role: 'player' })).value;
      const kept = (await api.call('create_access_token', { campaignId, name: 'Alice', role: 'player' })).value;
      const open = async (t: string) => {
        const socket = connect(hub.url, { auth: { token: t }, transports: ['websocket'], reconnection: false });
        await new Promise<void>((ok, fail) => (socket.once('connect', () => ok()), socket.once('connect_error', fail)));
        await socket.timeout(5000).emitWithAck('subscribe', { campaignId });
        return { socket, gone: new Promise<void>((ok) => socket.once('disconnect', () => ok())) };
      };
      const mallory = await open(issued.token);
      const alice = await open(kept.token);

      expect((await stdio.call('revoke_access_token', { campaignId, memberId: issued.member.id })).ok).toBe(true);
      const started = Date.now();
      await Promise.race([mallory.gone, new Promise((_, fail) => setTimeout(() => fail(new Error('the revoked socket is still connected after 20 s')), 20_000))]);
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(alice.socket.connected).toBe(true);

      expect((await stdio.call('delete_campaign', { campaignId, confirm: 'Revoked' })).ok).toBe(true);
      await Promise.race([alice.gone, new Promise((_, fail) => setTimeout(() => fail(new Error('a member of a deleted campaign is still connected after 20 s')), 20_000))]);
    } finally {
      await stdio.close();
      hub.child.kill('SIGTERM');
      await exited(hub.child);
    }
  }, 90_000);
});
