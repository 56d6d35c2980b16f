import { describe, expect, it } from 'vitest';
import { coreFixture } from '../../helpers/core-fixture.js';

type C = { id: string; name: string; initiative: number | null; groupId: string | null };
const names = (enc: { combatants: C[] }) => enc.combatants.map((c) => c.name);

/** A campaign with a running session. Dice faces: each combatant draws its d20 (unless fixed), then a tie-break. */
async function table() {
  const f = await coreFixture();
  const campaignId = await f.campaign();
  const sessionId = await f.session(campaignId);
  const add = async (...combatants: object[]) => (await f.ok('add_combatants', { campaignId, combatants })) as { added: C[]; encounter: { combatants: C[] } };
  return { f, campaignId, sessionId, add };
}

describe('add_combatants', () => {
  it('uses fixed initiative as given and puts the highest first', async () => {
    const { f, campaignId, add } = await table();
    await add({ name: 'Tordek', kind: 'pc', initiative: 12, hp: 30, ac: 18 }, { name: 'Bugbear', initiative: 19 }, { name: 'Sildar', kind: 'npc', initiative: 3 });
    const { session } = await f.ok('get_session', { campaignId });
    expect(names(session.encounter)).toEqual(['Bugbear', 'Tordek', 'Sildar']);
    expect(session.encounter.combatants[1]).toMatchObject({
      kind: 'pc', initiative: 12, hp: { current: 30, max: 30, temp: 0 }, ac: 18, hidden: false, conditions: [], groupId: null, health: 'healthy',
    });
    // A monster is the default kind; no HP given means none tracked.
    expect(session.encounter.combatants[0]).toMatchObject({ kind: 'monster', hp: null, ac: null, health: null });
  });

  it('rolls d20 + bonus when no initiative is given', async () => {
    const { f, add } = await table();
    f.script([12, 1000, 3, 2000]);
    const { added } = await add({ name: 'Goblin', initiativeBonus: 2 }, { name: 'Orc', initiativeBonus: 1 });
    expect(added.map((c) => [c.name, c.initiative])).toEqual([['Goblin', 14], ['Orc', 4]]);
  });

  it('breaks ties by the higher bonus, then by the tie-break drawn on joining', async () => {
    const { f, add } = await table();
    f.script([100, 500, 900, 50]);
    const { encounter } = await add(
      { name: 'Low draw', initiative: 15, initiativeBonus: 2 },
      { name: 'Big bonus', initiative: 15, initiativeBonus: 5 },
      { name: 'High draw', initiative: 15, initiativeBonus: 2 },
      { name: 'Fastest', initiative: 18, initiativeBonus: -1 },
    );
    expect(names(encounter)).toEqual(['Fastest', 'Big bonus', 'High draw', 'Low draw']);
  });

  it('adds a group with count as numbered creatures sharing a group id, each rolling', async () => {
    const { f, add } = await table();
    f.script([10, 1, 15, 2, 5, 3]);
    const { added, encounter } = await add({ name: 'Goblin', count: 3, initiativeBonus: 2, hp: 7 });
    expect(added.map((c) => [c.name, c.initiative])).toEqual([['Goblin 2', 17], ['Goblin 1', 12], ['Goblin 3', 7]]);
    expect(names(encounter)).toEqual(['Goblin 2', 'Goblin 1', 'Goblin 3']);
    const groups = new Set(added.map((c) => c.groupId));
    expect(groups.size).toBe(1);
    expect([...groups][0]).toEqual(expect.any(String));
    expect(new Set(added.map((c) => c.id)).size).toBe(3);
  });

  it('rolls once for a group with sharedInitiative', async () => {
    const { f, add } = await table();
    // Had each goblin rolled, 500 would have been drawn for a d20 and failed the call.
    f.script([11, 500, 400, 300]);
    const { added } = await add({ name: 'Goblin', count: 3, initiativeBonus: 1, sharedInitiative: true });
    expect(added.map((c) => [c.name, c.initiative])).toEqual([['Goblin 1', 12], ['Goblin 2', 12], ['Goblin 3', 12]]);
  });

  it('lists the order as text with combat not yet started', async () => {
    const { f, campaignId } = await table();
    const r = await f.call('add_combatants', { campaignId, combatants: [{ name: 'Tordek', kind: 'pc', initiative: 12, hp: 30 }] });
    expect(r.text).toMatch(/^Combat has not started \(next_turn starts round 1\)\n {2}12 {2}Tordek \(PC\) 30\/30 HP {2}id /);
  });

  it('lets players add their own characters only', async () => {
    const { f, campaignId } = await table();
    const player = await f.member(campaignId, 'player', 'Alice');
    const { added } = await f.ok('add_combatants', { combatants: [{ name: 'Lia', kind: 'pc', initiative: 14 }] }, player);
    expect(added).toMatchObject([{ name: 'Lia', kind: 'pc' }]);
    for (const spec of [{ name: 'Dragon' }, { name: 'Spy', kind: 'npc' }, { name: 'Sneaky', kind: 'pc', hidden: true }]) {
      const error = await f.fail('add_combatants', { combatants: [spec] }, player);
      expect(error).toMatchObject({ code: 'FORBIDDEN', field: 'combatants', message: expect.stringMatching(/kind "pc", not hidden/) });
    }
    const viewer = await f.member(campaignId, 'viewer');
    expect((await f.fail('add_combatants', { combatants: [{ name: 'Lurker', kind: 'pc' }] }, viewer)).code).toBe('FORBIDDEN');
    expect(names((await f.ok('get_session', { campaignId })).session.encounter)).toEqual(['Lia']);
  });

  it('caps the order at 200 combatants', async () => {
    const { f, campaignId, add } = await table();
    const group = { name: 'Zombie', count: 50, initiative: 5 };
    const error = await f.fail('add_combatants', { campaignId, combatants: [group, group, group, group, group] });
    expect(error).toMatchObject({ code: 'LIMIT', field: 'combatants', message: 'That makes 250 combatants: the limit is 200' });
    await add(group);
    expect((await f.ok('get_session', { campaignId })).session.encounter.combatants).toHaveLength(50);
  });

  it('needs a running session', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const spec = { combatants: [{ name: 'Goblin', initiative: 3 }] };
    expect(await f.fail('add_combatants', { campaignId, ...spec })).toMatchObject({ code: 'STATE', field: 'sessionId' });
    const sessionId = await f.session(campaignId);
    await f.ok('end_session', { sessionId });
    const ended = await f.fail('add_combatants', { sessionId, ...spec });
    expect(ended).toMatchObject({ code: 'STATE', field: 'sessionId', message: expect.stringMatching(/has ended: start a new session/) });
  });

  it('announces every change to the order with initiative.updated', async () => {
    const { f, sessionId, add } = await table();
    await add({ name: 'Goblin', initiative: 10, hp: 7 });
    const [event] = f.eventsOf('initiative.updated');
    expect(event).toMatchObject({ sessionId, version: 2, encounter: { round: 0, combatants: [{ name: 'Goblin', hp: { current: 7 }, health: 'healthy' }] } });
  });
});

