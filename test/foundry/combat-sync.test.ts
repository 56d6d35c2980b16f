import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWNER_TOKEN } from '../helpers/test-hub.js';
import type { StandinClient, StandinCombat } from './foundry-standin.js';
import { ok, pause, startTable, until, type Table } from './module-harness.js';

// The combat tracker sync between the stand-in Foundry (two GM browsers and a player) and a real hub.

let table: Table;
let gm1: StandinClient;
let gm2: StandinClient;
let player: StandinClient;
let observer: Socket;
let seen: { type: string; payload: any }[];

const session = async () => (await ok(table.hub, 'get_session', { sessionId: table.sessionId })).session;
const encounter = async () => (await session()).encounter;
const combat = () => table.world.combats[0] as StandinCombat;

async function addActor(name: string, hp: number, type = 'npc') {
  return table.world.createActor({ name, type, system: { attributes: { hp: { value: hp, max: hp, temp: 0 }, ac: { value: 13 }, init: { total: 2 } } } }, {}, gm1.user);
}

beforeEach(async () => {
  table = await startTable();
  gm1 = table.world.join('Gamemaster', true, 'a-gm');
  gm2 = table.world.join('Assistant GM', true, 'b-gm');
  player = table.world.join('Aria', false, 'c-player');
  await table.start(gm1, table.gmToken);
  await table.start(gm2, table.gmToken);
  await table.start(player);
  await until(() => table.modules.get(gm1)!.status.state === 'connected' && table.modules.get(gm2)!.status.state === 'connected');
  // An overlay-like observer: counts every initiative change the hub announces.
  seen = [];
  observer = connect(table.hub.url, { auth: { token: OWNER_TOKEN }, forceNew: true });
  observer.onAny((type, payload) => seen.push({ type, payload }));
  await until(() => observer.connected);
  await observer.emitWithAck('subscribe', { campaignId: table.campaignId });
});

afterEach(async () => {
  observer?.disconnect();
  await table?.close();
});

async function settle() {
  for (const m of table.modules.values()) await m.sync.idle();
  await pause(150);
  for (const m of table.modules.values()) await m.sync.idle();
}

describe('Foundry -> hub', () => {
  it('sends combatants, start, turns and initiative once, from the active GM only', async () => {
    const goblin = await addActor('Goblin', 7);
    const aria = await addActor('Aria', 24, 'character');
    const c = await table.world.createCombat({ scene: 'scene1' }, {}, gm1.user);
    await c.createEmbeddedDocuments('Combatant', [{ actorId: goblin.id, name: 'Goblin', initiative: 12, token: { id: 't1', actorLink: true } }], {}, gm1.user);
    // A player adds their own token: the GM's client (not the player's) sends it.
    await c.createEmbeddedDocuments('Combatant', [{ actorId: aria.id, name: 'Aria', initiative: 17.04, token: { id: 't2', actorLink: true } }], {}, player.user);
    await until(async () => (await encounter()).combatants.length === 2);
    await settle();
    let enc = await encounter();
    expect(enc.combatants.map((x: any) => [x.name, x.initiative, x.kind, x.hp])).toEqual([
      ['Aria', 17, 'pc', { current: 24, max: 24, temp: 0 }],
      ['Goblin', 12, 'monster', { current: 7, max: 7, temp: 0 }],
    ]);
    // Each Foundry combatant now carries its hub id.
    expect(combat().combatantDocs.map((x) => x.getFlag('ttrpg-hub', 'hubId'))).toEqual(expect.arrayContaining(enc.combatants.map((x: any) => x.id)));

    await c.startCombat(gm2.user); // any GM may click; only the active GM's client tells the hub
    await until(async () => (await encounter()).round === 1);
    enc = await encounter();
    expect(enc.currentId).toBe(combat().combatant!.getFlag('ttrpg-hub', 'hubId'));
    await c.nextTurn(gm1.user);
    await until(async () => (await encounter()).currentId === combat().combatant!.getFlag('ttrpg-hub', 'hubId'));
    await c.nextTurn(gm1.user); // wraps: round 2
    await until(async () => (await encounter()).round === 2);
    await combat().combatantDocs.find((x) => x.name === 'Goblin')!.update({ initiative: 19 });
    await until(async () => (await encounter()).combatants[0].name === 'Goblin');
    await settle();
    const turns = seen.filter((e) => e.type === 'turn.changed');
    expect(turns.map((t) => [t.payload.round, t.payload.currentName])).toEqual([
      [1, 'Aria'],
      [1, 'Goblin'],
      [2, 'Aria'],
    ]);
    // Two GM clients, one send each: adds, start, two turns and the initiative change.
    expect(seen.filter((e) => e.type === 'initiative.updated')).toHaveLength(2 + 1 + 2 + 1 + /* hub ids flagged, no hub write */ 0);
  });

  it('sends HP of linked tokens and warns once about an unlinked one, whose HP stays put', async () => {
    const ogre = await addActor('Ogre', 59);
    const wolf = await addActor('Wolf', 11);
    const c = await table.world.createCombat({}, {}, gm1.user);
    await c.createEmbeddedDocuments('Combatant', [
      { actorId: ogre.id, name: 'Ogre', initiative: 8, token: { id: 't1', actorLink: true } },
      { actorId: wolf.id, name: 'Wolf', initiative: 14, token: { id: 't2', actorLink: false } },
    ]);
    await until(async () => (await encounter()).combatants.length === 2);
    await ogre.update({ 'system.attributes.hp.value': 40 }, {}, gm1.user);
    await until(async () => (await encounter()).combatants.find((x: any) => x.name === 'Ogre').hp.current === 40);
    const unlinkedWolf = combat().combatantDocs.find((x) => x.name === 'Wolf')!.actor!;
    await unlinkedWolf.update({ 'system.attributes.hp.value': 3 }, {}, gm1.user);
    await settle();
    expect((await encounter()).combatants.find((x: any) => x.name === 'Wolf').hp.current).toBe(11);
    expect(gm1.notices.filter((n) => n.message.includes("Wolf's token is not linked"))).toHaveLength(1);
    // Only the active GM's browser speaks up.
    expect(gm2.notices.filter((n) => n.message.includes('not linked'))).toHaveLength(0);
  });

  it('ends the hub combat when the Foundry combat ends', async () => {
    const c = await table.world.createCombat({}, {}, gm1.user);
    await c.createEmbeddedDocuments('Combatant', [{ name: 'Bandit', initiative: 10 }]);
    await until(async () => (await encounter()).combatants.length === 1);
    await c.startCombat();
    await until(async () => (await encounter()).round === 1);
    await c.endCombat();
    await until(async () => (await encounter()).combatants.length === 0);
    expect((await encounter()).round).toBe(0);
  });
});

