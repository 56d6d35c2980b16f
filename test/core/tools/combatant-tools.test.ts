import { describe, expect, it } from 'vitest';
import { coreFixture } from '../../helpers/core-fixture.js';

/** A running session with a PC (20 HP) and a goblin (10 HP) and an ogre with no HP tracked. */
async function fight() {
  const f = await coreFixture();
  const campaignId = await f.campaign();
  await f.session(campaignId);
  const { added } = await f.ok('add_combatants', {
    campaignId,
    combatants: [
      { name: 'Tordek', kind: 'pc', initiative: 15, hp: 20 },
      { name: 'Goblin', initiative: 12, hp: 10 },
      { name: 'Ogre', initiative: 8 },
    ],
  });
  const [pc, goblin, ogre] = (added as { id: string }[]).map((c) => c.id);
  const hp = async (combatantId: string, change: object) =>
    (await f.ok('change_hp', { campaignId, combatantId, ...change })).combatant as { hp: { current: number; max: number; temp: number } | null; health: string | null };
  return { f, campaignId, pc: pc!, goblin: goblin!, ogre: ogre!, hp };
}

describe('change_hp', () => {
  it('takes damage from temporary HP first, then from current HP, never below 0', async () => {
    const { pc, hp } = await fight();
    expect((await hp(pc, { tempHp: 5 })).hp).toEqual({ current: 20, max: 20, temp: 5 });
    expect((await hp(pc, { damage: 3 })).hp).toEqual({ current: 20, max: 20, temp: 2 });
    expect((await hp(pc, { damage: 8 })).hp).toEqual({ current: 14, max: 20, temp: 0 });
    const down = await hp(pc, { damage: 50 });
    expect(down.hp).toEqual({ current: 0, max: 20, temp: 0 });
    expect(down.health).toBe('down');
  });

  it('heals up to max HP and leaves temporary HP alone', async () => {
    const { pc, hp } = await fight();
    await hp(pc, { damage: 12 });
    await hp(pc, { tempHp: 4 });
    expect((await hp(pc, { healing: 5 })).hp).toEqual({ current: 13, max: 20, temp: 4 });
    expect((await hp(pc, { healing: 100 })).hp).toEqual({ current: 20, max: 20, temp: 4 });
  });

  it('does not stack temporary HP: the higher value stays', async () => {
    const { pc, hp } = await fight();
    await hp(pc, { tempHp: 5 });
    expect((await hp(pc, { tempHp: 3 })).hp!.temp).toBe(5);
    expect((await hp(pc, { tempHp: 8 })).hp!.temp).toBe(8);
  });

  it('sets current HP (clamped to max) and max HP (capping current)', async () => {
    const { pc, hp } = await fight();
    expect((await hp(pc, { setHp: 7 })).hp).toEqual({ current: 7, max: 20, temp: 0 });
    expect((await hp(pc, { setHp: 99 })).hp).toEqual({ current: 20, max: 20, temp: 0 });
    expect((await hp(pc, { maxHp: 12 })).hp).toEqual({ current: 12, max: 12, temp: 0 });
    expect((await hp(pc, { maxHp: 30 })).hp).toEqual({ current: 12, max: 30, temp: 0 });
  });

  it('tracks HP from maxHp for a combatant added without any', async () => {
    const { f, campaignId, ogre, hp } = await fight();
    const untracked = await f.fail('change_hp', { campaignId, combatantId: ogre, damage: 5 });
    expect(untracked).toMatchObject({ code: 'STATE', field: 'maxHp', message: expect.stringMatching(/set maxHp first/) });
    expect((await hp(ogre, { maxHp: 59 })).hp).toEqual({ current: 59, max: 59, temp: 0 });
  });

  it('needs exactly one kind of change', async () => {
    const { f, campaignId, pc } = await fight();
    const two = await f.fail('change_hp', { campaignId, combatantId: pc, damage: 5, healing: 5 });
    expect(two).toMatchObject({ code: 'VALIDATION', field: 'damage' });
    expect(two.message).toBe('Give exactly one of damage, healing, tempHp, setHp or maxHp (got 2)');
    expect((await f.fail('change_hp', { campaignId, combatantId: pc })).message).toMatch(/\(got none\)/);
    expect(await f.fail('change_hp', { campaignId, combatantId: pc, damage: -3 })).toMatchObject({ code: 'VALIDATION', field: 'damage' });
    expect(await f.fail('change_hp', { campaignId, combatantId: 'ghost', damage: 1 })).toMatchObject({ code: 'NOT_FOUND', field: 'combatantId' });
    // None of the refused calls touched the HP.
    const { session } = await f.ok('get_session', { campaignId });
    expect(session.encounter.combatants.find((c: { id: string }) => c.id === pc).hp).toEqual({ current: 20, max: 20, temp: 0 });
  });

  it('announces the change with the HP before and after', async () => {
    const { f, goblin, hp } = await fight();
    await hp(goblin, { damage: 6 });
    const [event] = f.eventsOf('combatant.hp_changed');
    expect(event).toMatchObject({
      combatantId: goblin, name: 'Goblin', kind: 'monster', hidden: false,
      before: { current: 10, max: 10, temp: 0 }, after: { current: 4, max: 10, temp: 0 }, health: 'bloodied', monsterHp: 'descriptive',
    });
    expect(f.eventsOf('initiative.updated').at(-1)!.version).toBe(event!.version);
  });

  it('lets players change their own characters but not monsters or other players\' characters (issue 14)', async () => {
    const { f, campaignId, pc, goblin } = await fight();
    const player = await f.member(campaignId, 'player');
    const other = await f.member(campaignId, 'player');
    // Tordek was added by the GM; the campaign's character sheet names the player.
    await f.ok('update_campaign_data', { campaignId, operation: 'add', dataType: 'characters', item: { name: 'Tordek', playerId: player.id } });
    expect((await f.ok('change_hp', { combatantId: pc, damage: 4 }, player)).combatant.hp.current).toBe(16);
    expect(await f.fail('change_hp', { combatantId: pc, damage: 4 }, other)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/their own characters/) });
    const error = await f.fail('change_hp', { combatantId: goblin, damage: 4 }, player);
    expect(error).toMatchObject({ code: 'FORBIDDEN', field: 'combatantId', message: expect.stringMatching(/Only the GM can change Goblin/) });
  });
});

