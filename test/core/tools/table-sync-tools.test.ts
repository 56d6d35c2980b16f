import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';

// relay_roll and set_turn, the tools a virtual tabletop reports through, over the HTTP API.

let hub: TestHub;
let campaignId: string;
let playerToken: string;
beforeAll(async () => {
  hub = await startTestHub();
  campaignId = (await hub.api('create_campaign', { name: 'Sync', system: 'D&D 5e' })).body.value.campaign.id;
  playerToken = (await hub.api('create_access_token', { campaignId, name: 'Aria', role: 'player' })).body.value.token;
  await hub.api('start_session', { campaignId });
});
afterAll(() => hub?.close());

describe('relay_roll', () => {
  it('logs the table\'s faces and total as they fell, with natural 20 and the breakdown', async () => {
    const { body } = await hub.api('relay_roll', {
      campaignId,
      roller: 'Aria (Foundry)',
      rolls: [{ id: 'fvtt-abc-0', formula: '2d20kh1 + 5', total: 25, label: 'Stealth', terms: [{ faces: 20, dice: [{ value: 20 }, { value: 3, active: false }] }] }],
    });
    expect(body.ok).toBe(true);
    expect(body.value.rolls[0]).toMatchObject({ id: 'fvtt-abc-0', total: 25, natural20: true, label: 'Stealth', breakdown: '2d20kh1 + 5: [20, 3d] = 25' });
    const session = (await hub.api('get_session', { campaignId })).body.value.session;
    expect(session.rolls.at(-1)).toMatchObject({ roller: { name: 'Aria (Foundry)' }, secret: false, roll: { id: 'fvtt-abc-0' } });
  });

  it('keeps secret relays from players, and refuses a malformed roll naming the field', async () => {
    await hub.api('relay_roll', { campaignId, roller: 'GM', secret: true, rolls: [{ id: 'fvtt-s-0', formula: '1d20', total: 7, terms: [{ faces: 20, dice: [{ value: 7 }] }] }] });
    const asPlayer = (await hub.api('get_session', { campaignId }, playerToken)).body.value.session;
    expect(asPlayer.rolls.map((r: any) => r.roll.id)).not.toContain('fvtt-s-0');
    const bad = await hub.api('relay_roll', { campaignId, roller: 'GM', rolls: [{ id: 'has spaces', formula: '1d20', total: 3 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', field: 'rolls.0.id' });
  });
});

describe('set_turn', () => {
  it('puts the turn on a combatant and announces it; refuses an impossible pair, changing nothing', async () => {
    const added = (await hub.api('add_combatants', { campaignId, combatants: [{ name: 'Aria', initiative: 15 }, { name: 'Orc', initiative: 10 }] })).body.value.added;
    const orc = added.find((c: any) => c.name === 'Orc');
    const { body } = await hub.api('set_turn', { campaignId, combatantId: orc.id, round: 3 });
    expect(body.value.encounter).toMatchObject({ round: 3, currentId: orc.id });
    const bad = await hub.api('set_turn', { campaignId, combatantId: null, round: 2 });
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', field: 'round' });
    const missing = await hub.api('set_turn', { campaignId, combatantId: 'nobody', round: 1 });
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', field: 'combatantId' });
    const session = (await hub.api('get_session', { campaignId })).body.value.session;
    expect(session.encounter).toMatchObject({ round: 3, currentId: orc.id });
    const asPlayer = await hub.api('set_turn', { campaignId, combatantId: orc.id, round: 4 }, playerToken);
    expect(asPlayer.body.error.code).toBe('FORBIDDEN');
  });

  it('add_combatants takes initiative null as "not rolled yet"', async () => {
    const { body } = await hub.api('add_combatants', { campaignId, combatants: [{ name: 'Bystander', initiative: null }] });
    expect(body.value.added[0].initiative).toBeNull();
  });
});
