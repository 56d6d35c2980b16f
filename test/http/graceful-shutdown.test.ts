import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger, type Logger } from '../../src/core/index.js';
import { OWNER_TOKEN, startTestHub } from '../helpers/test-hub.js';

const dataDir = mkdtempSync(join(tmpdir(), 'hub-shutdown-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const config = { dataDir, storage: { url: `sqlite://${join(dataDir, 'hub.sqlite')}` } };

describe('stopping the hub', () => {
  it('lets tool calls already running finish their writes instead of failing them halfway', async () => {
    const errors: string[] = [];
    const logger = { ...silentLogger, error: (obj: unknown, msg?: string) => void errors.push(String(msg ?? obj)), child: () => logger } as Logger;
    const hub = await startTestHub(config, { logger });
    const campaignId = (await hub.api('create_campaign', { name: 'Last orders', system: 'D&D 5e' })).body.value.campaign.id;
    const sessionId = (await hub.api('start_session', { campaignId })).body.value.session.id;
    const socket = connect(hub.url, { auth: { token: OWNER_TOKEN }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    // Socket calls are mid-flight when the hub closes its sockets; their writes must still finish.
    const replies = Array.from({ length: 40 }, (_, i) =>
      (socket.timeout(10_000).emitWithAck('tool', { name: 'add_session_note', input: { sessionId, note: `note ${i}` } }) as Promise<any>).catch(() => null),
    );
    await new Promise((r) => setTimeout(r, 5));
    // The test hub removes only its own temporary folder; this data folder is ours and stays.
    await hub.close();
    const answered = (await Promise.all(replies)).filter((r) => r !== null);
    expect(answered.filter((r) => !r.ok)).toEqual([]);
    expect(errors).toEqual([]);
    socket.disconnect();

    const again = await startTestHub(config);
    try {
      const notes: string[] = (await again.api('get_session', { sessionId })).body.value.session.notes.map((n: { text: string }) => n.text);
      for (const reply of answered) expect(notes).toContain(reply.value.note.text);
      expect(notes.length).toBeGreaterThan(0);
    } finally {
      await again.close();
    }
  }, 60_000);
});