describe('add_condition and remove_condition', () => {
  it('adds a condition with its defaults and replaces one of the same name', async () => {
    const { f, campaignId, goblin } = await fight();
    const first = await f.ok('add_condition', { campaignId, combatantId: goblin, name: 'Frightened', rounds: 3, note: 'by the paladin' });
    expect(first.combatant.conditions).toMatchObject([
      { name: 'Frightened', remainingRounds: 3, ticksOn: 'turn_end', anchorId: goblin, skipNextTick: false, note: 'by the paladin' },
    ]);
    const again = await f.ok('add_condition', { campaignId, combatantId: goblin, name: 'frightened', rounds: 1 });
    expect(again.combatant.conditions).toMatchObject([{ name: 'frightened', remainingRounds: 1, note: null }]);
    expect(f.eventsOf('combatant.conditions_changed').map((e) => e.conditions.length)).toEqual([1, 1]);
  });

  it('removes a condition by name, case-insensitively, and says what is there otherwise', async () => {
    const { f, campaignId, pc } = await fight();
    await f.ok('add_condition', { campaignId, combatantId: pc, name: 'Prone' });
    await f.ok('add_condition', { campaignId, combatantId: pc, name: 'Blessed', rounds: 10 });
    const { combatant } = await f.ok('remove_condition', { campaignId, combatantId: pc, name: 'PRONE' });
    expect(combatant.conditions.map((k: { name: string }) => k.name)).toEqual(['Blessed']);
    const error = await f.fail('remove_condition', { campaignId, combatantId: pc, name: 'Prone' });
    expect(error).toMatchObject({ code: 'NOT_FOUND', field: 'name', message: 'Tordek is not "Prone" (conditions: Blessed)' });
    expect(f.eventsOf('combatant.conditions_changed').at(-1)).toMatchObject({ name: 'Tordek', conditions: [{ name: 'Blessed' }] });
  });

  it('rejects an empty or over-long condition name', async () => {
    const { f, campaignId, pc } = await fight();
    expect(await f.fail('add_condition', { campaignId, combatantId: pc, name: ' ' })).toMatchObject({ code: 'VALIDATION', field: 'name' });
    expect(await f.fail('add_condition', { campaignId, combatantId: pc, name: 'x'.repeat(61) })).toMatchObject({ code: 'VALIDATION', field: 'name' });
    expect(await f.fail('add_condition', { campaignId, combatantId: pc, name: 'Slow', rounds: 0 })).toMatchObject({ code: 'VALIDATION', field: 'rounds' });
  });

  it('lets players put conditions on their characters only', async () => {
    const { f, campaignId, pc, goblin } = await fight();
    const player = await f.member(campaignId, 'player');
    // A PC the player added is theirs; the GM's Tordek is not.
    const { added } = await f.ok('add_combatants', { combatants: [{ name: 'Mialee', kind: 'pc', initiative: 11 }] }, player);
    const own = (added as { id: string }[])[0]!.id;
    await f.ok('add_condition', { combatantId: own, name: 'Inspired' }, player);
    expect((await f.fail('add_condition', { combatantId: pc, name: 'Inspired' }, player)).code).toBe('FORBIDDEN');
    expect((await f.fail('add_condition', { combatantId: goblin, name: 'Charmed' }, player)).code).toBe('FORBIDDEN');
    expect((await f.fail('remove_condition', { combatantId: own, name: 'Inspired' }, await f.member(campaignId, 'player'))).code).toBe('FORBIDDEN');
    expect((await f.fail('remove_condition', { combatantId: own, name: 'Inspired' }, await f.member(campaignId, 'viewer'))).code).toBe('FORBIDDEN');
  });
});

