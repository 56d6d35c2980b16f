import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretKey, verifyExtensionJwt } from '../../../src/adapters/twitch/extension-jwt.js';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';
import { CLIENT_ID, extensionJwt, OWNER_ID, SECRET_B64, startTwitchStandIn } from '../../helpers/twitch-standin.js';

let twitch: Awaited<ReturnType<typeof startTwitchStandIn>>;
let hub: TestHub;
let campaignId: string;
const CHANNEL = '9001';

beforeAll(async () => {
  twitch = await startTwitchStandIn();
  hub = await startTestHub({ twitch: { clientId: CLIENT_ID, extensionSecret: SECRET_B64, ownerId: OWNER_ID, apiUrl: twitch.apiUrl, minIntervalMs: 600 } });
  campaignId = (await hub.api('create_campaign', { name: 'On Stream', system: 'D&D 5e' })).body.value.campaign.id;
  await hub.api('start_session', { campaignId });
});
afterAll(async () => {
  await hub.close();
  await twitch.close();
});

const ebs = async (method: string, path: string, jwt: string | null, body?: unknown) => {
  const res = await fetch(`${hub.url}${path}`, {
    method,
    headers: { ...(jwt ? { authorization: `Bearer ${jwt}` } : {}), 'content-type': 'application/json', origin: `https://${CLIENT_ID}.ext-twitch.tv` },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any, cors: res.headers.get('access-control-allow-origin') };
};

describe('extension JWT verification', () => {
  const key = secretKey(SECRET_B64);
  it('accepts a valid token and rejects expired, wrongly signed and other-channel tokens, saying which', async () => {
    expect(await verifyExtensionJwt(await extensionJwt({ channel_id: CHANNEL, role: 'viewer' }), key, CHANNEL)).toMatchObject({ ok: true, claims: { channel_id: CHANNEL, role: 'viewer' } });
    expect(await verifyExtensionJwt(await extensionJwt({ channel_id: CHANNEL, role: 'viewer', exp: Math.floor(Date.now() / 1000) - 10 }), key)).toEqual({ ok: false, reason: 'extension token expired' });
    const wrong = new Uint8Array(Buffer.from('another secret entirely, also long!!'));
    expect(await verifyExtensionJwt(await extensionJwt({ channel_id: CHANNEL, role: 'viewer' }, wrong), key)).toEqual({ ok: false, reason: 'extension token signature is not valid' });
    expect(await verifyExtensionJwt(await extensionJwt({ channel_id: '1', role: 'viewer' }), key, CHANNEL)).toEqual({ ok: false, reason: `extension token is for channel 1, not ${CHANNEL}` });
    expect(await verifyExtensionJwt(undefined, key)).toMatchObject({ ok: false, reason: expect.stringMatching(/^missing extension token/) });
  });
});

describe('extension backend service', () => {
  it('refuses requests without a valid extension token, and answers the extension origin with CORS', async () => {
    expect((await ebs('GET', '/twitch/state', null)).status).toBe(401);
    const expired = await ebs('GET', '/twitch/state', await extensionJwt({ channel_id: CHANNEL, role: 'viewer', exp: Math.floor(Date.now() / 1000) - 1 }));
    expect(expired).toMatchObject({ status: 401, body: { error: { message: 'extension token expired' } } });
    const ok = await ebs('GET', '/twitch/state', await extensionJwt({ channel_id: CHANNEL, role: 'viewer' }));
    expect(ok).toMatchObject({ status: 200, body: { linked: false }, cors: `https://${CLIENT_ID}.ext-twitch.tv` });
  });

  it('lets only the broadcaster link the channel, with a viewer token of the campaign', async () => {
    const viewerToken = (await hub.api('create_access_token', { campaignId, name: 'Twitch', role: 'viewer' })).body.value.token;
    const asViewer = await ebs('POST', '/twitch/link', await extensionJwt({ channel_id: CHANNEL, role: 'viewer' }), { token: viewerToken });
    expect(asViewer.status).toBe(403);
    const bad = await ebs('POST', '/twitch/link', await extensionJwt({ channel_id: CHANNEL, role: 'broadcaster' }), { token: 'x'.repeat(30) });
    expect(bad).toMatchObject({ status: 400, body: { error: { field: 'token' } } });
    const linked = await ebs('POST', '/twitch/link', await extensionJwt({ channel_id: CHANNEL, role: 'broadcaster' }), { token: viewerToken });
    expect(linked.body).toEqual({ ok: true, campaign: 'On Stream' });
    const state = await ebs('GET', '/twitch/state', await extensionJwt({ channel_id: CHANNEL, role: 'viewer' }));
    expect(state.body).toMatchObject({ linked: true, state: { init: { round: 0, combatants: [] } } });
  });

  it('pushes the table view over PubSub, coalescing a burst to stay under the rate limit and ending on the latest state', async () => {
    const before = twitch.messages.length;
    const started = Date.now();
    const { added } = (await hub.api('add_combatants', { campaignId, combatants: [{ name: 'Ogre', initiative: 9, hp: 59 }, { name: 'Lurker', initiative: 30, hidden: true }, { name: 'Kira', kind: 'pc', initiative: 15, hp: 25 }] })).body.value;
    await hub.api('roll_dice', { campaignId, expression: '1d20 # gm only', secret: true });
    for (let i = 0; i < 30; i++) {
      await hub.api('roll_dice', { campaignId, expression: `1d20+${i} # roll ${i}` });
      if (i % 5 === 0) await hub.api('next_turn', { campaignId });
    }
    const ogre = added.find((c: { name: string }) => c.name === 'Ogre').id;
    await hub.api('change_hp', { campaignId, combatantId: ogre, damage: 40 });
    // Wait for the last coalesced message to carry the final state.
    for (let i = 0; i < 100; i++) {
      const last = twitch.messages.at(-1)?.message;
      if (last?.init?.combatants?.find((c: any) => c.name === 'Ogre')?.health === 'bloodied' && last?.rolls?.at(-1)?.rolls[0].label === 'roll 29') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const sent = twitch.messages.slice(before);
    expect(twitch.refusals).toEqual([]);
    // 36 changes in the burst, but never more than one message per 600 ms slot.
    expect(sent.length).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 600) + 1);
    expect(sent.length).toBeLessThan(15);
    // Spacing is measured where Twitch receives them, so allow some network and timer jitter.
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(500);
    const last = sent.at(-1)!.message;
    expect(last.init.combatants.map((c: any) => c.name)).toEqual(['Kira', 'Ogre']);
    expect(last.init.combatants.find((c: any) => c.name === 'Ogre')).toMatchObject({ hp: null, health: 'bloodied' });
    expect(JSON.stringify(sent.map((m) => m.message))).not.toMatch(/gm only|Lurker/);
    expect(sent.every((m) => m.bytes <= 5 * 1024)).toBe(true);
  });

  it('retries after a 429 and still delivers the newest state', async () => {
    twitch.rejectNext(2);
    const before = twitch.messages.length;
    await hub.api('roll_dice', { campaignId, expression: '1d4 # after the limit' });
    for (let i = 0; i < 100 && twitch.messages.length === before; i++) await new Promise((r) => setTimeout(r, 50));
    expect(twitch.messages.at(-1)!.message.rolls.at(-1).rolls[0].label).toBe('after the limit');
  });
});

