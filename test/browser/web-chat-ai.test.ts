/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../helpers/browser.js';
import { startOpenAiStandIn, type LlmStandIn } from '../helpers/llm-standins.js';
import { handbookPdf } from '../helpers/pdf-fixtures.js';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';

// The chat end to end in real headless Chromium: a real hub whose AI game master talks to the local
// OpenAI Chat Completions stand-in (real SSE wire format, through the openai SDK). The stand-in asks
// for roll_dice and search; the hub runs them and the page draws the streamed text, a dice card and a
// rules citation from the book the hub indexed. UPDATE_SCREENSHOTS=1 refreshes the README's pictures.
const shots = process.env.UPDATE_SCREENSHOTS ? resolve('docs/screenshots') : mkdtempSync(join(tmpdir(), 'ttrpg-hub-shots-'));
const widths = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 812 } } as const;

let openai: LlmStandIn;
let hub: TestHub;
let bare: TestHub;
let browser: Browser;
let campaignId: string;
const problems: string[] = [];

/** What the hub told the model its tools returned (OpenAI `tool` messages): the roll's total and the cited page. */
function toolResults(body: any): { total: number | null; page: number | null } {
  const texts: string[] = body.messages.filter((m: any) => m.role === 'tool').map((m: any) => String(m.content));
  const total = texts.map((t) => /= (-?\d+)/.exec(t)?.[1]).find(Boolean);
  const page = texts.map((t) => /The Test Handbook, p\. (\d+)/.exec(t)?.[1]).find(Boolean);
  return { total: total ? Number(total) : null, page: page ? Number(page) : null };
}

beforeAll(async () => {
  if (!chromiumAvailable) return;
  openai = await startOpenAiStandIn({ keys: ['sk-hub-key', 'sk-user-key'] });
  // A price for the stand-in's models, so the page has a cost to show (USD per million tokens).
  const pricing = join(mkdtempSync(join(tmpdir(), 'ttrpg-hub-pricing-')), 'pricing.yaml');
  writeFileSync(pricing, 'models:\n  gpt-test*: { input: 3, output: 15, contextWindow: 128000 }\n');
  hub = await startTestHub({ ai: { provider: 'openai', openai: { apiKey: 'sk-hub-key', baseUrl: openai.url, defaultModel: 'gpt-test' }, pricingFile: pricing }, rules: { vectorStore: 'memory' } });
  bare = await startTestHub();
  mkdirSync(join(hub.dataDir, 'books'), { recursive: true });
  writeFileSync(join(hub.dataDir, 'books', 'handbook.pdf'), await handbookPdf({ outline: true }));
  const added = await hub.api('add_source', { path: 'handbook.pdf', name: 'The Test Handbook', system: 'D&D 5e' });
  if (!added.body.ok) throw new Error(added.body.error.message);
  campaignId = (await hub.api('create_campaign', { name: 'Phandelver', system: 'D&D 5e' })).body.value.campaign.id;
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await bare?.close();
  await openai?.close();
});

async function signIn(viewport: { width: number; height: number }, target = hub, token = OWNER_TOKEN): Promise<Page> {
  const page = await browser.newPage({ viewport, colorScheme: 'light' });
  // Script errors and CSP violations both land here; the page must have none.
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text())));
  // /auth/providers answers 404 until the accounts work adds it; nothing else may fail.
  page.on('response', (r) => void (r.status() >= 400 && !r.url().endsWith('/auth/providers') && problems.push(`${r.status()} ${r.url()}`)));
  await page.goto(target.url);
  await page.getByLabel('Hub token').fill(token);
  await page.keyboard.press('Enter');
  await page.locator('#chat-view').waitFor();
  return page;
}

/** Scripts one answer: first the model asks for a roll and a rules search, then it answers with the hub's total. */
function scriptDiceAndRules(): void {
  openai.script(
    { toolCalls: [{ name: 'roll_dice', input: { expression: '2d20kh1+5' } }, { name: 'search', input: { query: 'opportunity attack teleport' } }] },
    (body) => {
      const { total, page } = toolResults(body);
      return { text: `You rolled ${total} to hit. Teleporting does not provoke an opportunity attack (The Test Handbook, p. ${page}).`, pieceDelayMs: 40 };
    },
  );
}

