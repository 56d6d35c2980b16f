import { describe, expect, it } from 'vitest';
import { coreFixture } from '../../helpers/core-fixture.js';

describe('the session dice log', () => {
  it('keeps every roll across pages and returns the newest with the session, in order', async () => {
    const f = await coreFixture({ limits: { recentRolls: 60 } });
    const campaignId = await f.campaign();
    await f.session(campaignId);
    // 3 rolls per request, 41 requests: 123 entries, so the log spans three pages of 50.
    for (let i = 0; i < 41; i++) await f.ok('roll_dice', { campaignId, expression: `d20 # r${3 * i}; d20 # r${3 * i + 1}; d20 # r${3 * i + 2}` });
    const { session } = await f.ok('get_session', { campaignId });
    expect(session.rollCount).toBe(123);
    expect(session.rolls.map((r: { roll: { label: string } }) => r.roll.label)).toEqual(Array.from({ length: 60 }, (_, i) => `r${63 + i}`));
    expect(session.version).toBe(42);
  });

  it('counts secret rolls for the GM only, and deleting the campaign removes the log', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign('Doomed');
    const sessionId = await f.session(campaignId);
    await f.ok('roll_dice', { campaignId, expression: 'd20 # open' });
    await f.ok('roll_dice', { campaignId, expression: 'd20 # hidden', secret: true });
    const player = await f.member(campaignId, 'player');
    expect((await f.ok('get_session', { campaignId }, player)).session).toMatchObject({ rollCount: 1, secretRollCount: 0 });
    expect((await f.ok('list_sessions', { campaignId })).sessions[0].rolls).toBe(2);
    expect(await f.core.deps.store.get(`session:${sessionId}:rolls:0`)).toHaveLength(2);
    await f.ok('delete_campaign', { campaignId, confirm: 'Doomed' });
    expect(await f.core.deps.store.get(`session:${sessionId}:rolls:0`)).toBeUndefined();
    expect(await f.core.deps.store.get(`session:${sessionId}`)).toBeUndefined();
  });
});
