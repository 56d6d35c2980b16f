import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
let campaignId: string;
let playerToken: string;
let viewerToken: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  hub = await startTestHub();
  campaignId = (await hub.api('create_campaign', { name: 'Sockets & Sorcery', system: 'D&D 5e' })).body.value.campaign.id;
  await hub.api('start_session', { campaignId });
  playerToken = (await hub.api('create_access_token', { campaignId, name: 'Alice', role: 'player' })).body.value.token;
  viewerToken = (await hub.api('create_access_token', { campaignId, name: 'OBS', role: 'viewer' })).body.value.token;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await hub.close();
});

/** A connected socket that records every hub event it receives. */
async function client(token: string | undefined) {
  const socket = connect(hub.url, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  const received: { type: string; payload: any }[] = [];
  socket.onAny((type, payload) => received.push({ type, payload }));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const request = (event: string, payload: unknown) => socket.timeout(5000).emitWithAck(event, payload) as Promise<any>;
  return { socket, received, request, of: (type: string) => received.filter((e) => e.type === type).map((e) => e.payload) };
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

describe('socket gateway', () => {
  it('refuses a connection without a valid token, saying why', async () => {
    await expect(client(undefined)).rejects.toThrow(/No token given/);
    await expect(client('tth_forged_token_value_that_is_long')).rejects.toThrow(/not valid/);
  });

  it('sends a role-scoped snapshot on subscribe, and refuses other campaigns and bad payloads', async () => {
    const other = (await hub.api('create_campaign', { name: 'Elsewhere', system: 'PF2e' })).body.value.campaign.id;
    const player = await client(playerToken);
    const snap = await player.request('subscribe', { campaignId });
    expect(snap.ok).toBe(true);
    expect(snap.value.role).toBe('player');
    expect(snap.value.session.status).toBe('active');
    expect(snap.value.campaign.members).toEqual([]); // members are the GM's business
    const denied = await player.request('subscribe', { campaignId: other });
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bad = await player.request('subscribe', { campaignId: 5 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'campaignId' } });
  });

  it('fans dice.rolled out to the table, but a secret roll reaches the GM only', async () => {
    const gm = await client(OWNER_TOKEN);
    const player = await client(playerToken);
    const viewer = await client(viewerToken);
    for (const c of [gm, player, viewer]) expect((await c.request('subscribe', { campaignId })).ok).toBe(true);

    const secret = await gm.request('tool', { name: 'roll_dice', input: { campaignId, expression: '1d20+7 # perception', secret: true } });
    expect(secret.ok).toBe(true);
    const open = await player.request('tool', { name: 'roll_dice', input: { expression: '1d20+2 # athletics' } });
    expect(open.ok).toBe(true);

    await until(() => viewer.of('dice.rolled').length >= 1 && gm.of('dice.rolled').length >= 2, 'dice events');
    expect(gm.of('dice.rolled').map((e) => e.rolls[0].label)).toEqual(['perception', 'athletics']);
    // Events reach each socket in order, so once the open roll is in, the secret one would have been too.
    expect(viewer.of('dice.rolled').map((e) => e.rolls[0].label)).toEqual(['athletics']);
    expect(player.of('dice.rolled').map((e) => e.rolls[0].label)).toEqual(['athletics']);
    expect(viewer.of('dice.rolled')[0].actor.name).toBe('Alice');
  });

  it('sends initiative.updated without hidden combatants or exact monster HP to the table', async () => {
    const gm = await client(OWNER_TOKEN);
    const viewer = await client(viewerToken);
    for (const c of [gm, viewer]) await c.request('subscribe', { campaignId });
    const added = await gm.request('tool', {
      name: 'add_combatants',
      input: {
        campaignId,
        combatants: [
          { name: 'Aria', kind: 'pc', initiative: 18, hp: 30 },
          { name: 'Owlbear', kind: 'monster', initiative: 12, hp: 59 },
          { name: 'Assassin', kind: 'monster', initiative: 20, hp: 40, hidden: true },
        ],
      },
    });
    expect(added.ok).toBe(true);
    await until(() => viewer.of('initiative.updated').length > 0 && gm.of('initiative.updated').length > 0, 'initiative events');
    const forGm = gm.of('initiative.updated').at(-1).encounter.combatants;
    const forViewer = viewer.of('initiative.updated').at(-1).encounter.combatants;
    expect(forGm.map((c: any) => c.name)).toEqual(['Assassin', 'Aria', 'Owlbear']);
    expect(forViewer.map((c: any) => c.name)).toEqual(['Aria', 'Owlbear']);
    expect(forViewer.find((c: any) => c.name === 'Owlbear')).toMatchObject({ hp: null, health: 'healthy' });
    expect(forViewer.find((c: any) => c.name === 'Aria').hp).toEqual({ current: 30, max: 30, temp: 0 });

    // The hidden assassin's turn: the table learns the round, not whose turn it is.
    await gm.request('tool', { name: 'next_turn', input: { campaignId } });
    await until(() => viewer.of('turn.changed').length > 0, 'turn.changed');
    expect(viewer.of('turn.changed')[0]).toMatchObject({ round: 1, currentId: null, currentName: null });
    expect(gm.of('turn.changed').at(-1)).toMatchObject({ round: 1, currentName: 'Assassin' });
  });

  it('gives a reconnecting client the current state at once, with versions newer than what it saw', async () => {
    const viewer = await client(viewerToken);
    const first = await viewer.request('subscribe', { campaignId });
    viewer.socket.disconnect();
    const owlbear = first.value.session.encounter.combatants.find((c: any) => c.name === 'Owlbear');
    await hub.api('change_hp', { campaignId, combatantId: owlbear.id, damage: 40 });
    const again = await client(viewerToken);
    const snap = await again.request('subscribe', { campaignId });
    expect(snap.value.session.version).toBeGreaterThan(first.value.session.version);
    expect(snap.value.session.encounter.combatants.find((c: any) => c.name === 'Owlbear').health).toBe('bloodied');
  });

  it('sends rules-library ingestion progress to the owner only', async () => {
    const owner = await client(OWNER_TOKEN);
    const player = await client(playerToken);
    await player.request('subscribe', { campaignId });
    await hub.core.deps.events.publish({
      type: 'source.ingest_progress', id: 'p1', at: new Date().toISOString(), campaignId: null, sessionId: null, actor: { id: 'owner', name: 'Owner' }, version: null,
      jobId: 'j1', sourceId: 's1', name: 'Monster Manual', fileName: 'mm.pdf', phase: 'reading', progress: 40, total: 300, message: 'page 40 of 300',
    } as never);
    await until(() => owner.of('source.ingest_progress').length > 0, 'ingest progress');
    expect(owner.of('source.ingest_progress')[0]).toMatchObject({ name: 'Monster Manual', progress: 40, total: 300 });
    await player.request('tool', { name: 'roll_dice', input: { expression: 'd4' } }); // a later event, to be sure nothing else is in flight
    expect(player.of('source.ingest_progress')).toEqual([]);
  });

  it('stops serving a token the GM revoked', async () => {
    const token = (await hub.api('create_access_token', { campaignId, name: 'Bob', role: 'player' })).body.value;
    const bob = await client(token.token);
    expect((await bob.request('subscribe', { campaignId })).ok).toBe(true);
    const dropped = new Promise<string>((resolve) => bob.socket.once('disconnect', resolve));
    await hub.api('revoke_access_token', { campaignId, memberId: token.member.id });
    expect(await dropped).toBe('io server disconnect');
    await expect(client(token.token)).rejects.toThrow(/not valid/);
  });
});
