import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger, type Logger, type Store } from '../../src/core/index.js';
import { openStore } from '../../src/stores/open-store.js';
import { OWNER_TOKEN, startTestHub } from '../helpers/test-hub.js';

const dataDir = mkdtempSync(join(tmpdir(), 'hub-shutdown-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const url = `sqlite://${join(dataDir, 'hub.sqlite')}`;
const config = { dataDir, storage: { url } };

/** The real SQLite store, with writes as slow as a busy disk or a distant Postgres: a shutdown lands mid-write. */
function slowWrites(inner: Store, onWrite: () => void): Store {
  const slow = <T>(fn: () => Promise<T>) => {
    onWrite();
    return new Promise<T>((resolve, reject) => setTimeout(() => fn().then(resolve, reject), 300));
  };
  return { ...inner, kind: inner.kind, get: (k) => inner.get(k), entries: () => inner.entries(), ping: () => inner.ping(), close: () => inner.close(), delete: (k) => inner.delete(k), set: (k, v) => slow(() => inner.set(k, v)), update: (k, c) => slow(() => inner.update(k, c)) };
}

describe('stopping the hub', () => {
  it('lets tool calls already running finish their writes instead of failing them halfway', async () => {
    const setup = await startTestHub(config);
    const campaignId = (await setup.api('create_campaign', { name: 'Last orders', system: 'D&D 5e' })).body.value.campaign.id;
    const sessionId = (await setup.api('start_session', { campaignId })).body.value.session.id;
    await setup.close();

    const errors: string[] = [];
    const logger = { ...silentLogger, error: (obj: unknown, msg?: string) => void errors.push(String(msg ?? obj)), child: () => logger } as Logger;
    let writing!: () => void;
    const firstWrite = new Promise<void>((resolve) => (writing = resolve));
    const hub = await startTestHub(config, { logger, store: slowWrites(await openStore(url), () => writing()) });
    const socket = connect(hub.url, { auth: { token: OWNER_TOKEN }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const replies = Array.from({ length: 5 }, (_, i) =>
      (socket.timeout(10_000).emitWithAck('tool', { name: 'add_session_note', input: { sessionId, note: `note ${i}` } }) as Promise<any>).catch(() => null),
    );
    // The hub is in the middle of writing a note when it is told to stop.
    await firstWrite;
    await hub.close();
    await Promise.all(replies);
    socket.disconnect();
    expect(errors).toEqual([]);

    const again = await startTestHub(config);
    try {
      const notes: string[] = (await again.api('get_session', { sessionId })).body.value.session.notes.map((n: { text: string }) => n.text);
      expect(notes).toContain('note 0');
    } finally {
      await again.close();
    }
  }, 60_000);
});