describe('reordering: set_initiative, move_combatant, roll_initiative', () => {
  it('set_initiative moves the combatant to its new place', async () => {
    const { f, campaignId, add } = await table();
    const { added } = await add({ name: 'A', initiative: 20 }, { name: 'B', initiative: 10 }, { name: 'C', initiative: 5 });
    const { encounter } = await f.ok('set_initiative', { campaignId, combatantId: added[2]!.id, initiative: 15 });
    expect(encounter.combatants.map((c: C) => [c.name, c.initiative])).toEqual([['A', 20], ['C', 15], ['B', 10]]);
    expect(await f.fail('set_initiative', { campaignId, combatantId: 'ghost', initiative: 1 })).toMatchObject({ code: 'NOT_FOUND', field: 'combatantId' });
    expect(await f.fail('set_initiative', { campaignId, combatantId: added[0]!.id, initiative: 500 })).toMatchObject({ code: 'VALIDATION', field: 'initiative' });
  });

  it('move_combatant puts a combatant at a 1-based position and checks the range', async () => {
    const { f, campaignId, add } = await table();
    const { added } = await add({ name: 'A', initiative: 20 }, { name: 'B', initiative: 10 }, { name: 'C', initiative: 5 });
    const b = added.find((c) => c.name === 'B')!;
    expect(names((await f.ok('move_combatant', { campaignId, combatantId: b.id, position: 1 })).encounter)).toEqual(['B', 'A', 'C']);
    expect(names((await f.ok('move_combatant', { campaignId, combatantId: b.id, position: 3 })).encounter)).toEqual(['A', 'C', 'B']);
    const error = await f.fail('move_combatant', { campaignId, combatantId: b.id, position: 4 });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'position', message: 'position 4 is outside the order: expected 1 to 3' });
    expect(names((await f.ok('get_session', { campaignId })).session.encounter)).toEqual(['A', 'C', 'B']);
  });

  it('roll_initiative re-rolls only whom it is asked to and re-sorts', async () => {
    const { f, campaignId, add } = await table();
    f.script([7, 3, 8]);
    await add({ name: 'Tordek', kind: 'pc', initiative: 15 }, { name: 'Goblin', initiativeBonus: 2 });
    expect(names((await f.ok('get_session', { campaignId })).session.encounter)).toEqual(['Tordek', 'Goblin']);
    f.script([20]);
    const { encounter } = await f.ok('roll_initiative', { campaignId });
    expect(encounter.combatants.map((c: C) => [c.name, c.initiative])).toEqual([['Goblin', 22], ['Tordek', 15]]);
    f.script([1]);
    const all = await f.ok('roll_initiative', { campaignId, who: 'all' });
    expect(all.encounter.combatants.map((c: C) => [c.name, c.initiative])).toEqual([['Goblin', 3], ['Tordek', 1]]);
  });

  it('is the GM\'s job', async () => {
    const { f, campaignId, add } = await table();
    const { added } = await add({ name: 'A', initiative: 20 });
    const player = await f.member(campaignId, 'player');
    for (const [tool, input] of [['set_initiative', { combatantId: added[0]!.id, initiative: 1 }], ['move_combatant', { combatantId: added[0]!.id, position: 1 }], ['roll_initiative', {}], ['end_combat', {}]] as const) {
      expect((await f.fail(tool, input, player)).code, tool).toBe('FORBIDDEN');
    }
  });
});