describe('hub -> Foundry', () => {
  it('mirrors combatants, hidden ones, turns, HP and the end of combat, without sending anything back', async () => {
    const aria = await addActor('Aria', 24, 'character');
    const c = await table.world.createCombat({}, {}, gm1.user);
    await c.createEmbeddedDocuments('Combatant', [{ actorId: aria.id, name: 'Aria', initiative: 15, token: { id: 't1', actorLink: true } }]);
    await until(async () => (await encounter()).combatants.length === 1);
    await settle();
    seen.length = 0;

    // From Discord / MCP: a hidden ambusher, then the turn, then damage.
    await ok(table.hub, 'add_combatants', { campaignId: table.campaignId, combatants: [{ name: 'Assassin', initiative: 20, hidden: true, hp: 30 }] });
    await until(() => combat().combatantDocs.some((x) => x.name === 'Assassin'));
    const assassin = combat().combatantDocs.find((x) => x.name === 'Assassin')!;
    expect(assassin.hidden).toBe(true);
    expect(assassin.initiative).toBe(20);
    await ok(table.hub, 'next_turn', { campaignId: table.campaignId });
    await until(() => combat().round === 1 && combat().combatant?.name === 'Assassin');
    const ariaHubId = combat().combatantDocs.find((x) => x.name === 'Aria')!.getFlag('ttrpg-hub', 'hubId');
    await ok(table.hub, 'change_hp', { campaignId: table.campaignId, combatantId: ariaHubId, damage: 9 });
    await until(() => (aria.system as any).attributes.hp.value === 15);
    await ok(table.hub, 'update_combatant', { campaignId: table.campaignId, combatantId: assassin.getFlag('ttrpg-hub', 'hubId'), hidden: false });
    await until(() => assassin.hidden === false);
    await settle();
    await pause(300);
    // Four hub changes, four announcements: nothing came back from Foundry.
    expect(seen.filter((e) => e.type === 'initiative.updated')).toHaveLength(4);
    expect(table.world.combats).toHaveLength(1);
    expect(combat().combatantDocs).toHaveLength(2);

    await ok(table.hub, 'end_combat', { campaignId: table.campaignId });
    await until(() => table.world.combats.length === 0);
  });

  it('starts a Foundry combat when the hub starts one first', async () => {
    await ok(table.hub, 'add_combatants', { campaignId: table.campaignId, combatants: [{ name: 'Zombie', count: 2, initiative: 5 }] });
    await until(() => table.world.combats.length === 1 && combat().combatantDocs.length === 2);
    await settle();
    expect(combat().combatantDocs.map((x) => x.name).sort()).toEqual(['Zombie 1', 'Zombie 2']);
    expect((await encounter()).combatants).toHaveLength(2);
  });
});

