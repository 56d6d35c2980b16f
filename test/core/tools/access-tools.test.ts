import { describe, expect, it } from 'vitest';
import { coreFixture, OWNER_TOKEN } from '../../helpers/core-fixture.js';

describe('create_access_token, list_members, revoke_access_token', () => {
  it('mints a token that authenticates as a member of that campaign with that role', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const { token, member } = await f.ok('create_access_token', { campaignId, name: ' Alice ', role: 'player' });
    expect(token).toMatch(/^tth_[A-Za-z0-9_-]{40,}$/);
    expect(member).toMatchObject({ name: 'Alice', role: 'player', createdAt: '2026-01-01T00:00:00.000Z' });

    const actor = await f.core.deps.access.authenticate(token);
    expect(actor).toEqual({ ok: true, value: { kind: 'member', id: member.id, name: 'Alice', campaignId, role: 'player' } });
    expect((await f.ok('list_members', { campaignId })).members).toEqual([member]);
    // Tokens are not content: inviting someone must not create a campaign version.
    expect((await f.ok('get_campaign', { campaignId })).campaign.version).toBe(1);
  });

  it('tells owner, valid, missing and unknown tokens apart', async () => {
    const f = await coreFixture();
    const auth = f.core.deps.access;
    expect(await auth.authenticate(OWNER_TOKEN)).toEqual({ ok: true, value: { kind: 'owner', id: 'owner', name: 'Owner' } });
    const none = await auth.authenticate(undefined);
    expect(!none.ok && none.error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/Authorization: Bearer/) });
    const bad = await auth.authenticate('tth_not-a-real-token');
    expect(!bad.ok && bad.error.code).toBe('UNAUTHENTICATED');
  });

  it('revokes at once: the token stops authenticating and the member is gone', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const alice = await f.member(campaignId, 'player', 'Alice');
    const bob = await f.member(campaignId, 'viewer', 'Bob');
    const { revoked } = await f.ok('revoke_access_token', { campaignId, memberId: alice.id });
    expect(revoked).toMatchObject({ id: alice.id, name: 'Alice', role: 'player' });

    const after = await f.core.deps.access.authenticate(alice.token);
    expect(!after.ok && after.error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/ask your GM for a new one/) });
    expect((await f.core.deps.access.authenticate(bob.token)).ok).toBe(true);
    expect((await f.ok('list_members', { campaignId })).members.map((m: { name: string }) => m.name)).toEqual(['Bob']);
    expect(await f.fail('revoke_access_token', { campaignId, memberId: alice.id })).toMatchObject({ code: 'NOT_FOUND', field: 'memberId' });
  });

  it('lets only GMs manage tokens', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const player = await f.member(campaignId, 'player');
    const error = await f.fail('create_access_token', { campaignId, name: 'Mallory', role: 'gm' }, player);
    expect(error.code).toBe('FORBIDDEN');
    expect(await f.fail('list_members', { campaignId }, player)).toMatchObject({ code: 'FORBIDDEN' });
    // A co-GM may invite others.
    const coGm = await f.member(campaignId, 'gm', 'Co-GM');
    expect((await f.ok('create_access_token', { campaignId, name: 'Carol', role: 'player' }, coGm)).member.name).toBe('Carol');
  });

  it('rejects an unknown role naming the field', async () => {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    const error = await f.fail('create_access_token', { campaignId, name: 'X', role: 'admin' });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'role' });
    expect(error.message).toMatch(/expected one of "viewer"\|"player"\|"gm"/);
  });
});

