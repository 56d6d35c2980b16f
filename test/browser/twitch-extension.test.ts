/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../helpers/browser.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';
import { CLIENT_ID, extensionJwt, OWNER_ID, SECRET_B64, startTwitchStandIn } from '../helpers/twitch-standin.js';

// The extension's views in Chromium with a stand-in for the Twitch Extension Helper: the hub is the
// real backend, and PubSub messages are the ones the hub sent to the Twitch stand-in.
const HELPER = 'https://extension-files.twitch.tv/helper/v1/twitch-ext.min.js';
const HELPER_STANDIN = `
  window.__twitch = { auth: [], listeners: [], changed: [], saved: null };
  window.Twitch = { ext: {
    onAuthorized: (cb) => window.__twitch.auth.push(cb),
    listen: (target, cb) => window.__twitch.listeners.push(cb),
    configuration: {
      broadcaster: null,
      onChanged: (cb) => window.__twitch.changed.push(cb),
      set(segment, version, content) { this.broadcaster = { version, content }; window.__twitch.saved = content; },
    },
  } };`;
const CHANNEL = '31337';

let twitch: Awaited<ReturnType<typeof startTwitchStandIn>>;
let hub: TestHub;
let browser: Browser;
let campaignId: string;

beforeAll(async () => {
  if (!chromiumAvailable) return;
  twitch = await startTwitchStandIn();
  hub = await startTestHub({ twitch: { clientId: CLIENT_ID, extensionSecret: SECRET_B64, ownerId: OWNER_ID, apiUrl: twitch.apiUrl, minIntervalMs: 600 } });
  campaignId = (await hub.api('create_campaign', { name: 'Live Play', system: 'D&D 5e' })).body.value.campaign.id;
  await hub.api('start_session', { campaignId });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await twitch?.close();
});

async function open(view: string, config: string | null): Promise<Page> {
  const page = await browser.newPage();
  // Every remote request but the helper would break Twitch's rules: abort it, and the test notices.
  // (Routes registered later take precedence, so the helper's comes second.)
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.route(HELPER, (route) => route.fulfill({ contentType: 'text/javascript', body: HELPER_STANDIN }));
  const remote: string[] = [];
  page.on('requestfailed', (r) => remote.push(r.url()));
  await page.goto(`${hub.url}/twitch-extension/${view}`);
  await page.evaluate((c) => c && (window as any).Twitch.ext.configuration.set('broadcaster', '1', c), config);
  Object.assign(page, { remote });
  return page;
}

describe.runIf(chromiumAvailable)('Twitch extension views', () => {
  it('config view: the broadcaster links the channel with a viewer token; only the hub address is saved with Twitch', async () => {
    const viewerToken = (await hub.api('create_access_token', { campaignId, name: 'Twitch', role: 'viewer' })).body.value.token;
    const page = await open('config.html', null);
    const jwt = await extensionJwt({ channel_id: CHANNEL, role: 'broadcaster' });
    await page.evaluate((t) => (window as any).__twitch.auth.forEach((cb: any) => cb({ token: t, channelId: '31337' })), jwt);
    await page.fill('#hub', hub.url);
    await page.fill('#token', viewerToken);
    await page.click('button[type=submit]');
    await page.waitForFunction(() => document.getElementById('result')!.textContent!.startsWith('Connected'));
    expect(await page.textContent('#result')).toBe('Connected to “Live Play”.');
    expect(JSON.parse(await page.evaluate(() => (window as any).__twitch.saved))).toEqual({ hub: hub.url });
    expect(await page.inputValue('#token')).toBe('');
  });

  it('panel view: loads the state from the hub, then follows PubSub; no iframes, no remote assets', async () => {
    await hub.api('add_combatants', { campaignId, combatants: [{ name: 'Vex', kind: 'pc', initiative: 18, hp: 22 }, { name: 'Hidden Lich', initiative: 25, hidden: true }] });
    const page = await open('panel.html', JSON.stringify({ hub: hub.url }));
    const jwt = await extensionJwt({ channel_id: CHANNEL, role: 'viewer' });
    await page.evaluate((t) => (window as any).__twitch.auth.forEach((cb: any) => cb({ token: t })), jwt);
    await page.waitForSelector('#initiative .combatant[data-name="Vex"]');
    expect(await page.content()).not.toContain('Hidden Lich');

    // A roll and a new monster travel hub -> Twitch PubSub stand-in -> the page's listen() callback.
    const before = twitch.messages.length;
    await hub.api('add_combatants', { campaignId, combatants: [{ name: 'Ghoul', initiative: 11, hp: 22 }] });
    await hub.api('roll_dice', { campaignId, expression: '1d20+6 # claw' });
    for (let i = 0; i < 100 && !twitch.messages.slice(before).some((m) => m.message.rolls?.length); i++) await new Promise((r) => setTimeout(r, 50));
    for (const m of twitch.messages.slice(before)) {
      await page.evaluate((msg) => (window as any).__twitch.listeners.forEach((cb: any) => cb('broadcast', 'application/json', msg)), JSON.stringify(m.message));
    }
    await page.waitForSelector('#initiative .combatant[data-name="Ghoul"]');
    await page.waitForSelector('.roll-card .expression:text("claw · 1d20+6")');
    expect(await page.locator('iframe').count()).toBe(0);
    expect((page as unknown as { remote: string[] }).remote).toEqual([]);
  });
});
