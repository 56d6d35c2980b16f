import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

const fixture = (name: string) => JSON.parse(readFileSync(resolve('test/fixtures/characters', name), 'utf8'));

let a: TestHub;
let b: TestHub;
beforeAll(async () => {
  [a, b] = await Promise.all([startTestHub(), startTestHub()]);
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

async function must(hub: TestHub, tool: string, input: Record<string, unknown>) {
  const res = await hub.api(tool, input);
  if (res.status !== 200) throw new Error(`${tool}: ${JSON.stringify(res.body)}`);
  return res.body.value;
}

/**
 * What is expected to differ after a round trip: the new campaign's id, timestamps, version and
 * history (the importing hub records its own), the export time, and the sessions' ids.
 */
function comparable(bundle: any) {
  const { exportedAt: _e, history: _h, campaign, sessions, ...rest } = bundle;
  const { id: _i, createdAt: _c, updatedAt: _u, version: _v, ...info } = campaign;
  return { ...rest, campaign: info, sessions: sessions.map(({ id: _id, ...s }: any) => s) };
}

describe('campaign bundle', () => {
  it('round-trips a campaign through export_campaign and import_campaign on another hub without loss', async () => {
    const campaignId = (await must(a, 'create_campaign', { name: 'Storm King', system: 'D&D 5e', description: 'Giants again' })).campaign.id;
    await must(a, 'update_campaign_data', { campaignId, dataType: 'npcs', operation: 'add', item: { name: 'Harshnag', faction: 'giants', hp: 200 } });
    await must(a, 'update_campaign_data', { campaignId, dataType: 'quests', operation: 'add', item: { name: 'Find the conch', status: 'active' } });
    await must(a, 'import_character', { campaignId, data: fixture('roll20-v2-rogue5.json') });
    await must(a, 'import_character', { campaignId, data: fixture('roll20-v3-wizard3-cleric1.json') });
    const one = (await must(a, 'start_session', { campaignId, name: 'One' })).session.id;
    await must(a, 'add_combatants', { campaignId, combatants: [{ characterId: 'Pip' }, { name: 'Ogre', hp: 59, ac: 11, initiative: 8 }] });
    await must(a, 'roll_check', { campaignId, check: 'stealth', character: 'Pip' });
    await must(a, 'roll_dice', { campaignId, expression: '1d20 # secret', secret: true });
    await must(a, 'add_session_note', { campaignId, note: 'The party met Harshnag' });
    await must(a, 'end_session', { sessionId: one });
    await must(a, 'start_session', { campaignId, name: 'Two' });

    const first = (await must(a, 'export_campaign', { campaignId })).bundle;
    expect(first.format).toBe('ttrpg-hub.campaign');
    expect(first.sessions.map((s: any) => [s.name, s.status, s.rolls.length])).toEqual([['One', 'ended', 2], ['Two', 'active', 0]]);

    const imported = await must(b, 'import_campaign', { bundle: JSON.stringify(first) });
    expect(imported.campaign.id).not.toBe(campaignId);
    expect(imported.campaign.history.at(-1).summary).toMatch(/^Imported from a bundle/);
    const again = (await must(b, 'export_campaign', { campaignId: imported.campaign.id })).bundle;
    expect(comparable(again)).toEqual(comparable(first));
    // The imported hub knows the characters as characters: it can roll for them.
    expect((await must(b, 'roll_check', { campaignId: imported.campaign.id, character: 'Ysolde', check: 'arcana' })).expression).toBe('1d20+5');
  });

  it('refuses what is not a bundle, or a bundle with an impossible character, creating nothing', async () => {
    const before = (await must(b, 'list_campaigns', {})).campaigns.length;
    const notBundle = await b.api('import_campaign', { bundle: fixture('roll20-v2-rogue5.json') });
    expect(notBundle.body.error).toMatchObject({ code: 'BAD_FILE', message: expect.stringMatching(/Not a campaign bundle/) });
    const campaignId = (await must(a, 'create_campaign', { name: 'Bad', system: 'D&D 5e' })).campaign.id;
    await must(a, 'import_character', { campaignId, data: fixture('roll20-v2-rogue5.json') });
    const bundle = (await must(a, 'export_campaign', { campaignId })).bundle;
    bundle.data.characters[0].abilities.dex = 99;
    const bad = await b.api('import_campaign', { bundle });
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', field: 'bundle.data.characters.0.abilities.dex' });
    expect((await must(b, 'list_campaigns', {})).campaigns.length).toBe(before);
  });
});
