import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';

const polling = (hub: TestHub, headers: Record<string, string>) => fetch(`${hub.url}/socket.io/?EIO=4&transport=polling`, { headers });

/** Connects over a websocket with the given headers; resolves with the error message, or null once connected. */
async function websocketOutcome(hub: TestHub, headers: Record<string, string>): Promise<string | null> {
  const socket = connect(hub.url, { auth: { token: OWNER_TOKEN }, transports: ['websocket'], reconnection: false, extraHeaders: headers });
  try {
    return await new Promise<string | null>((resolve) => {
      socket.once('connect', () => resolve(null));
      socket.once('connect_error', (error) => resolve(error.message || 'refused'));
    });
  } finally {
    socket.disconnect();
  }
}

describe('sockets check the browser origin and the Host header like /mcp does', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ server: { allowedOrigins: ['foundry.example.com'] } });
  });
  afterAll(() => hub.close());

  it('refuses a foreign origin, saying how to allow it, and accepts a listed one', async () => {
    const refused = await polling(hub, { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/does not accept pages from https:\/\/evil\.example: add "evil\.example" to ALLOWED_ORIGINS/);
    expect(await websocketOutcome(hub, { origin: 'https://evil.example' })).not.toBeNull();

    expect((await polling(hub, { origin: 'https://foundry.example.com' })).status).toBe(200);
    expect(await websocketOutcome(hub, { origin: 'https://foundry.example.com' })).toBeNull();
    expect(await websocketOutcome(hub, {})).toBeNull();
  });

  it('refuses a foreign Host on a loopback bind (DNS rebinding)', async () => {
    // fetch may not set Host, so this one goes through node:http.
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${hub.url}/socket.io/?EIO=4&transport=polling`, { headers: { host: 'attacker.example:3000' } }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
    expect(body).toMatch(/DNS rebinding/);
  });
});

describe('pages and files are private by default', () => {
  it('serves the overlay with a Content-Security-Policy that allows only its own scripts', async () => {
    const hub = await startTestHub();
    try {
      const res = await fetch(`${hub.url}/overlay/`);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/object-src 'none'/);
    } finally {
      await hub.close();
    }
  });

  it('narrows the data folder to 0700 and the database, owner token and key to 0600, also when they were looser', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hub-perms-'));
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'owner-token'), 'tth_owner_an-old-token-with-loose-mode-0644\n', { mode: 0o644 });
    chmodSync(join(dataDir, 'owner-token'), 0o644);
    const hub = await startTestHub({ dataDir, storage: { url: `sqlite://${join(dataDir, 'hub.sqlite')}` }, auth: {} });
    try {
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      for (const file of ['hub.sqlite', 'owner-token', 'secret-key']) expect(statSync(join(dataDir, file)).mode & 0o777, file).toBe(0o600);
    } finally {
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
