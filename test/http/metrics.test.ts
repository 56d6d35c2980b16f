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
