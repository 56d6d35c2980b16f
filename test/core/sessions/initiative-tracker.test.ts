import { describe, expect, it } from 'vitest';
import { coreFixture } from '../../helpers/core-fixture.js';

/**
 * The tracker's subtler rules, driven through the tools a GM uses.
 * Order: A (initiative 20), B (10), C (5).
 */
async function fight() {
  const f = await coreFixture();
  const campaignId = await f.campaign();
  await f.session(campaignId);
  const { added } = await f.ok('add_combatants', {
    campaignId,
    combatants: [{ name: 'A', initiative: 20 }, { name: 'B', initiative: 10 }, { name: 'C', initiative: 5 }],
  });
  const [a, b, c] = (added as { id: string }[]).map((x) => x.id);
  const next = async () => (await f.ok('next_turn', { campaignId })) as { encounter: { round: number; currentId: string }; expired: { name: string; condition: string }[] };
  const encounter = async () => (await f.ok('get_session', { campaignId })).session.encounter as Enc;
  return { f, campaignId, a: a!, b: b!, c: c!, next, encounter };
}
type Enc = { round: number; currentId: string | null; combatants: { id: string; name: string; conditions: { name: string; remainingRounds: number | null; anchorId: string }[] }[] };
const conditionsOf = (enc: Enc, id: string) => enc.combatants.find((x) => x.id === id)!.conditions;

describe('initiative tracker rules', () => {
  it('keeps a hand-arranged order when a newcomer joins', async () => {
    const { f, campaignId, c, encounter } = await fight();
    await f.ok('move_combatant', { campaignId, combatantId: c, position: 1 });
    await f.ok('add_combatants', { campaignId, combatants: [{ name: 'D', initiative: 1 }] });
    expect((await encounter()).combatants.map((x) => x.name)).toEqual(['C', 'A', 'B', 'D']);
  });

  it('keeps the turn with the same combatant when its initiative changes mid-round', async () => {
    const { f, campaignId, b, next } = await fight();
    await next();
    await next();
    const { encounter } = await f.ok('set_initiative', { campaignId, combatantId: b, initiative: 25 });
    expect(encounter).toMatchObject({ round: 1, currentId: b });
    expect(encounter.combatants.map((x: { name: string }) => x.name)).toEqual(['B', 'A', 'C']);
  });

  it('does not give back rounds a condition already counted down when stepping back', async () => {
    const { f, campaignId, a, next, encounter } = await fight();
    await f.ok('add_condition', { campaignId, combatantId: a, name: 'Raging', rounds: 3 });
    await next(); // A's turn
    await next(); // A's turn ends: 2 left
    expect(conditionsOf(await encounter(), a)[0]!.remainingRounds).toBe(2);
    const back = await f.ok('previous_turn', { campaignId });
    expect(back.expired).toEqual([]);
    expect(conditionsOf(await encounter(), a)[0]!.remainingRounds).toBe(2);
  });

  it('re-anchors durations to their holder when the anchor leaves, so they still run out', async () => {
    const { f, campaignId, b, c, next, encounter } = await fight();
    await f.ok('add_condition', { campaignId, combatantId: c, name: 'Hold Person', rounds: 1, anchorId: b });
    await f.ok('remove_combatant', { campaignId, combatantId: b });
    expect(conditionsOf(await encounter(), c)).toMatchObject([{ name: 'Hold Person', anchorId: c, remainingRounds: 1 }]);
    await next(); // A
    const ended = await next(); // A ends, C starts
    expect(ended.expired).toEqual([]);
    expect((await next()).expired).toEqual([{ combatantId: c, name: 'C', condition: 'Hold Person' }]);
  });

  it('starts the next combatant\'s turn when the current one is removed, counting its turn-start durations', async () => {
    const { f, campaignId, a, b, next, encounter } = await fight();
    await next(); // A's turn
    await f.ok('add_condition', { campaignId, combatantId: b, name: 'Stunned', rounds: 1, ticksOn: 'turn_start' });
    await f.ok('add_condition', { campaignId, combatantId: b, name: 'Blessed', rounds: 2, ticksOn: 'turn_start' });
    await f.ok('remove_combatant', { campaignId, combatantId: a });
    // As if A had ended its turn: B's turn begins and "until the start of B's next turn" is over.
    const enc = await encounter();
    expect(enc).toMatchObject({ round: 1, currentId: b });
    expect(conditionsOf(enc, b).map((k) => [k.name, k.remainingRounds])).toEqual([['Blessed', 1]]);
  });

  it('starts a new round with the first in order after the last one\'s turn', async () => {
    const { a, next } = await fight();
    for (let i = 0; i < 6; i++) await next();
    expect((await next()).encounter).toMatchObject({ round: 3, currentId: a });
  });

  it('counts a condition set before combat from the holder\'s first turn', async () => {
    const { f, campaignId, a, next } = await fight();
    await f.ok('add_condition', { campaignId, combatantId: a, name: 'Surprised', rounds: 1 });
    expect((await next()).expired).toEqual([]);
    expect((await next()).expired).toEqual([{ combatantId: a, name: 'A', condition: 'Surprised' }]);
  });
});
