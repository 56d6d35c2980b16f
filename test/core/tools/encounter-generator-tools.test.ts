import { describe, expect, it } from 'vitest';
import { coreFixture } from '../../helpers/core-fixture.js';

describe('generate_encounter', () => {
  it('balances a fight for the party and puts it into the active initiative with HP and AC', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    await f.session(campaignId);
    const e = await f.ok('generate_encounter', { campaignId, partyLevels: [5, 5, 5, 4], difficulty: 'hard', environment: 'forest', seed: 4, addToInitiative: true });
    expect(e.thresholds).toEqual({ easy: 875, medium: 1750, hard: 2625, deadly: 3800 });
    expect(e.xpAdjusted).toBeGreaterThanOrEqual(2625);
    expect(e.xpAdjusted).toBeLessThan(3800);
    expect(e.difficulty).toBe('hard');
    expect(e.monsters[0].source).toBe('SRD 5.1 (built-in list)');
    const { session } = await f.ok('get_session', { campaignId });
    const count = e.monsters.reduce((s: number, m: { count: number }) => s + m.count, 0);
    expect(session.encounter.combatants).toHaveLength(count);
    const first = e.monsters[0];
    const added = session.encounter.combatants.find((c: { name: string }) => c.name.startsWith(first.name));
    expect(added).toMatchObject({ kind: 'monster', ac: first.ac, hp: { current: first.hp, max: first.hp }, initiativeBonus: first.initiativeBonus });
    expect(e.added).toHaveLength(count);
  });

  it('says how far above deadly a deadly fight is', async () => {
    const f = await coreFixture();
    const e = await f.ok('generate_encounter', { partyLevels: [3, 3], difficulty: 'deadly', seed: 1 });
    expect(e.aboveDeadly.xp).toBe(e.xpAdjusted - 800);
    expect(e.aboveDeadly.xp).toBeGreaterThanOrEqual(0);
  });

  it('refuses an empty or impossible party and players adding monsters, naming the field', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    await f.session(campaignId);
    expect(await f.fail('generate_encounter', { partyLevels: [] })).toMatchObject({ code: 'VALIDATION', field: 'partyLevels', message: expect.stringMatching(/1 to 8/) });
    expect(await f.fail('generate_encounter', { partyLevels: [5, 99] })).toMatchObject({ code: 'VALIDATION', field: 'partyLevels.1', message: expect.stringMatching(/1 to 20/) });
    expect(await f.fail('generate_encounter', { partyLevels: [1, 1, 1, 1, 1, 1, 1, 1, 1] })).toMatchObject({ code: 'VALIDATION', field: 'partyLevels' });
    expect(await f.fail('generate_encounter', { partyLevels: [3], environment: 'moon' })).toMatchObject({ field: 'environment', message: expect.stringMatching(/arctic/) });
    expect(await f.fail('generate_encounter', { partyLevels: [3], system: 'pathfinder' })).toMatchObject({ field: 'system' });
    const player = await f.member(campaignId, 'player');
    expect(await f.fail('generate_encounter', { partyLevels: [3], addToInitiative: true }, player)).toMatchObject({ code: 'FORBIDDEN', field: 'addToInitiative' });
    const { session } = await f.ok('get_session', { campaignId });
    expect(session.encounter.combatants).toEqual([]);
  });
});
