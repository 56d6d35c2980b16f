import { describe, expect, it } from 'vitest';
import { coreFixture } from '../../helpers/core-fixture.js';

/** A running session with A (initiative 20), B (10) and C (5) in the order. */
async function fight() {
  const f = await coreFixture();
  const campaignId = await f.campaign();
  const sessionId = await f.session(campaignId);
  const { added } = await f.ok('add_combatants', {
    campaignId,
    combatants: [{ name: 'A', kind: 'pc', initiative: 20 }, { name: 'B', initiative: 10 }, { name: 'C', initiative: 5 }],
  });
  const [a, b, c] = added as { id: string }[];
  const next = async () => (await f.ok('next_turn', { campaignId })) as { encounter: { round: number; currentId: string }; expired: unknown[] };
  return { f, campaignId, sessionId, a: a!.id, b: b!.id, c: c!.id, next };
}

describe('next_turn', () => {
  it('starts round 1 with the first in order, then goes round the table into round 2', async () => {
    const { f, sessionId, a, b, c, next } = await fight();
    expect((await next()).encounter).toMatchObject({ round: 1, currentId: a });
    expect((await next()).encounter).toMatchObject({ round: 1, currentId: b });
    expect((await next()).encounter).toMatchObject({ round: 1, currentId: c });
    const wrapped = await next();
    expect(wrapped.encounter).toMatchObject({ round: 2, currentId: a });
    expect(wrapped.expired).toEqual([]);

    const turns = f.eventsOf('turn.changed');
    expect(turns.map((e) => [e.round, e.currentName, e.previousId])).toEqual([
      [1, 'A', null],
      [1, 'B', a],
      [1, 'C', b],
      [2, 'A', c],
    ]);
    expect(turns[0]).toMatchObject({ sessionId, currentId: a, hidden: false, previousHidden: false, expired: [] });
  });

  it('marks whose turn it is in the text', async () => {
    const { f, campaignId } = await fight();
    const r = await f.call('next_turn', { campaignId });
    expect(r.text.split('\n').slice(0, 3)).toEqual([
      'Round 1',
      expect.stringMatching(/^▶ 20 {2}A \(PC\) {2}id /),
      expect.stringMatching(/^ {2}10 {2}B {2}id /),
    ]);
  });

  it('refuses to start combat with nobody in the order', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    await f.session(campaignId);
    const error = await f.fail('next_turn', { campaignId });
    expect(error).toMatchObject({ code: 'STATE', message: expect.stringMatching(/add combatants first/) });
  });

  it('may be called by players (to end their turn) but not by viewers', async () => {
    const { f, campaignId, a } = await fight();
    const player = await f.member(campaignId, 'player');
    const viewer = await f.member(campaignId, 'viewer');
    expect((await f.ok('next_turn', {}, player)).encounter.currentId).toBe(a);
    expect((await f.fail('next_turn', {}, viewer)).code).toBe('FORBIDDEN');
    expect((await f.fail('previous_turn', {}, player)).code).toBe('FORBIDDEN');
  });
});

describe('previous_turn', () => {
  it('has nothing to go back to before combat or on the very first turn', async () => {
    const { f, campaignId, next } = await fight();
    const before = await f.fail('previous_turn', { campaignId });
    expect(before).toMatchObject({ code: 'STATE', message: expect.stringMatching(/use next_turn to start round 1/) });
    await next();
    const first = await f.fail('previous_turn', { campaignId });
    expect(first).toMatchObject({ code: 'STATE', message: 'This is the first turn of round 1: there is no previous turn' });
    expect(f.eventsOf('turn.changed')).toHaveLength(1);
  });

  it('steps back within a round and across into the previous round', async () => {
    const { f, campaignId, a, c, next } = await fight();
    await next();
    await next();
    expect((await f.ok('previous_turn', { campaignId })).encounter).toMatchObject({ round: 1, currentId: a });
    await next();
    await next();
    await next();
    expect((await f.ok('previous_turn', { campaignId })).encounter).toMatchObject({ round: 1, currentId: c });
    expect(f.eventsOf('turn.changed').at(-1)).toMatchObject({ round: 1, currentId: c, previousId: a });
    // Going forward again picks up where it left off.
    expect((await next()).encounter).toMatchObject({ round: 2, currentId: a });
  });
});