describe.runIf(chromiumAvailable)('web chat: the AI game master in Chromium', () => {
  afterAll(() => expect(problems).toEqual([]));

  for (const [name, viewport] of Object.entries(widths)) {
    it(`${name}: streams an answer with a dice card and a rules citation from the hub`, async () => {
      const page = await signIn(viewport);
      await page.getByLabel('Campaign', { exact: true }).selectOption(campaignId);
      await expect(page.getByLabel('Provider').locator('option').allTextContents()).resolves.toContainEqual(expect.stringMatching(/OpenAI/i));
      await expect(page.getByLabel('Model').locator('option').allTextContents()).resolves.toEqual(expect.arrayContaining(['gpt-test', 'gpt-test-mini']));
      await page.getByLabel('Model').selectOption('gpt-test-mini');
      scriptDiceAndRules();
      const before = openai.requests.length;

      // Record how the answer's text grows, to see it stream rather than land at once.
      await page.evaluate(() => {
        const seen: number[] = ((window as any).textLengths = []);
        new MutationObserver(() => {
          const text = document.querySelector('.message.assistant:last-child .text')?.textContent ?? '';
          if (text.length && text.length !== seen.at(-1)) seen.push(text.length);
        }).observe(document.getElementById('messages')!, { subtree: true, childList: true, characterData: true });
      });
      await page.getByLabel('Message to the game master').fill('I attack the goblin with my longsword. Does its teleport provoke?');
      await page.keyboard.press('Enter');
      const answer = page.locator('.message.assistant').last();
      await answer.locator('.meta').waitFor({ timeout: 30_000 });

      // The model got the hub's real roll and the book's real page.
      const second = openai.requests[before + 1]!.body;
      expect(second.model).toBe('gpt-test-mini');
      const { total, page: cited } = toolResults(second);
      expect(total).not.toBeNull();
      expect(cited).not.toBeNull();
      const diceCard = answer.locator('.tool-card[data-tool="roll_dice"]');
      await expect(diceCard.locator('.dice-total').textContent()).resolves.toBe(String(total));
      await expect(diceCard.locator('.die').count()).resolves.toBe(2);
      await expect(diceCard.locator('.die.dropped').count()).resolves.toBe(1);
      await expect(diceCard.locator('.die.kept').count()).resolves.toBe(1);
      const citation = answer.locator('.tool-card[data-tool="search"] .citation').first();
      await expect(citation.locator('.book').textContent()).resolves.toBe('The Test Handbook');
      await expect(citation.locator('.page').textContent()).resolves.toBe(`p. ${cited}`);
      await expect(answer.locator('.text').last().textContent()).resolves.toBe(`You rolled ${total} to hit. Teleporting does not provoke an opportunity attack (The Test Handbook, p. ${cited}).`);
      const lengths = (await page.evaluate(() => (window as any).textLengths)) as number[];
      expect(lengths.length).toBeGreaterThan(3);

      // Two model requests of 100 in / 20 out tokens each (the stand-in's count) at $3 / $15 per million.
      await expect(answer.locator('.meta').textContent()).resolves.toBe('openai · gpt-test-mini · 200 in / 40 out tokens · $0.0012');
      // The conversation is listed, and the usage view counts what it cost.
      await page.locator('#conversations button.selected').waitFor();
      await page.locator('#usage-box summary').click();
      await expect(page.locator('#usage').textContent()).resolves.toMatch(/You today\$0\.00(12|24)/);
      await page.screenshot({ path: join(shots, `web-chat-chat-${name}.png`), fullPage: name === 'phone' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      // A new conversation starts empty; the stored one comes back with its cards (get_conversation).
      const stored = (await page.locator('#conversations button.selected').getAttribute('data-id'))!;
      await page.getByRole('button', { name: 'New conversation' }).click();
      await expect(page.locator('#messages li').count()).resolves.toBe(0);
      await page.locator(`#conversations button[data-id="${stored}"]`).click();
      await page.locator('#messages .tool-card[data-tool="roll_dice"]').waitFor();
      await expect(page.locator('#messages .dice-total').textContent()).resolves.toBe(String(total));
      await expect(page.locator('#messages .message.user .text').textContent()).resolves.toMatch(/^I attack the goblin/);
      await page.close();
    }, 90_000);
  }

  it('draws an initiative change the game master makes as the new order', async () => {
    await hub.api('start_session', { campaignId });
    const page = await signIn(widths.desktop);
    await page.getByLabel('Campaign', { exact: true }).selectOption(campaignId);
    openai.script({ toolCalls: [{ name: 'add_combatants', input: { combatants: [{ name: 'Goblin', initiative: 12 }, { name: 'Aria', kind: 'pc', initiative: 18 }] } }] }, { text: 'Aria acts **first**, then:\n- the goblin\n- <script>alert(1)</script>' });
    await page.getByLabel('Message to the game master').fill('Add Aria (18) and a goblin (12) to initiative');
    await page.keyboard.press('Enter');
    const card = page.locator('.message.assistant').last().locator('.tool-card[data-tool="add_combatants"]');
    await card.locator('.initiative li').first().waitFor();
    await expect(card.locator('.initiative li').allTextContents()).resolves.toEqual(['18 Aria', '12 Goblin']);
    // The finished answer is formatted, and markup from the model stays text.
    const text = page.locator('.message.assistant').last().locator('.text').last();
    await text.locator('li').nth(1).waitFor();
    await expect(text.locator('strong').textContent()).resolves.toBe('first');
    await expect(text.locator('li').allTextContents()).resolves.toEqual(['the goblin', '<script>alert(1)</script>']);
    await expect(text.locator('script').count()).resolves.toBe(0);
    // The same order the hub now holds.
    const session = (await hub.api('get_session', { campaignId })).body.value;
    expect(session.session.encounter.combatants.map((c: { name: string }) => c.name)).toEqual(['Aria', 'Goblin']);
    await page.close();
  }, 60_000);

  it("shows a tool call the hub refused as a failed card with the hub's reason", async () => {
    const page = await signIn(widths.phone);
    openai.script({ toolCalls: [{ name: 'roll_dice', input: { expression: '1d20+x' } }] }, { text: 'That notation did not work; try 1d20+5.' });
    await page.getByLabel('Message to the game master').fill('Roll 1d20+x');
    await page.keyboard.press('Enter');
    const card = page.locator('.message.assistant').last().locator('.tool-card[data-tool="roll_dice"]');
    await card.locator('.error').waitFor();
    expect(await card.getAttribute('class')).toContain('failed');
    await expect(card.locator('.error').textContent()).resolves.toMatch(/^Failed: .*x/);
    await page.locator('.message.assistant').last().locator('.meta').waitFor();
    await page.close();
  }, 60_000);

  it('stops an answer with the Stop button', async () => {
    const page = await signIn(widths.desktop);
    openai.script({ hang: true });
    await page.getByLabel('Message to the game master').fill('Tell me a very long story');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.locator('.message.assistant .failure').filter({ hasText: 'Stopped.' }).waitFor();
    await expect(page.getByRole('button', { name: 'Stop' }).isHidden()).resolves.toBe(true);
    // From the keyboard: Escape in the message field stops the answer too.
    openai.script({ hang: true });
    await page.getByLabel('Message to the game master').fill('Another long story');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Stop' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.message.assistant .failure').filter({ hasText: 'Stopped.' }).count(), { timeout: 20_000 }).toBe(2);
    await page.close();
  }, 60_000);

  it('stores a user key without ever showing it again', async () => {
    const page = await signIn(widths.desktop);
    const bodies: string[] = [];
    page.on('websocket', (ws) => ws.on('framereceived', (f) => bodies.push(String(f.payload))));
    await page.locator('#key-box summary').click();
    // A key the provider refuses is not stored, and the page says so.
    await page.getByLabel('API key').fill('sk-wrong-key');
    await page.getByRole('button', { name: 'Save key' }).click();
    await page.locator('#key-status').filter({ hasNotText: 'Checking' }).waitFor();
    await expect(page.locator('#key-status').textContent()).resolves.not.toMatch(/Key saved/);
    await expect(page.getByLabel('API key').inputValue()).resolves.toBe('');
    await page.getByLabel('API key').fill('sk-user-key');
    await page.getByRole('button', { name: 'Save key' }).click();
    await page.locator('#key-status').filter({ hasText: 'Key saved' }).waitFor();
    await expect(page.getByLabel('API key').inputValue()).resolves.toBe('');
    await expect(page.content()).resolves.not.toContain('sk-user-key');
    expect(bodies.join('\n')).not.toContain('sk-user-key');
    await page.close();
  }, 60_000);

  it("lists the AI provider's health on the GM page's status panel", async () => {
    const page = await signIn(widths.desktop);
    await page.getByRole('link', { name: 'GM page' }).click();
    const rows = page.locator('#status li[data-adapter^="AI: "]');
    await rows.first().waitFor();
    const texts = await rows.allTextContents();
    expect(texts).toContainEqual(expect.stringMatching(/^AI: OpenAI-compatible \(127\.0\.0\.1:\d+\) healthy$/));
    expect(texts).toContainEqual(expect.stringMatching(/^AI: Anthropic no key$/));
    await page.close();
  }, 60_000);

  it('shows how to add a provider when the hub has none', async () => {
    const page = await signIn(widths.phone, bare);
    await page.locator('#setup-hint').waitFor();
    await expect(page.locator('#setup-hint').textContent()).resolves.toMatch(/OPENAI_API_KEY|ANTHROPIC_API_KEY/);
    await page.close();
  }, 60_000);
});
