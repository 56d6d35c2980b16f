import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AesSecretBox, type Logger } from '../../../src/core/index.js';
import { startAnthropicStandIn, type LlmStandIn } from '../../helpers/llm-standins.js';
import { startTestHub, type TestHub } from '../../helpers/test-hub.js';

/** A logger that keeps every line, objects and errors included, as they would be written. */
function collectingLogger(lines: string[], bindings: Record<string, unknown> = {}): Logger {
  const log = (level: string) => (obj: object, msg?: string) =>
    lines.push(JSON.stringify({ level, ...bindings, ...obj, msg }, (_k, v) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v)));
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), child: (b) => collectingLogger(lines, { ...bindings, ...b }) };
}

const USER_KEY = 'sk-ant-user-' + randomBytes(12).toString('hex');
let standIn: LlmStandIn;
const lines: string[] = [];
let hub: TestHub;
let campaignId: string;
let playerToken: string;

beforeAll(async () => {
  standIn = await startAnthropicStandIn({ keys: ['sk-ant-hub', USER_KEY] });
  const pricingDir = mkdtempSync(join(tmpdir(), 'pricing-'));
  // An expensive model, so one request crosses the per-user limit.
  writeFileSync(join(pricingDir, 'pricing.yaml'), 'models:\n  claude-test-1: { input: 1000, output: 1000, contextWindow: 100000 }\n');
  hub = await startTestHub(
    {
      ai: { provider: 'anthropic', pricingFile: join(pricingDir, 'pricing.yaml'), anthropic: { apiKey: 'sk-ant-hub', baseUrl: standIn.url, defaultModel: 'claude-test-1' }, limits: { userDailyUsd: 0.05 } },
      log: { level: 'debug' },
    },
    { logger: collectingLogger(lines) },
  );
  campaignId = (await hub.api('create_campaign', { name: 'Ledger', system: 'D&D 5e' })).body.value.campaign.id;
  playerToken = (await hub.api('create_access_token', { campaignId, name: 'Bob', role: 'player' })).body.value.token;
});
afterAll(async () => {
  await hub?.close();
  await standIn.close();
});

describe('per-user API keys', () => {
  it('refuses a key the provider refuses, and stores nothing', async () => {
    const res = await hub.api('set_ai_key', { provider: 'anthropic', apiKey: 'sk-ant-wrong-key-123' }, playerToken);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', field: 'apiKey' });
    expect(res.body.error.message).toMatch(/refused the key/);
    expect((await hub.api('list_ai_providers', {}, playerToken)).body.value.providers[0].hasUserKey).toBe(false);
  });

  it('validates, seals and uses a user\'s own key; the stored value is unreadable without the hub key and no log line holds it', async () => {
    const res = await hub.api('set_ai_key', { provider: 'anthropic', apiKey: USER_KEY }, playerToken);
    expect(res.body.value).toEqual({ provider: 'anthropic', stored: true, models: standIn.models });
    expect(JSON.stringify(res.body)).not.toContain(USER_KEY);
    const providers = (await hub.api('list_ai_providers', {}, playerToken)).body;
    expect(providers.value.providers[0].hasUserKey).toBe(true);
    expect(JSON.stringify(providers)).not.toContain(USER_KEY);

    // The user's key wins over the hub's for this user's questions.
    standIn.script({ text: 'Paid by Bob.', usage: { input: 10, output: 10 } });
    const asked = await hub.api('ask_game_master', { message: 'Who pays?', campaignId }, playerToken);
    expect(asked.body.ok).toBe(true);
    expect(standIn.requests.at(-1)!.headers.authorization).toBe(`Bearer ${USER_KEY}`);

    // At rest: sealed, and opening it with another hub's key fails.
    const members = (await hub.api('list_members', { campaignId })).body.value.members;
    const bob = members.find((m: any) => m.name === 'Bob');
    const stored = await hub.core.deps.store.get<Record<string, string>>(`gm:keys:${bob.id}`);
    expect(stored?.anthropic).toBeDefined();
    expect(stored!.anthropic).not.toContain(USER_KEY);
    expect(() => new AesSecretBox(randomBytes(32)).open(stored!.anthropic!)).toThrow();
    expect(hub.core.deps.secrets.open(stored!.anthropic!)).toBe(USER_KEY);

    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.includes(USER_KEY))).toEqual([]);
    expect(lines.filter((l) => l.includes('sk-ant-hub'))).toEqual([]);

    // Removing it goes back to the hub's key.
    expect((await hub.api('set_ai_key', { provider: 'anthropic', apiKey: null }, playerToken)).body.value.stored).toBe(false);
    expect((await hub.core.deps.store.get<Record<string, string>>(`gm:keys:${bob.id}`))?.anthropic).toBeUndefined();
  });
});