describe('reconnects', () => {
  it('never duplicates combatants, and catches up on what changed while away', async () => {
    const c = await table.world.createCombat({}, {}, gm1.user);
    await c.createEmbeddedDocuments('Combatant', [{ name: 'Knight', initiative: 11 }]);
    await until(async () => (await encounter()).combatants.length === 1);
    await settle();
    // The hub goes away for both GM browsers (e.g. a restart).
    for (const m of table.modules.values()) m.connection?.close();
    await c.createEmbeddedDocuments('Combatant', [{ name: 'Squire', initiative: 9 }]);
    // An add whose answer was lost: the hub has "Page" but Foundry never learnt its id.
    await ok(table.hub, 'add_combatants', { campaignId: table.campaignId, combatants: [{ name: 'Page', initiative: 3 }] });
    await c.createEmbeddedDocuments('Combatant', [{ name: 'Page', initiative: 3 }]);
    await ok(table.hub, 'next_turn', { campaignId: table.campaignId }); // Discord started the combat meanwhile
    for (let i = 0; i < 2; i++) {
      await Promise.all([table.modules.get(gm1)!.connect(), table.modules.get(gm2)!.connect()]);
      await until(() => table.modules.get(gm1)!.status.state === 'connected');
      await until(async () => (await encounter()).combatants.length === 3);
      await settle();
    }
    const enc = await encounter();
    expect(enc.combatants.map((x: any) => x.name).sort()).toEqual(['Knight', 'Page', 'Squire']);
    expect(combat().combatantDocs.map((x) => x.name).sort()).toEqual(['Knight', 'Page', 'Squire']);
    await until(() => combat().round === 1 && combat().combatant?.getFlag('ttrpg-hub', 'hubId') === enc.currentId);
  });
});

describe('bad input', () => {
  it('ignores a malformed hub event with a clear notification and leaves the world alone', async () => {
    const c = await table.world.createCombat({}, {}, gm1.user);
    await c.createEmbeddedDocuments('Combatant', [{ name: 'Guard', initiative: 10 }]);
    await until(async () => (await encounter()).combatants.length === 1);
    await settle();
    await table.hub.core.deps.events.publish({
      type: 'initiative.updated',
      id: 'bad1',
      at: new Date().toISOString(),
      campaignId: table.campaignId,
      sessionId: table.sessionId,
      actor: { id: 'x', name: 'x' },
      version: 999,
      encounter: { round: 'soon', combatants: 'many' },
    } as never);
    await until(() => gm1.notices.some((n) => n.message.includes('Ignored a malformed initiative.updated event')));
    await settle();
    expect(combat().combatantDocs.map((x) => x.name)).toEqual(['Guard']);
  });
});

describe('turn jumps', () => {
  it('follows a step back, and a jump to another round and turn', async () => {
    const c = await table.world.createCombat({}, {}, gm1.user);
    await c.createEmbeddedDocuments('Combatant', [{ name: 'A', initiative: 20 }, { name: 'B', initiative: 15 }, { name: 'C', initiative: 10 }]);
    await until(async () => (await encounter()).combatants.length === 3);
    await c.startCombat();
    await c.nextTurn();
    await until(async () => (await encounter()).currentId === combat().combatant!.getFlag('ttrpg-hub', 'hubId'));
    await c.previousTurn();
    await until(async () => (await encounter()).currentId === combat().turns[0]!.getFlag('ttrpg-hub', 'hubId'));
    await c.update({ round: 4, turn: 2 });
    await until(async () => (await encounter()).round === 4);
    await settle();
    expect((await encounter()).currentId).toBe(combat().turns[2]!.getFlag('ttrpg-hub', 'hubId'));
    expect(seen.filter((e) => e.type === 'turn.changed').map((e) => [e.payload.round, e.payload.currentName])).toEqual([
      [1, 'A'],
      [1, 'B'],
      [1, 'A'],
      [4, 'C'],
    ]);
  });
});