describe('remove_combatant and end_combat', () => {
  it('passes the turn on when the current combatant is removed', async () => {
    const { f, campaignId, add } = await table();
    const { added } = await add({ name: 'A', initiative: 20 }, { name: 'B', initiative: 10 }, { name: 'C', initiative: 5 });
    const [a, b, c] = added;
    await f.ok('next_turn', { campaignId });
    const { encounter } = await f.ok('remove_combatant', { campaignId, combatantId: a!.id });
    expect(encounter).toMatchObject({ round: 1, currentId: b!.id });
    expect(names(encounter)).toEqual(['B', 'C']);

    await f.ok('next_turn', { campaignId });
    // The last in order leaves on its turn: the next round starts with the first.
    const wrapped = (await f.ok('remove_combatant', { campaignId, combatantId: c!.id })).encounter;
    expect(wrapped).toMatchObject({ round: 2, currentId: b!.id });
    const empty = (await f.ok('remove_combatant', { campaignId, combatantId: b!.id })).encounter;
    expect(empty).toMatchObject({ round: 0, currentId: null, combatants: [] });
  });

  it('leaves the turn alone when someone else is removed', async () => {
    const { f, campaignId, add } = await table();
    const { added } = await add({ name: 'A', initiative: 20 }, { name: 'B', initiative: 10 });
    await f.ok('next_turn', { campaignId });
    const { encounter } = await f.ok('remove_combatant', { campaignId, combatantId: added[1]!.id });
    expect(encounter).toMatchObject({ round: 1, currentId: added[0]!.id });
    expect(await f.fail('remove_combatant', { campaignId, combatantId: 'ghost' })).toMatchObject({ code: 'NOT_FOUND', field: 'combatantId' });
  });

  it('end_combat clears the order but keeps the session and the HP display setting', async () => {
    const { f, campaignId, add } = await table();
    await add({ name: 'A', initiative: 20 });
    await f.ok('configure_encounter', { campaignId, monsterHp: 'hidden' });
    await f.ok('next_turn', { campaignId });
    const r = await f.call('end_combat', { campaignId });
    expect(r.ok && r.value.encounter).toEqual({ round: 0, currentId: null, combatants: [], monsterHp: 'hidden' });
    expect(r.text).toBe('Combat is over; the initiative order is clear.');
    expect((await f.ok('get_session', { campaignId })).session.status).toBe('active');
  });
});