describe('channel links and revocation (issue 14)', () => {
  const OTHER = '9002';
  const broadcasterJwt = () => extensionJwt({ channel_id: OTHER, role: 'broadcaster' });
  it('accepts viewer tokens only: a GM or player token gets 400 naming the token', async () => {
    for (const role of ['gm', 'player']) {
      const t = (await hub.api('create_access_token', { campaignId, name: `Twitch ${role}`, role })).body.value.token;
      const res = await ebs('POST', '/twitch/link', await broadcasterJwt(), { token: t });
      expect(res).toMatchObject({ status: 400, body: { error: { field: 'token', message: expect.stringMatching(/viewer token/) } } });
    }
    expect((await ebs('GET', '/twitch/state', await extensionJwt({ channel_id: OTHER, role: 'viewer' }))).body.linked).toBe(false);
  });

  it('ends the link when the viewer token that made it is revoked', async () => {
    const issued = (await hub.api('create_access_token', { campaignId, name: 'Twitch link', role: 'viewer' })).body.value;
    expect((await ebs('POST', '/twitch/link', await broadcasterJwt(), { token: issued.token })).body.ok).toBe(true);
    expect((await ebs('GET', '/twitch/state', await extensionJwt({ channel_id: OTHER, role: 'viewer' }))).body.linked).toBe(true);
    expect((await hub.api('revoke_access_token', { campaignId, memberId: issued.member.id })).status).toBe(200);
    expect((await ebs('GET', '/twitch/state', await extensionJwt({ channel_id: OTHER, role: 'viewer' }))).body).toEqual({ ok: true, linked: false });
  });
});
