import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { HubConnection, type HubStatus } from '../../foundry-module/src/hub-connection.js';
import { HubClient } from '../../foundry-module/src/hub-client.js';
import { registerSettings } from '../../foundry-module/src/settings.js';
import { freePort } from '../helpers/spawn-hub.js';
import { OWNER_TOKEN, startTestHub } from '../helpers/test-hub.js';
import { StandinWorld } from './foundry-standin.js';
import { ok, startTable, until, type Table } from './module-harness.js';

// What a GM sees when the connection cannot work, and the ways it does work (player relay, settings).

let table: Table | undefined;
afterEach(async () => {
  await table?.close();
  table = undefined;
});

/** A connection like the module's, as a page on `origin` would make it (browsers send Origin; Node's fetch does not). */
function connection(url: string, token: string, campaignId: string | null, origin?: string) {
  const statuses: HubStatus[] = [];
  const conn = new HubConnection(
    {
      url,
      token,
      campaignId,
      io: (u, o) => io(u, { ...o, ...(origin ? { extraHeaders: { origin } } : {}) }),
      fetch: (input, init) => fetch(input, { ...init, headers: origin ? { origin } : {} }),
    },
    { status: (s) => statuses.push(s), snapshot: () => undefined, event: () => undefined },
  );
  return { conn, statuses };
}

describe('connection problems, each with a clear message', () => {
  it('an unreachable hub', async () => {
    const { conn } = connection('http://127.0.0.1:9', 'x'.repeat(30), null);
    await conn.start();
    expect(conn.status).toMatchObject({ state: 'error', problem: 'unreachable' });
    expect(conn.status.message).toMatch(/Cannot reach the hub at http:\/\/127\.0\.0\.1:9/);
    conn.close();
  });

  it('a wrong token, and a token revoked while connected', async () => {
    table = await startTable();
    const wrong = connection(table.hub.url, 'not-a-real-token-0123456789', table.campaignId);
    await wrong.conn.start();
    await until(() => wrong.conn.status.problem === 'token');
    expect(wrong.conn.status.message).toMatch(/refused the token/);
    wrong.conn.close();

    const good = connection(table.hub.url, table.gmToken, table.campaignId);
    await good.conn.start();
    await until(() => good.conn.connected);
    const members = await ok(table.hub, 'list_members', { campaignId: table.campaignId });
    const member = members.members.find((m: any) => m.name === 'Foundry GM');
    await ok(table.hub, 'revoke_access_token', { campaignId: table.campaignId, memberId: member.id });
    await until(() => good.conn.status.problem === 'token');
    expect(good.conn.status.message).toMatch(/revoked/);
    good.conn.close();
  });

  it('a token for another campaign', async () => {
    table = await startTable();
    const other = (await ok(table.hub, 'create_campaign', { name: 'Tomb of Annihilation', system: 'D&D 5e' })).campaign.id;
    const { conn } = connection(table.hub.url, table.gmToken, other);
    await conn.start();
    await until(() => conn.status.problem === 'campaign');
    expect(conn.status.message).toMatch(/token is for another campaign \(Curse of Strahd\)/);
    conn.close();
    // Left empty, the campaign token's own campaign is used.
    const own = connection(table.hub.url, table.gmToken, null);
    await own.conn.start();
    await until(() => own.conn.connected);
    expect(own.conn.status.campaignName).toBe('Curse of Strahd');
    own.conn.close();
  });

  it('a blocked origin, then the same origin once listed in ALLOWED_ORIGINS', async () => {
    table = await startTable();
    const blocked = connection(table.hub.url, table.gmToken, table.campaignId, 'https://foundry.example.com');
    await blocked.conn.start();
    expect(blocked.conn.status).toMatchObject({ state: 'error', problem: 'origin' });
    expect(blocked.conn.status.message).toContain('add "foundry.example.com" to ALLOWED_ORIGINS');
    blocked.conn.close();
    // The socket itself refuses that origin too (a client that skips the handshake gets nowhere).
    const raw = io(table.hub.url, { auth: { token: table.gmToken }, extraHeaders: { origin: 'https://foundry.example.com' }, transports: ['websocket'], reconnection: false, forceNew: true });
    const refused = await new Promise<Error>((resolve) => raw.once('connect_error', resolve));
    expect(refused).toBeInstanceOf(Error);
    raw.close();
    await table.close();

    table = await startTable({ hubConfig: { server: { allowedOrigins: ['foundry.example.com'] } } });
    const allowed = connection(table.hub.url, table.gmToken, table.campaignId, 'https://foundry.example.com:30000');
    await allowed.conn.start();
    await until(() => allowed.conn.connected);
    allowed.conn.close();
  });
});

