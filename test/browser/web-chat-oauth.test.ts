/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../helpers/browser.js';
import { startOAuthStandIn } from '../helpers/oauth-standin.js';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';

// Sign in with Discord from the web chat, in real Chromium, against the OAuth stand-in: the first time
// the account has no campaign and the page says how to link one; after one sign-in with a campaign
// token, the Discord button alone signs the player in.
const CLIENT = { clientId: '123456789012345678', clientSecret: 'discord-client-secret-value' };
let standIn: Awaited<ReturnType<typeof startOAuthStandIn>>;
let hub: TestHub;
let browser: Browser;

beforeAll(async () => {
  if (!chromiumAvailable) return;
  standIn = await startOAuthStandIn(CLIENT);
  hub = await startTestHub({
    discord: { applicationId: CLIENT.clientId, apiUrl: standIn.apiUrl },
    auth: { ownerToken: OWNER_TOKEN, oauth: { discord: { clientSecret: CLIENT.clientSecret } } },
  });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await standIn?.close();
});

describe.runIf(chromiumAvailable)('web chat: Sign in with Discord', () => {
  it('signs in through Discord, links a campaign token once, and then needs no token', async () => {
    const campaignId = (await hub.api('create_campaign', { name: 'Linked table', system: 'D&D 5e' })).body.value.campaign.id;
    const player = (await hub.api('create_access_token', { campaignId, name: 'Aria', role: 'player' })).body.value.token;
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(hub.url);
    await page.getByRole('link', { name: 'Sign in with Discord' }).click();
    // Back from Discord: signed in as an account, but no campaign is linked yet, and the page says what to do.
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/no campaign is linked yet: sign in once with the token your GM gave you/);
    expect(page.url()).not.toContain('ttws_');

    await page.getByLabel('Hub token').fill(player);
    await page.keyboard.press('Enter');
    await page.locator('#chat-view').waitFor();
    await expect(page.locator('#who').textContent()).resolves.toBe('Aria (player)');
    // The token was linked to the Discord account in the background.
    const me = async () => (await (await page.request.get(`${hub.url}/auth/me`)).json()) as { memberships: { campaignId: string; role: string }[] };
    for (let i = 0; i < 50 && (await me()).memberships.length !== 1; i++) await page.waitForTimeout(100);
    expect((await me()).memberships).toMatchObject([{ campaignId, role: 'player' }]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in with Discord' }).click();
    await page.locator('#chat-view').waitFor();
    await expect(page.locator('#who').textContent()).resolves.toBe('Aria (player)');
    expect(problems).toEqual([]);
  }, 60_000);
});
