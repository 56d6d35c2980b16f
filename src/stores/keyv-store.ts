import Keyv from 'keyv';
import { KeyedMutex, type Store } from '../core/index.js';

/**
 * The `Store` port over keyv. The adapter decides where data lives: SQLite (default), Redis or Postgres.
 * keyv resolves `set` only after the backend has acknowledged the write.
 */
export class KeyvStore implements Store {
  constructor(
    private readonly keyv: Keyv,
    readonly kind: string,
  ) {
    // keyv emits 'error' on connection problems; without a listener Node would crash the process.
    keyv.on('error', () => {});
  }

  async get<T>(key: string): Promise<T | undefined> {
    return (await this.keyv.get(key)) as T | undefined;
  }

  async set<T>(key: string, value: T): Promise<void> {
    const stored = await this.keyv.set(key, value);
    if (stored === false) throw new Error(`The ${this.kind} store did not accept the write of ${key}`);
  }

  // Serialises updates per key within this process. Cross-process atomicity is the backend's job (issue 14).
  readonly #mutex = new KeyedMutex();

  async update<T>(key: string, change: (current: T | undefined) => T | undefined | Promise<T | undefined>): Promise<T | undefined> {
    return this.#mutex.run(key, async () => {
      const current = await this.get<T>(key);
      const next = await change(current);
      if (next === undefined) return current;
      await this.set(key, next);
      return next;
    });
  }

  async delete(key: string): Promise<boolean> {
    return this.keyv.delete(key);
  }

  async *entries(): AsyncIterable<[string, unknown]> {
    if (!this.keyv.iterator) throw new Error(`The ${this.kind} store cannot list its keys`);
    for await (const [key, value] of this.keyv.iterator(undefined)) {
      if (typeof key === 'string' && value !== undefined) yield [key, value];
    }
  }

  async ping(): Promise<void> {
    await this.keyv.get('health:ping');
  }

  async close(): Promise<void> {
    await this.keyv.disconnect();
  }
}
