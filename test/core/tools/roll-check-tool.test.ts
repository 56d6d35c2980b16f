import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createImporters } from '../../../src/importers/create-importers.js';
import { coreFixture } from '../../helpers/core-fixture.js';

const fixture = (name: string) => JSON.parse(readFileSync(resolve('test/fixtures/characters', name), 'utf8'));

async function table() {
  const f = await coreFixture({ importers: createImporters() });
  const campaignId = await f.campaign();
  const alice = await f.member(campaignId, 'player', 'Alice');
  await f.ok('import_character', { campaignId, data: fixture('roll20-v2-rogue5.json') }, alice);
  return { f, campaignId, alice };
}

describe('roll_check: rolls that know the character', () => {
  it('rolls a skill with the sheet\'s bonus through the dice stream, labelled with the character', async () => {
    const { f, campaignId, alice } = await table();
    const sessionId = await f.session(campaignId);
    f.script([12]);
    const out = await f.ok('roll_check', { campaignId, check: 'stealth' }, alice);
    expect(out).toMatchObject({ character: { name: 'Pip Quickfingers' }, check: 'Stealth', kind: 'skill', expression: '1d20+10', total: 22, damage: null, sessionId });
    const event = f.eventsOf('dice.rolled').at(-1)!;
    expect(event).toMatchObject({ campaignId, sessionId, secret: false, actor: { id: alice.id } });
    expect(event.rolls[0]).toMatchObject({ label: 'Pip Quickfingers: Stealth', total: 22 });
    // Logged in the session like any roll.
    expect((await f.ok('get_session', { sessionId })).session.rolls.at(-1).roll.label).toBe('Pip Quickfingers: Stealth');
  });

  it('reads saves, abilities, initiative, advantage and an extra bonus', async () => {
    const { f, campaignId, alice } = await table();
    f.script([5, 17, 3]);
    expect(await f.ok('roll_check', { campaignId, check: 'dex save', advantage: true, bonus: '1d4' }, alice)).toMatchObject({ check: 'Dexterity save', expression: '2d20kh1+7+1d4' });
    f.script([10]);
    expect(await f.ok('roll_check', { campaignId, check: 'Strength', bonus: -1 }, alice)).toMatchObject({ check: 'Strength check', expression: '1d20-1-1', total: 8 });
    f.script([10]);
    expect(await f.ok('roll_check', { campaignId, check: 'initiative', disadvantage: true }, alice)).toMatchObject({ expression: '2d20kl1+4' });
    f.script([10]);
    expect(await f.ok('roll_check', { campaignId, check: 'sleight of hand' }, alice)).toMatchObject({ check: 'Sleight of Hand', total: 20 });
    expect(await f.fail('roll_check', { campaignId, check: 'juggling' }, alice)).toMatchObject({ code: 'VALIDATION', field: 'check', message: expect.stringMatching(/"juggling" is not something Pip Quickfingers can roll.*Shortbow, Shortsword/) });
  });

  it('rolls an attack\'s to-hit and damage, doubling the dice on a natural 20', async () => {
    const { f, campaignId, alice } = await table();
    f.script([13, 4]);
    const hit = await f.ok('roll_check', { campaignId, check: 'shortsword' }, alice);
    expect(hit).toMatchObject({ kind: 'attack', check: 'Shortsword', expression: '1d20+7', total: 20, damage: 8 });
    expect(hit.rolls.map((r: { label: string }) => r.label)).toEqual(['Pip Quickfingers: Shortsword (to hit)', 'Pip Quickfingers: Shortsword (Piercing)']);
    f.script([20, 3, 5]);
    const crit = await f.ok('roll_check', { campaignId, check: 'shortsword' }, alice);
    expect(crit.rolls[1]).toMatchObject({ notation: '2d6+4', total: 12, label: 'Pip Quickfingers: Shortsword (critical Piercing)' });
  });

  it('adds a character to initiative with its name, AC, HP and initiative bonus', async () => {
    const { f, campaignId, alice } = await table();
    await f.session(campaignId);
    const bob = await f.member(campaignId, 'player', 'Bob');
    expect(await f.fail('add_combatants', { campaignId, combatants: [{ characterId: 'Pip' }] }, bob)).toMatchObject({ code: 'FORBIDDEN' });
    f.script([11]);
    const out = await f.ok('add_combatants', { campaignId, combatants: [{ characterId: 'Pip Quickfingers' }] }, alice);
    expect(out.added[0]).toMatchObject({ name: 'Pip Quickfingers', kind: 'pc', ac: 15, initiativeBonus: 4, initiative: 15, hp: { current: 33, max: 38, temp: 4 }, ownerId: alice.id });
    expect(await f.fail('add_combatants', { campaignId, combatants: [{ kind: 'monster' }] })).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/give a name, or a characterId/) });
  });
});
