/// <reference lib="dom" />
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumAvailable } from '../helpers/browser.js';
import { APP_ID, commandPayload, opt, startDiscordStandIn, sub } from '../helpers/discord-standin.js';
import { startFoundryPage } from '../helpers/foundry-page.js';
import { handbookPdf, writeFiles } from '../helpers/pdf-fixtures.js';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';

// The built module, installed from the hub's zip, in real headless Chromium on a stand-in Foundry page
// that has its own socket.io connection, against a real hub over ws:// and over wss:// with a
// self-signed certificate.

const built = existsSync(resolve('dist/foundry-module/module.json'));
const run = chromiumAvailable && built;
if (!built) console.warn('Skipping the Foundry module browser test: run npm run build first');

const tmp = mkdtempSync(join(tmpdir(), 'ttrpg-foundry-e2e-'));
let browser: Browser;

async function api(hub: TestHub, tool: string, input: Record<string, unknown>, token = OWNER_TOKEN) {
  const res = await fetch(`${hub.url}/api/tools/${tool}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ input }) });
  const body = (await res.json()) as any;
  if (!body.ok) throw new Error(`${tool}: ${body.error.message}`);
  return body.value;
}

async function campaign(hub: TestHub) {
  const campaignId = (await api(hub, 'create_campaign', { name: 'Lost Mine', system: 'D&D 5e' })).campaign.id as string;
  const sessionId = (await api(hub, 'start_session', { campaignId })).session.id as string;
  const gmToken = (await api(hub, 'create_access_token', { campaignId, name: 'Foundry', role: 'gm' })).token as string;
  const viewerToken = (await api(hub, 'create_access_token', { campaignId, name: 'OBS', role: 'viewer' })).token as string;
  return { campaignId, sessionId, gmToken, viewerToken };
}

async function openWorld(page: Page, url: string, config: { hubUrl: string; campaignId: string; token: string }) {
  await page.goto(`${url}/#${encodeURIComponent(JSON.stringify(config))}`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 20_000 });
}

const status = (page: Page) => page.evaluate(() => (window as any).game.modules.get('ttrpg-hub').api.client.status);

beforeAll(async () => {
  if (!run) return;
  // Trust exactly the test certificate's key, as a GM's browser would after accepting it.
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=foundry.test', '-addext', 'subjectAltName=DNS:foundry.test,DNS:localhost,DNS:other.test,IP:127.0.0.1', '-keyout', join(tmp, 'key.pem'), '-out', join(tmp, 'cert.pem')], { stdio: 'ignore' });
  const spki = createHash('sha256').update(new X509Certificate(readFileSync(join(tmp, 'cert.pem'))).publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--ignore-certificate-errors-spki-list=${spki}`, '--host-resolver-rules=MAP foundry.test 127.0.0.1, MAP other.test 127.0.0.1'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe.runIf(run)('the Foundry module in Chromium', () => {
  let hub: TestHub;
  let foundry: Awaited<ReturnType<typeof startFoundryPage>>;
  let page: Page;
  let ids: Awaited<ReturnType<typeof campaign>>;
  let overlay: Socket;
  const overlaySaw: { type: string; payload: any }[] = [];
  let books: string;
  let discord: Awaited<ReturnType<typeof startDiscordStandIn>>;
  const channelPosts = () => discord.calls.filter((c) => c.method === 'POST' && c.path === '/channels/777/messages').map((c) => JSON.stringify(c.body));

  beforeAll(async () => {
    books = mkdtempSync(join(tmpdir(), 'ttrpg-foundry-books-'));
    writeFiles(books, { 'handbook.pdf': await handbookPdf({ outline: true }) });
    discord = await startDiscordStandIn();
    hub = await startTestHub({ rules: { allowedFolders: [books], vectorStore: 'memory' }, discord: { token: 'bot.token.for-tests', applicationId: APP_ID, apiUrl: discord.apiUrl, shards: 1 } });
    await discord.ready;
    ids = await campaign(hub);
    // The table's Discord channel, linked to the campaign with /campaign link.
    const link = commandPayload('campaign', [sub('link', [opt('token', ids.gmToken)])], { manager: true, channelId: '777' });
    discord.dispatch('INTERACTION_CREATE', link);
    await discord.waitFor((c) => c.path.startsWith(`/interactions/${link.id}/`), 'the link reply');
    await api(hub, 'add_source', { path: join(books, 'handbook.pdf'), name: 'Test Handbook', system: 'D&D 5e', wait: true });
    const zip = Buffer.from(await (await fetch(`${hub.url}/foundry/module.zip`)).arrayBuffer());
    foundry = await startFoundryPage(zip);
    overlay = io(hub.url, { auth: { token: ids.viewerToken }, forceNew: true });
    overlay.onAny((type, payload) => overlaySaw.push({ type, payload }));
    await new Promise<void>((ok) => overlay.once('connect', () => ok()));
    await overlay.emitWithAck('subscribe', { campaignId: ids.campaignId });
    page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error));
    // localhost: another origin than the hub's 127.0.0.1, allowed by default.
    await openWorld(page, `http://localhost:${foundry.port}`, { hubUrl: hub.url, campaignId: ids.campaignId, token: ids.gmToken });
    await page.waitForFunction(() => (window as any).game.modules.get('ttrpg-hub').api.client.status.state === 'connected', undefined, { timeout: 15_000 });
  }, 90_000);
  afterAll(async () => {
    overlay?.disconnect();
    await page?.close();
    await foundry?.close();
    await hub?.close();
    await discord?.close();
    rmSync(books, { recursive: true, force: true });
  });

  it("leaves Foundry's own socket and global io alone", async () => {
    const own = await page.evaluate(async () => {
      const socket = (window as any).game.socket;
      const reply = await socket.timeout(5000).emitWithAck('module.ttrpg-hub', { hello: 'world' });
      return { sameIo: (window as any).io === (window as any).foundryIo, connected: socket.connected, reply };
    });
    expect(own).toEqual({ sameIo: true, connected: true, reply: { echoed: { hello: 'world' } } });
    expect(foundry.connections()).toBe(1); // the module never opened a connection to Foundry's server
  });

  it('shows a roll made over MCP as a chat card with its breakdown', async () => {
    const mcp = new Client({ name: 'e2e', version: '1.0.0' });
    await mcp.connect(new StreamableHTTPClientTransport(new URL(`${hub.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${OWNER_TOKEN}` } } }));
    const result = (await mcp.callTool({ name: 'roll_dice', arguments: { campaignId: ids.campaignId, expression: '4d6kh3 # Strength' } })) as any;
    await mcp.close();
    const breakdown = result.structuredContent.rolls[0].breakdown as string;
    await expect.poll(() => page.evaluate(() => (window as any).standin.world.messages.map((m: any) => m.content)), { timeout: 10_000 }).toEqual([expect.stringContaining(breakdown)]);
    // Rendered as Foundry would: the card's HTML shows the label, breakdown and total.
    const text = await page.evaluate(() => {
      const div = document.createElement('div');
      div.innerHTML = (window as any).standin.world.messages[0].content;
      return div.textContent;
    });
    expect(text).toContain('Strength');
    expect(text).toContain(breakdown);
  });

  it('sends a turn change to the hub and the overlay, with no echo, and follows the hub back', async () => {
    overlaySaw.length = 0;
    await page.evaluate(async () => {
      const { world, gm } = (window as any).standin;
      const c = await world.createCombat({ scene: 'scene1' }, {}, gm.user);
      await c.createEmbeddedDocuments('Combatant', [{ name: 'Sildar', initiative: 16 }, { name: 'Goblin', initiative: 9 }], {}, gm.user);
      await new Promise((r) => setTimeout(r, 500));
      await c.startCombat(gm.user);
      await c.nextTurn(gm.user);
    });
    await expect.poll(() => overlaySaw.filter((e) => e.type === 'turn.changed').map((e) => e.payload.currentName), { timeout: 10_000 }).toEqual(['Sildar', 'Goblin']);
    // ...and the Discord channel announces both turns.
    await expect.poll(() => channelPosts().filter((p) => /Round 1: \*\*(Sildar|Goblin)\*\* is up/.test(p)).length, { timeout: 10_000 }).toBe(2);
    const session = (await api(hub, 'get_session', { sessionId: ids.sessionId })).session;
    expect(session.encounter.round).toBe(1);
    expect(session.encounter.combatants.find((c: any) => c.id === session.encounter.currentId).name).toBe('Goblin');
    // From the hub (e.g. Discord's /next): Foundry follows, and does not send it back.
    await api(hub, 'next_turn', { campaignId: ids.campaignId });
    await expect.poll(() => page.evaluate(() => { const c = (window as any).standin.world.combats[0]; return [c.round, c.combatant?.name]; }), { timeout: 10_000 }).toEqual([2, 'Sildar']);
    await page.waitForTimeout(700);
    // 2 adds + start + next from Foundry, then next from the hub: five changes, five announcements.
    expect(overlaySaw.filter((e) => e.type === 'initiative.updated')).toHaveLength(5);
    expect(overlaySaw.filter((e) => e.type === 'turn.changed')).toHaveLength(3);
  });

  it('relays a Foundry roll to the hub, keeping a blind one secret', async () => {
    overlaySaw.length = 0;
    await page.evaluate(async () => {
      const { world, gm } = (window as any).standin;
      await (await world.roll('1d20+4').evaluate()).toMessage({ flavor: 'Attack', speaker: { alias: 'Sildar' } }, { user: gm.user });
      await (await world.roll('1d20').evaluate()).toMessage({ speaker: { alias: 'Sildar' } }, { rollMode: 'blindroll', user: gm.user });
    });
    await expect.poll(async () => (await api(hub, 'get_session', { sessionId: ids.sessionId })).session.rolls.length, { timeout: 10_000 }).toBe(3);
    const rolls = (await api(hub, 'get_session', { sessionId: ids.sessionId })).session.rolls;
    expect(rolls.slice(1).map((r: any) => [r.roller.name, r.roll.label, r.secret])).toEqual([
      ['Sildar', 'Attack', false],
      ['Sildar', null, true],
    ]);
    await page.waitForTimeout(500);
    // The overlay (a viewer) saw the public roll only; Foundry shows no copy of its own rolls.
    expect(overlaySaw.filter((e) => e.type === 'dice.rolled').map((e) => e.payload.rolls[0].label)).toEqual(['Attack']);
    await expect.poll(() => channelPosts().some((p) => p.includes('Attack')), { timeout: 10_000 }).toBe(true);
    // Only the public roll reached the channel: one post signed by the Foundry roller.
    const bySildar = discord.calls.filter((c) => c.path === '/channels/777/messages' && c.body.embeds?.[0]?.footer?.text === 'Sildar');
    expect(bySildar.map((c) => c.body.embeds[0].title)).toEqual([expect.stringContaining('Attack')]);
    expect(await page.evaluate(() => (window as any).standin.world.messages.length)).toBe(1 + 2);
  });

  it('the panel: status light, cited rules search posted to chat, NPC to actor, and the AI GM tab only on a hub with one', async () => {
    await page.evaluate(() => (window as any).game.modules.get('ttrpg-hub').api.openPanel());
    await page.waitForSelector('#ttrpg-hub-panel .ttrpg-hub-status[data-state="connected"] .ttrpg-hub-light-green');
    // The AI GM tab shows exactly when the hub has the ask_game_master tool.
    const hubHasGm = hub.core.registry.list().some((t) => t.name === 'ask_game_master');
    expect(await page.$$eval('#ttrpg-hub-panel .ttrpg-hub-tabs button', (b) => b.map((x) => x.textContent))).toEqual(['Status', 'Rules', 'Notes', 'NPCs', ...(hubHasGm ? ['AI GM'] : [])]);
    await page.click('#ttrpg-hub-panel button[data-tab="rules"]');
    await page.fill('#ttrpg-hub-panel input[name="query"]', 'how does grappling work');
    await page.click('#ttrpg-hub-panel form[data-form="search"] button');
    await page.waitForSelector('#ttrpg-hub-panel .ttrpg-hub-results li');
    const cite = await page.textContent('#ttrpg-hub-panel .ttrpg-hub-results li cite');
    expect(cite).toMatch(/^Test Handbook, pp?\. \d+/);
    const before = await page.evaluate(() => (window as any).standin.world.messages.length);
    await page.click('#ttrpg-hub-panel button[data-action="post-hit"]');
    await expect.poll(() => page.evaluate(() => (window as any).standin.world.messages.length)).toBe(before + 1);
    expect(await page.evaluate(() => (window as any).standin.world.messages.at(-1).content)).toContain(cite!);

    await page.click('#ttrpg-hub-panel button[data-tab="npcs"]');
    await page.fill('#ttrpg-hub-panel input[name="role"]', 'guard');
    await page.click('#ttrpg-hub-panel form[data-form="npc"] button[type="submit"]');
    await page.waitForSelector('#ttrpg-hub-panel button[data-action="create-actor"]');
    await page.click('#ttrpg-hub-panel button[data-action="create-actor"]');
    await expect.poll(() => page.evaluate(() => (window as any).standin.world.actors.map((a: any) => [a.type, a.getFlag('ttrpg-hub', 'hubId')?.split(':')[0]]))).toEqual([['npc', 'npcs']]);
    // Saved in the campaign by the GM's generate, so the hub knows it too.
    expect((await api(hub, 'get_campaign', { campaignId: ids.campaignId })).campaign.data.npcs).toHaveLength(1);
  });
});

