/// <reference lib="dom" />
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../helpers/browser.js';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';

// The web chat's sign-in and GM page in real headless Chromium against a real hub (built assets from
// `npm run build`), at desktop and phone widths. UPDATE_SCREENSHOTS=1 refreshes the README's pictures.
const shots = process.env.UPDATE_SCREENSHOTS ? resolve('docs/screenshots') : mkdtempSync(join(tmpdir(), 'ttrpg-hub-shots-'));
const widths = { desktop: { width: 1280, height: 860 }, phone: { width: 375, height: 812 } } as const;

let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  if (!chromiumAvailable) return;
  // OBS configured but not running: the status panel has something to warn about.
  hub = await startTestHub({ obs: { url: 'ws://127.0.0.1:9' } });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

const statusOf = async (token: string) => (await fetch(`${hub.url}/api/status`, { headers: { authorization: `Bearer ${token}` } })).status;

async function openSignedIn(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, colorScheme: 'light' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub.url });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !/401|Failed to load resource/.test(m.text()) && problems.push(m.text()));
  (page as Page & { problems?: string[] }).problems = problems;
  await page.goto(hub.url);
  await page.getByLabel('Hub token').fill(OWNER_TOKEN);
  await page.keyboard.press('Enter');
  await page.locator('#chat-view').waitFor();
  return { context, page };
}

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.runIf(chromiumAvailable)('web chat: sign-in and GM page in Chromium', () => {
  it('refuses a wrong token with the reason, and keeps the right one out of every URL', async () => {
    const context = await browser.newContext({ viewport: widths.desktop });
    const page = await context.newPage();
    await page.goto(hub.url);
    await expect(page.locator('#oauth').isHidden()).resolves.toBe(true); // no /auth/providers on this hub
    await page.getByLabel('Hub token').fill('tth_not_a_real_token_000000000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/refused this token/);
    await expect(page.locator('#sign-in-view').isVisible()).resolves.toBe(true);

    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.getByLabel('Hub token').fill(OWNER_TOKEN);
    await page.keyboard.press('Enter');
    await page.locator('#chat-view').waitFor();
    await expect(page.locator('#who').textContent()).resolves.toMatch(/owner/);
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((u) => u.includes(OWNER_TOKEN))).toEqual([]);
    // Kept for this tab: a reload stays signed in, signing out forgets it.
    await page.reload();
    await page.locator('#chat-view').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#sign-in-view').waitFor();
    await expect(page.evaluate(() => sessionStorage.length)).resolves.toBe(0);
    await context.close();
  }, 60_000);

  it('offers "Sign in with Discord" only when the hub answers /auth/providers', async () => {
    const page = await browser.newPage({ viewport: widths.phone });
    // The accounts work adds /auth/providers; until then the browser is given its answer here.
    await page.route('**/auth/providers', (route) => route.fulfill({ json: { providers: [{ id: 'discord', label: 'Discord', url: '/auth/discord' }] } }));
    await page.goto(hub.url);
    const button = page.getByRole('link', { name: 'Sign in with Discord' });
    await button.waitFor();
    expect(await button.getAttribute('href')).toBe('/auth/discord');
    await page.close();
  });

  it('takes a token handed over in the fragment (the OAuth return) and removes it from the address bar', async () => {
    const page = await browser.newPage({ viewport: widths.desktop });
    await page.goto(`${hub.url}/#token=${encodeURIComponent(OWNER_TOKEN)}`);
    await page.locator('#chat-view').waitFor();
    expect(page.url()).toBe(`${hub.url}/`);
    await page.close();
  });

  for (const [name, viewport] of Object.entries(widths)) {
    it(`${name}: creates a campaign and a player token shown once, revokes it, and shows the adapters`, async () => {
      const { context, page } = await openSignedIn(viewport);
      await page.getByRole('link', { name: 'GM page' }).click();
      await page.locator('#gm-view').waitFor();

      // Status: every adapter with a word for its state.
      const status = page.locator('#status');
      await status.locator('[data-adapter="Discord"]').waitFor();
      await expect(status.locator('[data-adapter="Discord"]').textContent()).resolves.toMatch(/off/);
      await expect(status.locator('[data-adapter="OBS"]').textContent()).resolves.toMatch(/not connected/);
      await expect(status.locator('[data-adapter="Storage"]').textContent()).resolves.toMatch(/memory/);
      await expect(status.locator('[data-adapter="Twitch"]').textContent()).resolves.toMatch(/off/);

      // A campaign, through create_campaign over the socket.
      const campaignName = `Lost Mine (${name})`;
      await page.getByLabel('Name', { exact: true }).first().fill(campaignName);
      await page.getByLabel('System').fill('D&D 5e');
      await page.getByRole('button', { name: 'Create campaign' }).click();
      await page.locator('#members-campaign').filter({ hasText: campaignName }).waitFor();
      const listed = (await hub.api('list_campaigns', {})).body.value.campaigns as { id: string; name: string }[];
      const campaign = listed.find((c) => c.name === campaignName)!;
      expect(campaign).toBeDefined();
      await expect(page.locator('#campaigns').textContent()).resolves.toContain(campaign.id);

      // A player token, shown once with a copy button; it works.
      await page.getByLabel('Name', { exact: true }).nth(1).fill('Alice');
      await page.getByLabel('Role').selectOption('player');
      await page.getByRole('button', { name: 'Create token' }).click();
      await page.locator('#new-token').waitFor();
      const token = (await page.locator('#new-token-value').textContent())!;
      expect(token.length).toBeGreaterThan(20);
      await page.screenshot({ path: join(shots, `web-chat-gm-${name}.png`), fullPage: true });
      await page.getByRole('button', { name: 'Copy', exact: true }).first().click();
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(token);
      expect(await statusOf(token)).toBe(200);
      await page.locator('#members li[data-member]').filter({ hasText: 'Alice' }).waitFor();
      await expect(page.locator('#members li[data-member]').allTextContents()).resolves.toEqual([expect.stringMatching(/Alice\s*player/)]);
      expect(await noHorizontalScroll(page)).toBe(true);
      await page.getByRole('button', { name: 'I have copied it' }).click();
      await expect(page.locator('#new-token').isHidden()).resolves.toBe(true);
      await expect(page.content()).resolves.not.toContain(token);

      // Revoke: the token stops working at once.
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: "Revoke Alice's token" }).click();
      await page.locator('#members li[data-member]').first().waitFor({ state: 'detached' });
      expect(await statusOf(token)).toBe(401);

      // The overlay link carries a fresh viewer token in its fragment; the Foundry manifest is shown to copy.
      await page.getByRole('button', { name: 'Create an overlay link' }).click();
      await page.locator('#overlay-link').waitFor();
      const overlay = new URL((await page.locator('#overlay-url').textContent())!);
      expect(`${overlay.origin}${overlay.pathname}`).toBe(`${hub.url}/overlay/`);
      const params = new URLSearchParams(overlay.hash.slice(1));
      expect(params.get('campaign')).toBe(campaign.id);
      const viewer = await fetch(`${hub.url}/api/status`, { headers: { authorization: `Bearer ${params.get('token')}` } }).then((r) => r.json() as Promise<any>);
      expect(viewer.you).toMatchObject({ role: 'viewer', campaignId: campaign.id });
      await expect(page.locator('#foundry-url').textContent()).resolves.toBe(`${hub.url}/foundry/module.json`);
      expect((page as Page & { problems?: string[] }).problems).toEqual([]);
      await context.close();
    }, 90_000);
  }

  it('a player signs in with their token and sees no operator details', async () => {
    const campaignId = (await hub.api('create_campaign', { name: 'Player view', system: 'D&D 5e' })).body.value.campaign.id;
    const token = (await hub.api('create_access_token', { campaignId, name: 'Bob', role: 'player' })).body.value.token;
    const context = await browser.newContext({ viewport: widths.phone });
    const page = await context.newPage();
    await page.goto(hub.url);
    await page.getByLabel('Hub token').fill(token);
    await page.keyboard.press('Enter');
    await page.locator('#chat-view').waitFor();
    await page.locator('#who').filter({ hasText: 'Bob (player)' }).waitFor();
    await page.getByRole('link', { name: 'GM page' }).click();
    await page.locator('#status li').first().waitFor();
    const rows = await page.locator('#status li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.adapter));
    expect(rows).not.toContain('Discord');
    expect(rows).not.toContain('Storage');
    await expect(page.locator('#create-campaign').isHidden()).resolves.toBe(true);

    // The GM revokes Bob: his open page is signed out at once and says why.
    const bob = (await hub.api('list_members', { campaignId })).body.value.members.find((m: { name: string }) => m.name === 'Bob');
    await hub.api('revoke_access_token', { campaignId, memberId: bob.id });
    await page.locator('#sign-in-view').waitFor();
    await expect(page.locator('#sign-in-error').textContent()).resolves.toMatch(/revoked/);
    await expect(page.evaluate(() => sessionStorage.length)).resolves.toBe(0);
    await context.close();
  }, 60_000);
});
