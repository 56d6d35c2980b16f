import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StandinClient } from './foundry-standin.js';
import { ok, pause, startTable, until, type Table } from './module-harness.js';

// Dice both ways between the stand-in Foundry (two GM browsers, a player) and a real hub.

let table: Table;
let gm1: StandinClient;
let gm2: StandinClient;
let player: StandinClient;

const rolls = async () => (await ok(table.hub, 'get_session', { sessionId: table.sessionId })).session.rolls as any[];

beforeEach(async () => {
  table = await startTable();
  gm1 = table.world.join('Gamemaster', true, 'a-gm');
  gm2 = table.world.join('Assistant GM', true, 'b-gm');
  player = table.world.join('Aria', false, 'c-player');
  await table.start(gm1, table.gmToken);
  await table.start(gm2, table.gmToken);
  await table.start(player);
  await until(() => table.modules.get(gm1)!.status.state === 'connected' && table.modules.get(gm2)!.status.state === 'connected');
});
afterEach(() => table?.close());

describe('Foundry rolls reach the hub', () => {
  it('relays a public roll once, with its faces, total and roller, and shows no echo card', async () => {
    const roll = await table.world.roll('2d20kh1 + 5').evaluate();
    await roll.toMessage({ flavor: '<b>Stealth</b> check', speaker: { alias: 'Aria' } }, { user: player.user });
    const [logged] = (await until(async () => ((await rolls()).length === 1 ? rolls() : null)))!;
    expect(logged.secret).toBe(false);
    expect(logged.roller.name).toBe('Aria');
    expect(logged.roll.total).toBe(roll.total);
    expect(logged.roll.label).toBe('Stealth check');
    expect(logged.roll.terms[0].dice.map((d: any) => [d.value, d.kept])).toEqual(roll.dice[0]!.results.map((r) => [r.result, r.active]));
    await pause(400);
    // The hub announced it; neither GM browser turned it into a second chat card.
    expect(table.world.messages).toHaveLength(1);
    expect(await rolls()).toHaveLength(1);
  });

  it('keeps blind, GM and self rolls secret', async () => {
    for (const rollMode of ['blindroll', 'gmroll', 'selfroll']) {
      const roll = await table.world.roll('1d20').evaluate();
      await roll.toMessage({ speaker: { alias: 'Aria' } }, { rollMode, user: player.user });
    }
    const logged = (await until(async () => ((await rolls()).length === 3 ? rolls() : null)))!;
    expect(logged.map((r) => r.secret)).toEqual([true, true, true]);
    // A player token's view of the session holds no secret roll.
    const asPlayer = await ok(table.hub, 'get_session', { sessionId: table.sessionId }, table.playerToken);
    expect(asPlayer.session.rolls).toHaveLength(0);
  });

  it('waits for Dice So Nice to finish before the roll is known elsewhere', async () => {
    table.world.modules.set('dice-so-nice', { active: true });
    const roll = await table.world.roll('1d20').evaluate();
    const message = await roll.toMessage({ speaker: { alias: 'Aria' } }, { user: player.user });
    await pause(500);
    expect(await rolls()).toHaveLength(0);
    for (const c of table.world.clients) c.Hooks.callAll('diceSoNiceRollComplete', message.id);
    await until(async () => (await rolls()).length === 1);
  });
});

describe('hub rolls reach Foundry', () => {
  it('shows a roll made over the API as one chat card with its breakdown; a secret one only to GMs', async () => {
    const made = await ok(table.hub, 'roll_dice', { campaignId: table.campaignId, expression: '1d20+5 # Perception' });
    await until(() => table.world.messages.length === 1);
    await pause(300);
    expect(table.world.messages).toHaveLength(1); // two GM browsers, one card
    const card = table.world.messages[0]!;
    expect(card.content).toContain(made.rolls[0].breakdown.replace(/&/g, '&amp;'));
    expect(card.content).toContain('Perception');
    expect(card.whisper).toEqual([]);
    expect(card.getFlag('ttrpg-hub', 'fromHub')).toBe(true);

    await ok(table.hub, 'roll_dice', { campaignId: table.campaignId, expression: '1d100', secret: true });
    await until(() => table.world.messages.length === 2);
    expect(table.world.messages[1]!.whisper.sort()).toEqual(['a-gm', 'b-gm']);
    // The cards are not relayed back as Foundry rolls.
    await pause(300);
    expect(await rolls()).toHaveLength(2);
  });
});
