import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/adapters/discord/index.js';
import { HubStatusSchema } from '../../src/http/hub-status.js';
import { WEB_CHAT_CSP } from '../../src/http/web-chat-static.js';
import { APP_ID, startDiscordStandIn } from '../helpers/discord-standin.js';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';

// GET /api/status on a real hub whose Discord adapter logs in to the local Discord stand-in, with
// OBS pointed at a port nobody listens on, and the web chat page it serves at /.
let discord: Awaited<ReturnType<typeof startDiscordStandIn>>;
let hub: TestHub;

const status = async (token?: string) => {
  const res = await fetch(`${hub.url}/api/status`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  discord = await startDiscordStandIn();
  hub = await startTestHub({
    publicUrl: 'https://hub.example.com/',
    discord: { token: 'bot.token.for-tests', applicationId: APP_ID, apiUrl: discord.apiUrl, shards: 1 },
    obs: { url: 'ws://127.0.0.1:9' },
  });
  await discord.ready;
});
afterAll(async () => {
  await hub?.close();
  await discord?.close();
});

describe('GET /api/status', () => {
  it('refuses a request without a valid token', async () => {
    expect((await status()).status).toBe(401);
    expect((await status('not-a-token')).status).toBe(401);
  });

  it('shows the owner every adapter: Discord connected, commands not yet registered, OBS unreachable, Twitch off', async () => {
    const { status: code, body } = await status(OWNER_TOKEN);
    expect(code).toBe(200);
    expect(body.you).toEqual({ kind: 'owner', name: expect.any(String), role: 'gm', campaignId: null });
    expect(body.store).toEqual({ kind: 'memory', reachable: true });
    expect(body.adapters.discord).toEqual({ enabled: true, connected: true, interactionsEndpoint: false, commandsRegistered: false });
    expect(body.adapters.obs).toEqual({ enabled: true, connected: false });
    expect(body.adapters.twitch).toEqual({ enabled: false, broadcasting: false });
    expect(body.adapters.chroma.state).toEqual(expect.any(String));
    expect(body.adapters.foundry).toEqual({ manifestUrl: 'https://hub.example.com/foundry/module.json' });
    expect(HubStatusSchema.parse(body)).toEqual(body);
    // The AI game master's providers, from list_ai_providers: none configured on this hub.
    expect(body.adapters.ai.providers.every((p: { configured: boolean }) => !p.configured)).toBe(true);
  });

  it('reports the commands as registered once Discord holds them', async () => {
    await registerCommands({ apiUrl: discord.apiUrl, token: 'bot.token.for-tests', applicationId: APP_ID }, hub.core.registry);
    expect((await status(OWNER_TOKEN)).body.adapters.discord.commandsRegistered).toBe(true);
  });

  it('gives a player a reduced view: who they are and the Foundry manifest, no operator details', async () => {
    const campaign = (await hub.api('create_campaign', { name: 'Status', system: 'D&D 5e' })).body.value.campaign;
    const player = (await hub.api('create_access_token', { campaignId: campaign.id, name: 'Alice', role: 'player' })).body.value.token;
    const { status: code, body } = await status(player);
    expect(code).toBe(200);
    expect(body.you).toEqual({ kind: 'member', name: 'Alice', role: 'player', campaignId: campaign.id });
    expect(body.store).toBeUndefined();
    expect(Object.keys(body.adapters).filter((k) => k !== 'ai')).toEqual(['foundry']);
  });
});

describe('the web chat at /', () => {
  it('is served with a strict, same-origin Content-Security-Policy', async () => {
    const res = await fetch(`${hub.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(WEB_CHAT_CSP);
    expect(WEB_CHAT_CSP).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(html).not.toMatch(/https?:\/\//); // no external resource
    const script = await fetch(`${hub.url}/app.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });
});