describe('spending limits', () => {
  it('records usage and cost, then refuses the next request before it reaches the provider', async () => {
    // Bob's first question above cost 10 * 1000 / 1e6 * 2 = $0.02; this one costs $0.04 more and crosses $0.05.
    standIn.script({ text: 'Expensive.', usage: { input: 20, output: 20 } });
    expect((await hub.api('ask_game_master', { message: 'one more', campaignId }, playerToken)).body.ok).toBe(true);
    const usage = (await hub.api('get_ai_usage', {}, playerToken)).body.value;
    expect(usage.user).toMatchObject({ requests: 2, inputTokens: 30, outputTokens: 30 });
    expect(usage.user.todayUsd).toBeCloseTo(0.06, 6);
    expect(usage.hub).toBeUndefined(); // hub-wide totals are the owner's
    expect(usage.limits).toEqual({ dailyUsd: null, monthlyUsd: null, userDailyUsd: 0.05, userMonthlyUsd: null });

    const before = standIn.requests.length;
    standIn.script({ text: 'Answered for whoever is still within the limits.' });
    const refused = await hub.api('ask_game_master', { message: 'and another', campaignId }, playerToken);
    expect(refused.body.error.code).toBe('LIMIT');
    expect(refused.body.error.message).toMatch(/Your daily AI spending limit of \$0\.05 is reached/);
    expect(standIn.requests.length).toBe(before);
    // The owner has no per-user spending yet, so the owner may still ask.
    const owner = await hub.api('ask_game_master', { message: 'owner question' });
    // The scripted reply was not used by Bob's refused request: the owner's got it.
    expect(owner.body.value.answer).toBe('Answered for whoever is still within the limits.');
    expect(standIn.requests.length).toBe(before + 1);
    expect((await hub.api('get_ai_usage', {})).body.value.hub.requests).toBe(3);
  });

  it('refuses everything with a limit of 0, reaching no provider', async () => {
    const zeroHub = await startTestHub({ ai: { provider: 'anthropic', anthropic: { apiKey: 'sk-ant-hub', baseUrl: standIn.url }, limits: { dailyUsd: 0 } } });
    try {
      const before = standIn.requests.length;
      const res = await zeroHub.api('ask_game_master', { message: 'hello?' });
      expect(res.body.error.code).toBe('LIMIT');
      expect(res.body.error.message).toMatch(/switched off.*AI_DAILY_LIMIT_USD/);
      expect(standIn.requests.length).toBe(before);
    } finally {
      await zeroHub.close();
    }
  });
});

describe('without any provider', () => {
  it('starts, logs how to add one, and the chat says so', async () => {
    const own: string[] = [];
    const bare = await startTestHub({ log: { level: 'info' } }, { logger: collectingLogger(own) });
    try {
      expect(own.some((l) => /ANTHROPIC_API_KEY or OPENAI_API_KEY/.test(l))).toBe(true);
      const list = (await bare.api('list_ai_providers', {})).body.value;
      expect(list.defaultProvider).toBeNull();
      expect(list.setupHint).toMatch(/ANTHROPIC_API_KEY/);
      const asked = await bare.api('ask_game_master', { message: 'hello?' });
      expect(asked.body.error.code).toBe('UNAVAILABLE');
      expect(asked.body.error.message).toMatch(/ANTHROPIC_API_KEY/);
    } finally {
      await bare.close();
    }
  });
});
