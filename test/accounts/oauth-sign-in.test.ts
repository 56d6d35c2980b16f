import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOAuthStandIn } from '../helpers/oauth-standin.js';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';

const CLIENT = { clientId: '123456789012345678', clientSecret: 'discord-client-secret-value' };

/** A browser as far as sign-in needs: a cookie jar and redirects followed by hand. */
class Browser {
  readonly cookies = new Map<string, string>();
  async get(url: string, init: RequestInit = {}) {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as object), cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
      if (attrs.some((a) => /max-age=0/i.test(a.trim()))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
  post(url: string, body: unknown) {
    return this.get(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }
}

let standIn: Awaited<ReturnType<typeof startOAuthStandIn>>;
let lastHandOff: string | null = null;
let hub: TestHub;

async function startHub(expiresIn?: number) {
  standIn = await startOAuthStandIn({ ...CLIENT, ...(expiresIn ? { expiresIn } : {}) });
  hub = await startTestHub({
    discord: { applicationId: CLIENT.clientId, apiUrl: standIn.apiUrl },
    auth: { ownerToken: OWNER_TOKEN, oauth: { discord: { clientSecret: CLIENT.clientSecret } } },
  });
}

/** Runs the authorization-code flow; returns the hub's answer to the callback. */
async function signIn(browser: Browser, tamper?: (authorizeUrl: URL) => void) {
  const start = await browser.get(`${hub.url}/auth/discord`);
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location')!);
  tamper?.(authorize);
  const consent = await browser.get(authorize.toString());
  expect(consent.status).toBe(302);
  const callback = consent.headers.get('location')!;
  return { callback, answer: await browser.get(callback) };
}

describe('Sign in with Discord (authorization code + PKCE through passport-oauth2)', () => {
  beforeAll(() => startHub());
  afterAll(async () => {
    await hub.close();
    await standIn.close();
  });

  it('lists the provider, redirects with PKCE S256 and state, and signs the browser in', async () => {
    expect(await (await fetch(`${hub.url}/auth/providers`)).json()).toEqual({ providers: [{ id: 'discord', name: 'discord', label: 'Discord', url: '/auth/discord' }] });
    const browser = new Browser();
    const { answer } = await signIn(browser);
    expect(answer.status).toBe(303);
    // Back to the page, with the session's bearer form in the fragment (never sent to a server).
    expect(answer.headers.get('location')).toMatch(/^\/#token=ttws_[\w-]{40,}$/);
    expect(answer.headers.getSetCookie().join()).toMatch(/ttrpg_session=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/);
    // The page may know it is signed in (to link a campaign token), never the session itself.
    expect(answer.headers.getSetCookie()).toContainEqual(expect.stringMatching(/^ttrpg_signed_in=1; Path=\/; Max-Age=\d+; SameSite=Lax$/));
    const authorize = standIn.requests.find((r) => r.path === '/oauth2/authorize')!;
    expect(authorize.query).toMatchObject({ response_type: 'code', client_id: CLIENT.clientId, code_challenge_method: 'S256', redirect_uri: `${hub.url}/auth/discord/callback`, scope: 'identify' });
    expect(authorize.query.state).toMatch(/^[\w-]{20,}$/);
    const exchange = standIn.requests.find((r) => r.path === '/api/oauth2/token')!;
    expect(exchange.form.code_verifier).toMatch(/^[\w-]{43}$/);

    const me = await (await browser.get(`${hub.url}/auth/me`)).json();
    expect(me).toMatchObject({ provider: 'discord', name: 'Nelly', discordUserId: standIn.user.id, memberships: [] });
  });

  it('keeps the provider tokens encrypted at rest', async () => {
    const all = JSON.stringify(await hub.core.deps.store.get(`account:discord:${standIn.user.id}`));
    expect(all).toContain('"provider":"discord"');
    expect(all).not.toMatch(/at_[\w-]{10,}|rt_[\w-]{10,}/);
  });

  it('refuses a callback from another browser, or the same one twice (state), and signs nobody in', async () => {
    const alice = new Browser();
    const start = await alice.get(`${hub.url}/auth/discord`);
    const consent = await alice.get(start.headers.get('location')!);
    const callback = consent.headers.get('location')!;
    const mallory = new Browser();
    const stolen = await mallory.get(callback);
    expect(stolen.status).toBe(403);
    expect((await stolen.json()).error.message).toMatch(/state mismatch/);
    expect(mallory.cookies.has('ttrpg_session')).toBe(false);

    const { callback: used, answer } = await signIn(alice);
    expect(answer.status).toBe(303);
    const replay = await alice.get(used);
    expect(replay.status).toBe(403);
  });

  it('refuses a code whose PKCE verifier does not match the challenge', async () => {
    const browser = new Browser();
    const { answer } = await signIn(browser, (url) => url.searchParams.set('code_challenge', 'A'.repeat(43)));
    expect(answer.status).toBe(503);
    expect((await answer.json()).error.message).toMatch(/Discord did not complete the sign-in/);
    expect(browser.cookies.has('ttrpg_session')).toBe(false);
  });

  it('gives a signed-in user exactly the role their linked member record holds, and loses it on revocation', async () => {
    const campaignId = (await hub.api('create_campaign', { name: 'Linked', system: 'D&D 5e' })).body.value.campaign.id;
    const issued = (await hub.api('create_access_token', { campaignId, name: 'Nelly', role: 'player' })).body.value;
    const browser = new Browser();
    lastHandOff = (await signIn(browser)).answer.headers.get('location');
    expect((await browser.post(`${hub.url}/auth/link`, { token: OWNER_TOKEN })).status).toBe(400);
    expect((await browser.post(`${hub.url}/auth/link`, { token: 'tth_nope' })).status).toBe(401);
    // The page's bearer form of the session: nothing linked yet, so it acts nowhere and says what to do.
    const sessionToken = decodeURIComponent(/#token=(.+)$/.exec((await signIn(new Browser())).answer.headers.get('location')!)![1]!);
    const pageToken = decodeURIComponent(/#token=(.+)$/.exec(lastHandOff!)![1]!);
    const before = await hub.api('roll_dice', { expression: '1d20' }, pageToken);
    expect(before.status).toBe(401);
    expect(before.body.error.message).toMatch(/no campaign is linked yet: sign in once with the token your GM gave you/);
    expect(sessionToken).not.toBe(pageToken);
    const linked = await (await browser.post(`${hub.url}/auth/link`, { token: issued.token })).json();
    // Now the same bearer acts as the linked player, on the API too.
    expect((await hub.api('roll_dice', { expression: '1d20', campaignId }, pageToken)).status).toBe(200);
    expect((await hub.api('create_access_token', { campaignId, name: 'x', role: 'gm' }, pageToken)).body.error.code).toBe('FORBIDDEN');
    expect(linked.memberships).toEqual([{ campaignId, campaignName: 'Linked', role: 'player', memberId: issued.member.id }]);

    // A socket with the session cookie, no token: a player in that campaign, nothing more.
    const cookieHeader = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const socket = connect(hub.url, { auth: { campaignId }, extraHeaders: { cookie: cookieHeader }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const call = (name: string, input: object) => socket.timeout(5000).emitWithAck('tool', { name, input }) as Promise<any>;
    expect((await call('roll_dice', { expression: '1d20', campaignId })).ok).toBe(true);
    expect((await call('create_access_token', { campaignId, name: 'x', role: 'gm' })).error.code).toBe('FORBIDDEN');

    await hub.api('revoke_access_token', { campaignId, memberId: issued.member.id });
    const afterRevocation = socket.timeout(2000).emitWithAck('tool', { name: 'roll_dice', input: { expression: '1d20', campaignId } }) as Promise<any>;
    expect((await afterRevocation.catch(() => ({ ok: false }))).ok).toBe(false);
    expect((await (await browser.get(`${hub.url}/auth/me`)).json()).memberships).toEqual([]);
    expect((await hub.api('roll_dice', { expression: '1d20', campaignId }, pageToken)).status).toBe(401);
    socket.disconnect();

    const anonymous = connect(hub.url, { auth: { campaignId }, transports: ['websocket'], reconnection: false });
    const refused = await new Promise<string>((resolve) => anonymous.once('connect_error', (e) => resolve(e.message)));
    expect(refused).toMatch(/No token given/);
    anonymous.disconnect();
  });

  it('unlinking revokes the tokens at Discord and signs the browser out', async () => {
    const browser = new Browser();
    await signIn(browser);
    expect((await browser.post(`${hub.url}/auth/unlink`, {})).status).toBe(200);
    expect(standIn.revoked.length).toBeGreaterThanOrEqual(2);
    expect((await browser.get(`${hub.url}/auth/me`)).status).toBe(401);
    // A form post (not JSON) cannot unlink or sign out: cross-site forms can't send JSON.
    expect((await fetch(`${hub.url}/auth/logout`, { method: 'POST', body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(400);
  });

  it('answers an unknown provider with the ones there are', async () => {
    const res = await fetch(`${hub.url}/auth/myspace`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(/No sign-in provider "myspace": expected one of discord/);
  });
});

describe('token refresh', () => {
  beforeAll(() => startHub(30));
  afterAll(async () => {
    await hub.close();
    await standIn.close();
  });

  it('refreshes a token that expires within a minute before using it', async () => {
    const browser = new Browser();
    await signIn(browser);
    const res = await browser.get(`${hub.url}/auth/me?refresh`);
    expect(res.status).toBe(200);
    expect(standIn.requests.filter((r) => r.form.grant_type === 'refresh_token')).toHaveLength(1);
    expect((await res.json()).name).toBe('Nelly');
  });
});

describe('a generic OAuth2 provider configured by its endpoints', () => {
  it('signs in at /auth/<name> with the same flow', async () => {
    const server = await startOAuthStandIn(CLIENT);
    const base = server.apiUrl.replace(/\/api$/, '');
    const generic = await startTestHub({
      auth: {
        ownerToken: OWNER_TOKEN,
        oauth: {
          providers: [
            {
              name: 'guild-sso',
              label: 'Guild SSO',
              authorizationUrl: `${base}/oauth2/authorize`,
              tokenUrl: `${server.apiUrl}/oauth2/token`,
              userInfoUrl: `${server.apiUrl}/users/@me`,
              revocationUrl: `${server.apiUrl}/oauth2/token/revoke`,
              clientId: CLIENT.clientId,
              clientSecret: CLIENT.clientSecret,
              scope: ['profile'],
              idField: 'id',
              nameField: 'username',
            },
          ],
        },
      },
    });
    try {
      const browser = new Browser();
      const start = await browser.get(`${generic.url}/auth/guild-sso`);
      const consent = await browser.get(start.headers.get('location')!);
      expect((await browser.get(consent.headers.get('location')!)).status).toBe(303);
      expect(await (await browser.get(`${generic.url}/auth/me`)).json()).toMatchObject({ provider: 'guild-sso', name: 'nelly', discordUserId: null });
    } finally {
      await generic.close();
      await server.close();
    }
  });
});