describe('what each role may see and do', () => {
  async function populated() {
    const f = await coreFixture();
    const campaignId = await f.campaign();
    for (const [dataType, name] of [['characters', 'Tordek'], ['npcs', 'Sildar'], ['locations', 'Phandalin'], ['plotPoints', 'Betrayal'], ['quests', 'Find the mine']]) {
      await f.ok('update_campaign_data', { campaignId, dataType, operation: 'add', item: { name } });
    }
    return { f, campaignId };
  }

  it('shows players the characters only, without members or history', async () => {
    const { f, campaignId } = await populated();
    const player = await f.member(campaignId, 'player', 'Alice');
    const { campaign } = await f.ok('get_campaign', { campaignId }, player);
    expect(campaign.data.characters.map((c: { name: string }) => c.name)).toEqual(['Tordek']);
    expect([campaign.data.npcs, campaign.data.locations, campaign.data.plotPoints, campaign.data.quests]).toEqual([[], [], [], []]);
    expect(campaign.members).toEqual([]);
    expect(campaign.history).toEqual([]);
    // Asking for a GM-only type by name must not get around the filter.
    expect((await f.ok('get_campaign', { campaignId, dataType: 'npcs' }, player)).campaign.data.npcs).toEqual([]);
  });

  it('refuses update tools to viewers and players with FORBIDDEN, changing nothing', async () => {
    const { f, campaignId } = await populated();
    const viewer = await f.member(campaignId, 'viewer', 'OBS overlay');
    const player = await f.member(campaignId, 'player', 'Alice');
    const calls: [string, object][] = [
      ['update_campaign', { campaignId, name: 'Hacked' }],
      ['update_campaign_data', { campaignId, dataType: 'characters', operation: 'add', item: { name: 'Intruder' } }],
      ['rollback_campaign', { campaignId, version: 1 }],
      ['delete_campaign', { campaignId, confirm: 'Lost Mine of Phandelver' }],
      ['start_session', { campaignId }],
    ];
    for (const actor of [viewer, player]) {
      for (const [tool, input] of calls) {
        const error = await f.fail(tool, input, actor);
        expect(error.code, `${actor.role} ${tool}`).toBe('FORBIDDEN');
        expect(error.message).toContain(`${tool} needs the gm role in campaign ${campaignId}; your token has the ${actor.role} role`);
      }
    }
    // A viewer is read-only even for what players may do.
    expect((await f.fail('roll_dice', { campaignId, expression: '1d20' }, viewer)).code).toBe('FORBIDDEN');
    expect((await f.ok('get_campaign', { campaignId })).campaign).toMatchObject({ version: 6, name: 'Lost Mine of Phandelver' });
  });

  it('refuses owner-only tools to every campaign token, even a co-GM', async () => {
    const { f, campaignId } = await populated();
    const coGm = await f.member(campaignId, 'gm');
    const error = await f.fail('create_campaign', { name: 'Mine now', system: 'D&D 5e' }, coGm);
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/needs the hub owner token/) });
  });

  it('defaults a member\'s campaign to the token\'s own', async () => {
    const { f, campaignId } = await populated();
    const player = await f.member(campaignId, 'player');
    await f.session(campaignId);
    expect((await f.ok('get_session', {}, player)).session.campaignId).toBe(campaignId);
    expect((await f.ok('roll_dice', { expression: '1d20' }, player)).campaignId).toBe(campaignId);
  });

  it('lists only the token\'s campaign, with its role', async () => {
    const { f, campaignId } = await populated();
    await f.campaign('Other');
    const viewer = await f.member(campaignId, 'viewer');
    const { campaigns } = await f.ok('list_campaigns', {}, viewer);
    expect(campaigns.map((c: { id: string; role: string }) => [c.id, c.role])).toEqual([[campaignId, 'viewer']]);
  });
});

describe('campaign isolation', () => {
  async function twoCampaigns() {
    const f = await coreFixture();
    const a = await f.campaign('A');
    const b = await f.campaign('B');
    const sessionB = await f.session(b);
    await f.ok('add_session_note', { sessionId: sessionB, note: 'The vampire is Strahd', secret: true });
    const player = await f.member(a, 'player', 'Alice');
    const coGm = await f.member(a, 'gm', 'Co-GM of A');
    return { f, a, b, sessionB, player, coGm };
  }

  it('refuses a token of campaign A access to campaign B', async () => {
    const { f, b, sessionB, player, coGm } = await twoCampaigns();
    for (const actor of [player, coGm]) {
      const error = await f.fail('get_campaign', { campaignId: b }, actor);
      expect(error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/your token is not part of this campaign/) });
      expect((await f.fail('get_session', { sessionId: sessionB }, actor)).code).toBe('FORBIDDEN');
      expect((await f.fail('list_sessions', { campaignId: b }, actor)).code).toBe('FORBIDDEN');
      expect((await f.fail('update_campaign', { campaignId: b, name: 'Mine' }, actor)).code).toBe('FORBIDDEN');
    }
  });

  it('does not let campaign A\'s id vouch for a session of campaign B', async () => {
    const { f, a, sessionB, player, coGm } = await twoCampaigns();
    for (const actor of [player, coGm]) {
      expect((await f.call('get_session', { campaignId: a, sessionId: sessionB }, actor)).ok).toBe(false);
      expect((await f.call('add_session_note', { campaignId: a, sessionId: sessionB, note: 'graffiti' }, actor)).ok).toBe(false);
      expect((await f.call('roll_dice', { campaignId: a, sessionId: sessionB, expression: '1d20' }, actor)).ok).toBe(false);
      expect((await f.call('add_combatants', { campaignId: a, sessionId: sessionB, combatants: [{ name: 'Spy', kind: 'pc' }] }, actor)).ok).toBe(false);
      expect((await f.call('end_session', { campaignId: a, sessionId: sessionB }, actor)).ok).toBe(false);
    }
    const { session } = await f.ok('get_session', { sessionId: sessionB });
    expect(session).toMatchObject({ status: 'active', rolls: [], encounter: { combatants: [] } });
    expect(session.notes.map((n: { text: string }) => n.text)).toEqual(['The vampire is Strahd']);
  });

  it('tells the owner when a session is not in the campaign it named', async () => {
    const { f, a, sessionB } = await twoCampaigns();
    const error = await f.fail('get_session', { campaignId: a, sessionId: sessionB });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'sessionId' });
    expect(error.message).toMatch(/belongs to another campaign/);
  });
});