describe('update_combatant', () => {
  it('renames, changes AC and kind, and refuses an empty change', async () => {
    const { f, campaignId, goblin } = await fight();
    const { combatant } = await f.ok('update_combatant', { campaignId, combatantId: goblin, name: 'Goblin Boss', ac: 17, kind: 'npc' });
    expect(combatant).toMatchObject({ id: goblin, name: 'Goblin Boss', ac: 17, kind: 'npc', hp: { current: 10 } });
    const error = await f.fail('update_combatant', { campaignId, combatantId: goblin });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'name', message: expect.stringMatching(/Nothing to change/) });
    expect((await f.ok('update_combatant', { campaignId, combatantId: goblin, ac: null })).combatant.ac).toBeNull();
  });

  it('moves a combatant whose new bonus wins a tie', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    await f.session(campaignId);
    const { added } = await f.ok('add_combatants', { campaignId, combatants: [{ name: 'A', initiative: 14, initiativeBonus: 3 }, { name: 'B', initiative: 14, initiativeBonus: 1 }] });
    const b = (added as { id: string; name: string }[]).find((c) => c.name === 'B')!.id;
    const { encounter } = await f.ok('update_combatant', { campaignId, combatantId: b, initiativeBonus: 5 });
    expect((encounter as { combatants: { name: string }[] }).combatants.map((c) => c.name)).toEqual(['B', 'A']);
  });
});

describe('hidden combatants and players', () => {
  it('answers a player who names a hidden combatant as if it did not exist', async () => {
    const { f, campaignId } = await fight();
    const { added } = await f.ok('add_combatants', { campaignId, combatants: [{ name: 'Assassin', initiative: 20, hp: 30, hidden: true }] });
    const player = await f.member(campaignId, 'player');
    const error = await f.fail('change_hp', { campaignId, combatantId: (added as { id: string }[])[0]!.id, damage: 1 }, player);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).not.toContain('Assassin');
  });
});

