/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../helpers/browser.js';
import { exited, freePort, spawnHub } from '../helpers/spawn-hub.js';

// The overlay in real headless Chromium against a real hub process (SQLite, so it survives a restart).
const token = 'overlay-test-owner-token-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-overlay-'));
const env = { DATA_DIR: dataDir, HUB_OWNER_TOKEN: token };
// Set UPDATE_SCREENSHOTS=1 to refresh the README's pictures.
const shots = process.env.UPDATE_SCREENSHOTS ? resolve('docs/screenshots') : mkdtempSync(join(tmpdir(), 'ttrpg-hub-shots-'));

let hub: Awaited<ReturnType<typeof spawnHub>>;
let port: number;
let browser: Browser;
let page: Page;
let campaignId: string;
let viewerToken: string;

async function call(tool: string, input: Record<string, unknown>) {
  const res = await fetch(`${hub.url}/api/tools/${tool}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ input }) });
  const body = (await res.json()) as any;
  if (!body.ok) throw new Error(`${tool}: ${body.error.message}`);
  return body.value;
}

const names = () => page.$$eval('#initiative .combatant', (rows) => rows.map((r) => (r as HTMLElement).dataset.name));

beforeAll(async () => {
  if (!chromiumAvailable) return;
  port = await freePort();
  hub = await spawnHub(env, port);
  browser = await launchChromium();
  campaignId = (await call('create_campaign', { name: 'Stream Night', system: 'D&D 5e' })).campaign.id;
  viewerToken = (await call('create_access_token', { campaignId, name: 'OBS', role: 'viewer' })).token;
  await call('start_session', { campaignId });
  page = await browser.newPage({ viewport: { width: 960, height: 540 } });
  await page.goto(`${hub.url}/overlay/#token=${encodeURIComponent(viewerToken)}&campaign=${campaignId}&position=top-left&dice=30`);
  // An empty overlay is all transparent: wait for the element, not for something visible.
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  if (hub) {
    hub.child.kill('SIGTERM');
    await exited(hub.child);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Paints a stand-in for the stream behind the transparent page, for the screenshot only. */
async function screenshot(name: string) {
  await page.waitForTimeout(900); // let the cards finish animating in
  await page.evaluate(() => {
    const backdrop = Object.assign(document.createElement('div'), { id: 'backdrop' });
    backdrop.style.cssText = 'position:fixed;inset:0;z-index:-1;background:linear-gradient(135deg,#2b3a4a,#4a3b5a)';
    document.body.prepend(backdrop);
  });
  await page.screenshot({ path: join(shots, name) });
  await page.evaluate(() => document.getElementById('backdrop')?.remove());
}

describe.runIf(chromiumAvailable)('OBS overlay in Chromium', () => {
  it('settings page builds the one link a streamer copies into OBS', async () => {
    const settings = await browser.newPage();
    await settings.goto(`${hub.url}/overlay/settings.html`);
    await settings.fill('#token', viewerToken);
    await settings.fill('#campaign', campaignId);
    await settings.uncheck('input[value="dice"]');
    await settings.selectOption('#position', 'bottom-left');
    await settings.selectOption('#theme', 'parchment');
    await settings.fill('#scale', '1.5');
    const link = new URL((await settings.textContent('#url'))!);
    expect(`${link.origin}${link.pathname}`).toBe(`${hub.url}/overlay/`);
    expect(Object.fromEntries(new URLSearchParams(link.hash.slice(1)))).toEqual({ token: viewerToken, campaign: campaignId, widgets: 'initiative', position: 'bottom-left', theme: 'parchment', scale: '1.5', dice: '8' });
    // The link works: the overlay it opens shows only the chosen widget, in the chosen corner.
    await settings.goto(link.href);
    await settings.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    expect(await settings.locator('#dice').count()).toBe(0);
    expect(await settings.getAttribute('#overlay', 'data-position')).toBe('bottom-left');
    await settings.close();
  });

  it('has a transparent background', async () => {
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
  });

  it('shows the initiative order with HP bars for characters, health words for monsters, and never hidden combatants', async () => {
    const { added } = await call('add_combatants', {
      campaignId,
      combatants: [
        { name: 'Aria', kind: 'pc', initiative: 19, hp: 30 },
        { name: 'Borin', kind: 'pc', initiative: 14, hp: 42 },
        { name: 'Owlbear', kind: 'monster', initiative: 12, hp: 59 },
        { name: 'Assassin', kind: 'monster', initiative: 21, hp: 40, hidden: true },
      ],
    });
    await page.waitForFunction(() => document.querySelectorAll('#initiative .combatant').length === 3);
    expect(await names()).toEqual(['Aria', 'Borin', 'Owlbear']);
    const owlbear = added.find((c: { name: string }) => c.name === 'Owlbear').id;
    const aria = added.find((c: { name: string }) => c.name === 'Aria').id;
    await call('change_hp', { campaignId, combatantId: owlbear, damage: 35 });
    await call('change_hp', { campaignId, combatantId: aria, damage: 12 });
    await call('add_condition', { campaignId, combatantId: aria, name: 'Poisoned', rounds: 2 });
    await call('next_turn', { campaignId }); // the hidden assassin acts first: no one is marked
    await call('next_turn', { campaignId }); // Aria
    await page.waitForSelector('#initiative .combatant.current[data-name="Aria"]');
    expect(await page.textContent('#initiative .round')).toBe('Round 1');
    expect(await page.textContent('[data-name="Owlbear"] .health')).toBe('bloodied');
    expect(await page.textContent('[data-name="Aria"] .hp-text')).toBe('18/30');
    expect(await page.getAttribute('[data-name="Aria"] .condition', 'title')).toBe('Poisoned (2)');
    expect(await page.textContent('[data-name="Aria"] .condition .label')).toBe('Poisoned 2');
    expect(await page.content()).not.toContain('Assassin');
    await screenshot('overlay-initiative.png');
  });

  it('animates a roll with each die, the total and a natural 20 call-out; a secret roll never appears', async () => {
    await call('roll_dice', { campaignId, expression: '1d20+7 # stealth', secret: true });
    const { rolls } = await call('roll_dice', { campaignId, expression: '1d20+5 adv # attack' });
    const card = page.locator(`[data-roll-id]`).first();
    await card.waitFor();
    expect(await card.locator('.total').textContent()).toBe(String(rolls[0].total));
    expect(await card.locator('.expression').textContent()).toBe('attack · 2d20kh1+5');
    expect(await card.locator('.die').count()).toBe(2);
    expect(await card.locator('.die.dropped').count()).toBe(1);
    expect(await card.locator('.roller').textContent()).toBe('Owner');
    expect(await page.locator('[data-roll-id]').count()).toBe(1);
    // Keep rolling until a natural 20 shows, to see the call-out (about 10% per roll with advantage).
    for (let i = 0; i < 80; i++) {
      const r = await call('roll_dice', { campaignId, expression: '1d20 adv # to hit' });
      if (r.rolls[0].natural20) break;
    }
    await page.locator('.callout.crit').first().waitFor();
    expect(await page.locator('.callout.crit').first().textContent()).toBe('Natural 20!');
    await screenshot('overlay-dice.png');
  });

  it('survives a hub restart: it says it is reconnecting, then shows the current state', async () => {
    hub.child.kill('SIGKILL');
    await exited(hub.child);
    await page.waitForSelector('#status:not([hidden])');
    expect(await page.textContent('#status')).toContain('Reconnecting');
    hub = await spawnHub(env, port);
    await call('next_turn', { campaignId }); // Borin's turn, decided while the overlay was away or just back
    await page.waitForSelector('#initiative .combatant.current[data-name="Borin"]', { timeout: 20_000 });
    await page.waitForSelector('#status[hidden]', { state: 'attached' });
    expect(await names()).toEqual(['Aria', 'Borin', 'Owlbear']);
  });
});
