import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

describe('HTTP API', () => {
  it('answers /health with the version and whether storage is reachable', async () => {
    const res = await fetch(`${hub.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), store: { kind: 'memory', reachable: true } });
  });

  it('maps hub errors to HTTP statuses with the error as JSON', async () => {
    expect((await hub.api('roll_dice', { expression: '' })).status).toBe(400);
    expect((await hub.api('roll_dice', { expression: '1000x d6' })).body.error.code).toBe('LIMIT');
    expect((await hub.api('get_campaign', { campaignId: 'nope' })).status).toBe(404);
    expect((await hub.api('no_such_tool', {})).body.error.message).toMatch(/There is no tool "no_such_tool": expected one of roll_dice, /);
    expect((await hub.api('roll_dice', { expression: 'd20' }, 'wrong-token-wrong-token-wrong')).status).toBe(401);
  });

  it('rejects malformed JSON and unknown endpoints cleanly', async () => {
    const res = await fetch(`${hub.url}/api/tools/roll_dice`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OWNER_TOKEN}`, 'content-type': 'application/json' },
      body: '{"input": {',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toMatch(/not valid JSON/);
    expect((await fetch(`${hub.url}/nowhere`)).status).toBe(404);
  });

  it('lists tools with their JSON input schemas for an authenticated caller only', async () => {
    expect((await fetch(`${hub.url}/api/tools`)).status).toBe(401);
    const res = await fetch(`${hub.url}/api/tools`, { headers: { authorization: `Bearer ${OWNER_TOKEN}` } });
    const { tools } = (await res.json()) as any;
    const roll = tools.find((t: { name: string }) => t.name === 'roll_dice');
    expect(roll.input.required).toContain('expression');
    expect(roll.access).toBe('player');
  });

  it('refuses a Host header other than localhost on a loopback bind (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${hub.url}/health`, { headers: { host: 'attacker.example' } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});
