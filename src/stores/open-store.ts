import { dirname, resolve } from 'node:path';
import Keyv from 'keyv';
import type { Store } from '../core/index.js';
import { postgresCompareAndSet, redisCompareAndSet, sqliteCompareAndSet } from './compare-and-set.js';
import { KeyvStore } from './keyv-store.js';
import { usePreparedStatements } from './sqlite-connection.js';
import { sqliteSetMany } from './sqlite-set-many.js';
import { ensurePrivateDir, makePrivate } from './private-files.js';
import { fastDeserialize, fastSerialize } from './keyv-serialization.js';

/**
 * Opens the store named by a URL:
 * `sqlite://data/hub.sqlite` (relative paths resolve from the working directory), `redis://host:6379`,
 * `postgres://user@host/db`, or `memory://` (nothing persisted; for tests).
 */
export async function openStore(url: string, namespace = 'ttrpg-hub'): Promise<Store> {
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  // Errors must surface as exceptions: a write keyv swallowed would look acknowledged and then be lost.
  const options = { namespace, throwOnErrors: true, serialize: fastSerialize, deserialize: fastDeserialize };
  switch (scheme) {
    case 'memory':
      return new KeyvStore(new Keyv(options), 'memory');
    case 'sqlite': {
      const path = resolve(url.replace(/^sqlite:\/\//i, ''));
      await ensurePrivateDir(dirname(path));
      const { default: KeyvSqlite } = await import('@keyv/sqlite');
      const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, busyTimeout: 5000 });
      await usePreparedStatements(adapter, path, 5000);
      // WAL: one fsync per commit instead of several, and readers in other processes (the stdio MCP
      // server, a second hub) never wait for a writer. synchronous stays FULL: an acknowledged
      // write survives a power cut, not only a crash.
      await adapter.query('PRAGMA journal_mode=WAL');
      Object.assign(adapter, { setMany: sqliteSetMany(adapter.query as never, adapter.opts.table ?? 'keyv') });
      const store = await checked(new KeyvStore(new Keyv({ ...options, store: adapter }), 'sqlite', sqliteCompareAndSet(adapter.query as never, adapter.opts.table ?? 'keyv')));
      // The file exists once the first query ran; its journal files are created with the same mode.
      await Promise.all([path, `${path}-wal`, `${path}-shm`, `${path}-journal`].map(makePrivate));
      return store;
    }
    case 'redis':
    case 'rediss': {
      const { default: KeyvRedis } = await import('@keyv/redis');
      const adapter = new KeyvRedis(url, { throwOnConnectError: true, throwOnErrors: true, connectionTimeout: 5000 });
      const keyv = new Keyv({ ...options, store: adapter });
      // The adapter prefixes keys once more with its own namespace; the script must see the real key.
      const cas = redisCompareAndSet(async () => adapter.getClient() as never);
      const raw = (key: string) => adapter.createKeyPrefix(key, adapter.namespace);
      return checked(
        new KeyvStore(keyv, 'redis', (key, expected, next, alongside = []) =>
          cas(raw(key), expected, next, alongside.map(([k, v]) => [raw(k), v] as const)),
        ),
      );
    }
    case 'postgres':
    case 'postgresql': {
      const { default: KeyvPostgres } = await import('@keyv/postgres');
      const adapter = new KeyvPostgres({ uri: url });
      const table = `${adapter.opts.schema ?? 'public'}.${adapter.opts.table ?? 'keyv'}`;
      return checked(new KeyvStore(new Keyv({ ...options, store: adapter }), 'postgres', postgresCompareAndSet(adapter.query as never, table)));
    }
    default:
      throw new Error(`Unsupported store URL scheme "${scheme}:": expected sqlite://, redis://, postgres:// or memory://`);
  }
}

/** Fails at start, with the reason, rather than on the first request. */
async function checked(store: KeyvStore): Promise<Store> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer within 5 seconds')), 5000);
    });
    await Promise.race([store.ping(), timeout]);
    return store;
  } catch (error) {
    await store.close().catch(() => {});
    throw new Error(`Cannot reach the ${store.kind} store: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