describe.runIf(run)('wss:// with a self-signed certificate', () => {
  it('connects a page on an https origin listed in ALLOWED_ORIGINS, and refuses one that is not, saying why', async () => {
    const tls = { cert: readFileSync(join(tmp, 'cert.pem')), key: readFileSync(join(tmp, 'key.pem')) };
    const hub = await startTestHub({ server: { allowedOrigins: ['foundry.test'], tls: { cert: join(tmp, 'cert.pem'), key: join(tmp, 'key.pem') } } });
    const page = await browser.newPage();
    let foundry: Awaited<ReturnType<typeof startFoundryPage>> | undefined;
    try {
      expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const ids = await new Promise<Awaited<ReturnType<typeof campaign>>>((ok, fail) => {
        process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // the test's own fetch trusts its own certificate
        campaign(hub).then(ok, fail);
      });
      const zip = Buffer.from(await (await fetch(`${hub.url}/foundry/module.zip`)).arrayBuffer());
      foundry = await startFoundryPage(zip, tls);
      const hubUrl = hub.url.replace('127.0.0.1', 'localhost');
      await openWorld(page, `https://foundry.test:${foundry.port}`, { hubUrl, campaignId: ids.campaignId, token: ids.gmToken });
      await expect.poll(async () => (await status(page)).state, { timeout: 15_000 }).toBe('connected');
      expect(await page.evaluate(() => location.protocol)).toBe('https:');
      await api(hub, 'roll_dice', { campaignId: ids.campaignId, expression: '1d8' });
      await expect.poll(() => page.evaluate(() => (window as any).standin.world.messages.length), { timeout: 10_000 }).toBe(1);

      const other = await browser.newPage();
      await openWorld(other, `https://other.test:${foundry.port}`, { hubUrl, campaignId: ids.campaignId, token: ids.gmToken });
      await expect.poll(async () => (await status(other)).problem, { timeout: 15_000 }).toBe('origin');
      expect((await status(other)).message).toContain('add "other.test" to ALLOWED_ORIGINS');
      expect(await other.evaluate(() => (window as any).standin.gm.notices.map((n: any) => n.message).join('\n'))).toContain('ALLOWED_ORIGINS');
      await other.close();
    } finally {
      delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      await page.close();
      await foundry?.close();
      await hub.close();
    }
  }, 60_000);
});