describe('players and settings', () => {
  it('a player without a token uses the panel through the active GM, with player powers only', async () => {
    table = await startTable();
    const gm = table.world.join('Gamemaster', true, 'a-gm');
    const player = table.world.join('Aria', false, 'b-player');
    await table.start(gm, table.gmToken);
    const module = await table.start(player);
    await until(() => table!.modules.get(gm)!.status.state === 'connected');
    const npc = await module.call('generate_npc', { role: 'guard', level: 3, save: true, campaignId: table.campaignId });
    expect(npc.ok).toBe(true);
    expect(npc.ok && npc.value.savedAs).toBeNull(); // saving is the GM's; forced off through the relay
    const refused = await module.call('delete_campaign', { campaignId: table.campaignId, confirm: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await ok(table.hub, 'list_campaigns', {})).campaigns).toHaveLength(1);
    // The GM's token never reaches the player's client.
    expect(player.game.settings.get('ttrpg-hub', 'token')).toBe('');
    expect(gm.game.settings.get('ttrpg-hub', 'token')).toBe(table.gmToken);
  });

  it('world settings are the GM\'s; a player token gives the player its own connection', async () => {
    table = await startTable();
    const gm = table.world.join('Gamemaster', true, 'a-gm');
    const player = table.world.join('Aria', false, 'b-player');
    await table.start(gm, table.gmToken);
    await expect(player.game.settings.set('ttrpg-hub', 'hubUrl', 'http://evil.example')).rejects.toThrow(/lacks permission/);
    const module = await table.start(player, table.playerToken);
    await until(() => module.status.state === 'connected');
    expect(module.status.role).toBe('player');
    expect(await module.tools()).toContain('search');
  });

  it('a world without dnd5e: told once, dice still flow, nothing breaks', async () => {
    table = await startTable({ system: 'pf2e' });
    const gm = table.world.join('Gamemaster', true, 'a-gm');
    const module = await table.start(gm, table.gmToken);
    await until(() => module.status.state === 'connected');
    expect(gm.notices.some((n) => n.level === 'info' && n.message.includes('runs pf2e, not dnd5e'))).toBe(true);
    const hero = await table.world.createActor({ name: 'Valeros', type: 'hero', system: { hp: 20 } }, {}, gm.user);
    const combat = await table.world.createCombat({}, {}, gm.user);
    await combat.createEmbeddedDocuments('Combatant', [{ actorId: hero.id, name: 'Valeros', initiative: 18, token: { id: 't', actorLink: true } }]);
    await until(async () => (await ok(table!.hub, 'get_session', { sessionId: table!.sessionId })).session.encounter.combatants.length === 1);
    const roll = await table.world.roll('1d20+3').evaluate();
    await roll.toMessage({}, { user: gm.user });
    await until(async () => (await ok(table!.hub, 'get_session', { sessionId: table!.sessionId })).session.rolls.length === 1);
  });

  it('the owner token with no campaign chosen asks for one', async () => {
    table = await startTable();
    await ok(table.hub, 'create_campaign', { name: 'Second', system: 'D&D 5e' });
    const { conn } = connection(table.hub.url, OWNER_TOKEN, null);
    await conn.start();
    await until(() => conn.status.problem === 'campaign');
    expect(conn.status.message).toMatch(/sees 2 campaigns: choose one/);
    conn.close();
  });
});

describe('hub restarts', () => {
  it('reconnects by itself and catches up from the snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ttrpg-foundry-restart-'));
    const config = { dataDir: dir, storage: { url: `sqlite://${join(dir, 'hub.sqlite')}` }, server: { port: await freePort() } };
    let hub = await startTestHub(config);
    const campaignId = (await ok(hub, 'create_campaign', { name: 'Restart', system: 'D&D 5e' })).campaign.id;
    await ok(hub, 'start_session', { campaignId });
    const token = (await ok(hub, 'create_access_token', { campaignId, name: 'GM', role: 'gm' })).token;
    const world = new StandinWorld();
    const gm = world.join('GM', true);
    registerSettings(gm.game as never, () => undefined);
    await gm.game.settings.set('ttrpg-hub', 'hubUrl', hub.url);
    await gm.game.settings.set('ttrpg-hub', 'token', token);
    const client = new HubClient(gm.env() as never, { io, fetch: globalThis.fetch });
    client.start();
    try {
      await until(() => client.status.state === 'connected');
      await ok(hub, 'add_combatants', { campaignId, combatants: [{ name: 'Vampire', initiative: 18 }] });
      await until(() => world.combats[0]?.combatantDocs.length === 1);
      await hub.close();
      await until(() => client.status.state !== 'connected');
      hub = await startTestHub(config);
      // Changed while the module was away (e.g. from Discord through the restarted hub).
      await ok(hub, 'next_turn', { campaignId });
      await until(() => client.status.state === 'connected', 30_000);
      await until(() => world.combats[0]?.round === 1 && world.combats[0].combatant?.name === 'Vampire', 10_000);
      expect(world.combats[0]!.combatantDocs).toHaveLength(1);
    } finally {
      client.close();
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
