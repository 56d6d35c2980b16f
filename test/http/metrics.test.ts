import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';

const METRICS_TOKEN = 'prometheus-scrape-token-0123456789';

describe('/metrics', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ metrics: { token: METRICS_TOKEN } });
  });
  afterAll(() => hub.close());

  const scrape = (token?: string) => fetch(`${hub.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('is closed to anonymous callers and campaign tokens', async () => {
    expect((await scrape()).status).toBe(401);
    const campaignId = (await hub.api('create_campaign', { name: 'Metrics', system: 'D&D 5e' })).body.value.campaign.id;
    const player = (await hub.api('create_access_token', { campaignId, name: 'P', role: 'player' })).body.value.token;
    expect((await scrape(player)).status).toBe(401);
    expect((await scrape('wrong-token-of-some-length-xxxxxxxx')).status).toBe(401);
  });

  it('counts tool calls by tool and outcome, store operations and open sockets', async () => {
    await hub.api('roll_dice', { expression: '1d20+5' });
    await hub.api('roll_dice', { expression: '2d6' });
    await hub.api('roll_dice', { expression: '' });
    await hub.api('no_such_tool', {});
    const socket = connect(hub.url, { auth: { token: OWNER_TOKEN }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    try {
      const res = await scrape(METRICS_TOKEN);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toMatch(/ttrpg_hub_tool_calls_total\{tool="roll_dice",outcome="ok"\} 2/);
      expect(text).toMatch(/ttrpg_hub_tool_calls_total\{tool="roll_dice",outcome="VALIDATION"\} 1/);
      expect(text).toMatch(/ttrpg_hub_tool_calls_total\{tool="unknown",outcome="UNKNOWN_TOOL"\} 1/);
      expect(text).toMatch(/ttrpg_hub_store_operation_duration_seconds_count\{operation="[a-z]+",outcome="ok"\} [1-9]/);
      expect(text).toMatch(/ttrpg_hub_socket_connections 1/);
      expect(text).toMatch(/ttrpg_hub_events_published_total\{type="campaign.created"\} 1/);
      expect(text).toMatch(/ttrpg_hub_process_resident_memory_bytes/);
      // The owner token works too.
      expect((await scrape(OWNER_TOKEN)).status).toBe(200);
    } finally {
      socket.disconnect();
    }
  });
});

describe('/metrics for the AI game master', () => {
  it('counts provider requests by outcome, the tokens they reported and what they cost', async () => {
    const { startOpenAiStandIn } = await import('../helpers/llm-standins.js');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const standIn = await startOpenAiStandIn();
    const dir = mkdtempSync(join(tmpdir(), 'pricing-'));
    writeFileSync(join(dir, 'pricing.yaml'), 'models:\n  gpt-test: { input: 2, output: 10, contextWindow: 100000 }\n');
    const hub = await startTestHub({
      metrics: { token: METRICS_TOKEN },
      ai: { provider: 'openai', pricingFile: join(dir, 'pricing.yaml'), openai: { apiKey: 'sk-test', baseUrl: standIn.url, defaultModel: 'gpt-test' } },
    });
    try {
      standIn.script({ text: 'The goblin flees.', usage: { input: 1000, output: 100 } });
      expect((await hub.api('ask_game_master', { message: 'What does the goblin do?' })).status).toBe(200);
      const text = await (await fetch(`${hub.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
      expect(text).toMatch(/ttrpg_hub_llm_requests_total\{provider="openai",model="gpt-test",outcome="ok"\} 1/);
      expect(text).toMatch(/ttrpg_hub_llm_tokens_total\{provider="openai",model="gpt-test",direction="input"\} 1000/);
      expect(text).toMatch(/ttrpg_hub_llm_tokens_total\{provider="openai",model="gpt-test",direction="output"\} 100/);
      // 1,000 input tokens at $2 per million and 100 output at $10 per million.
      expect(text).toMatch(/ttrpg_hub_llm_cost_usd_total\{provider="openai",model="gpt-test"\} 0\.003/);
    } finally {
      await hub.close();
      await standIn.close();
    }
  });
});
