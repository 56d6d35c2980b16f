import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubConfigSchema } from '../../src/config/config-schema.js';
import { createHub, type Hub, type HubParts } from '../../src/server.js';

export const OWNER_TOKEN = 'test-owner-token-0123456789abcdef';

export interface TestHub extends Hub {
  dataDir: string;
  /** Calls a tool over the HTTP API as the given bearer token (the owner by default). */
  api(tool: string, input: Record<string, unknown>, token?: string): Promise<{ status: number; body: any }>;
}

/** A real hub on a free port with an in-memory store unless told otherwise; close() removes its data folder. */
export async function startTestHub(config: Record<string, any> = {}, parts: HubParts = {}): Promise<TestHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-test-'));
  const parsed = HubConfigSchema.parse({
    dataDir,
    storage: { url: 'memory://' },
    auth: { ownerToken: OWNER_TOKEN },
    log: { level: 'silent' },
    ...config,
    server: { port: 0, ...(config.server as object | undefined) },
  });
  const hub = await createHub(parsed, parts);
  const closeHub = hub.close;
  return Object.assign(hub, {
    dataDir,
    async api(tool: string, input: Record<string, unknown>, token = OWNER_TOKEN) {
      const res = await fetch(`${hub.url}/api/tools/${tool}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ input }),
      });
      return { status: res.status, body: await res.json() };
    },
    close: async () => {
      await closeHub();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