describe('condition durations over turns', () => {
  it('counts down at the end of the holder\'s turn and expires on its last one', async () => {
    const { f, campaignId, b, next } = await fight();
    await next(); // A's turn, round 1
    const { combatant } = await f.ok('add_condition', { campaignId, combatantId: b, name: 'Poisoned', rounds: 2 });
    expect(combatant.conditions).toMatchObject([{ name: 'Poisoned', remainingRounds: 2, ticksOn: 'turn_end', anchorId: b, skipNextTick: false }]);

    expect((await next()).expired).toEqual([]); // B's turn starts
    expect((await next()).expired).toEqual([]); // B's turn ends: 1 round left
    const { session } = await f.ok('get_session', { campaignId });
    expect(session.encounter.combatants.find((x: { id: string }) => x.id === b).conditions[0].remainingRounds).toBe(1);
    await next(); // A, round 2
    await next(); // B, round 2
    const r = await f.call('next_turn', { campaignId }); // B's turn ends again
    expect(r.ok && r.value.expired).toEqual([{ combatantId: b, name: 'B', condition: 'Poisoned' }]);
    expect(r.text).toMatch(/B is no longer Poisoned/);
    expect(f.eventsOf('turn.changed').at(-1)).toMatchObject({ round: 2, expired: [{ combatantId: b, name: 'B', condition: 'Poisoned', hidden: false }] });
    expect((await f.ok('get_session', { campaignId })).session.encounter.combatants.find((x: { id: string }) => x.id === b).conditions).toEqual([]);
  });

  it('with ticksOn turn_start, expires as the holder\'s turn begins', async () => {
    const { f, campaignId, b, next } = await fight();
    await next(); // A's turn
    await f.ok('add_condition', { campaignId, combatantId: b, name: 'Stunned', rounds: 1, ticksOn: 'turn_start' });
    const started = await next(); // B's turn starts
    expect(started.encounter.currentId).toBe(b);
    expect(started.expired).toEqual([{ combatantId: b, name: 'B', condition: 'Stunned' }]);
  });

  it('applied during the holder\'s own turn, lasts until the end of its next turn', async () => {
    const { f, campaignId, a, next } = await fight();
    await next(); // A's turn, round 1
    const { combatant } = await f.ok('add_condition', { campaignId, combatantId: a, name: 'Dodging', rounds: 1 });
    expect(combatant.conditions[0]).toMatchObject({ skipNextTick: true, remainingRounds: 1 });
    expect((await next()).expired).toEqual([]); // end of the turn it was applied in: not yet
    await next(); // C
    expect((await next()).encounter).toMatchObject({ round: 2, currentId: a });
    const ended = await next(); // end of A's next turn
    expect(ended.expired).toEqual([{ combatantId: a, name: 'A', condition: 'Dodging' }]);
  });

  it('counts down on the anchor\'s turn when anchored to another combatant', async () => {
    const { f, campaignId, a, b, c, next } = await fight();
    await next(); // A's turn
    await next(); // B's turn: B casts on C
    await f.ok('add_condition', { campaignId, combatantId: c, name: 'Hold Person', rounds: 1, anchorId: b });
    await next(); // B's turn ends, but the spell was cast this turn
    await next(); // C's turn ends, round 2 starts: C's own turn does not count
    await next(); // B's turn, round 2
    const ended = await next();
    expect(ended.expired).toEqual([{ combatantId: c, name: 'C', condition: 'Hold Person' }]);
    const missing = await f.fail('add_condition', { campaignId, combatantId: a, name: 'Blessed', anchorId: 'ghost' });
    expect(missing).toMatchObject({ code: 'NOT_FOUND', field: 'anchorId' });
  });

  it('keeps a condition without rounds until it is removed', async () => {
    const { f, campaignId, b, next } = await fight();
    await f.ok('add_condition', { campaignId, combatantId: b, name: 'Prone' });
    for (let i = 0; i < 7; i++) expect((await next()).expired).toEqual([]);
    const { session } = await f.ok('get_session', { campaignId });
    expect(session.encounter.combatants.find((x: { id: string }) => x.id === b).conditions).toMatchObject([{ name: 'Prone', remainingRounds: null }]);
  });
});
