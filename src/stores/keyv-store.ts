import Keyv from 'keyv';
import { KeyedMutex, type Store, type UpdateOptions } from '../core/index.js';
import type { CompareAndSet } from './compare-and-set.js';

/** How often an update re-reads and re-applies its change after losing a race to another process. */
const MAX_ATTEMPTS = 200;
/** Keys per statement when reading or deleting many. */
const SLICE = 500;

/**
 * The `Store` port over keyv. The adapter decides where data lives: SQLite (default), Redis or Postgres.
 * keyv resolves `set` only after the backend has acknowledged the write.
 *
 * `update` is optimistic: it reads the raw row, applies the change, and writes the result with the
 * backend's compare-and-set against the raw value it read; when another process wrote in between it
 * starts again. Inside one process updates of a key also queue on a mutex, so they never race each
 * other and only other processes cause retries. Without a compare-and-set (the memory store, which no
 * other process can see) the mutex alone is enough.
 */
export class KeyvStore implements Store {
  readonly #mutex = new KeyedMutex();

  constructor(
    private readonly keyv: Keyv,
    readonly kind: string,
    private readonly compareAndSet?: CompareAndSet,
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

  async getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]> {
    // In slices: @keyv/sqlite matches each returned row to its key by a linear search, so one call
    // for a whole dice log (thousands of keys, on export) would hold the event loop for seconds.
    const values: (T | undefined)[] = [];
    for (let i = 0; i < keys.length; i += SLICE) values.push(...((await this.keyv.getMany(keys.slice(i, i + SLICE))) as (T | undefined)[]));
    return values;
  }

  async setMany(entries: readonly (readonly [key: string, value: unknown])[]): Promise<void> {
    if (entries.length === 0) return;
    const stored = await this.keyv.setMany(entries.map(([key, value]) => ({ key, value })));
    if (Array.isArray(stored) && stored.includes(false)) throw new Error(`The ${this.kind} store did not accept the write of ${entries.length} keys`);
  }

  async update<T>(key: string, change: (current: T | undefined) => T | undefined | Promise<T | undefined>, options: UpdateOptions<T> = {}): Promise<T | undefined> {
    const alongsideOf = (next: T) => {
      const entries = options.alongside?.(next) ?? [];
      if (entries.some(([k]) => k === key)) throw new Error(`An update of ${key} cannot also write ${key} alongside`);
      return entries;
    };
    return this.#mutex.run(key, async () => {
      if (!this.compareAndSet) {
        // Only this process sees the store (memory): the mutex makes the two writes one step.
        const current = await this.get<T>(key);
        const next = await change(current);
        if (next === undefined) return current;
        const alongside = alongsideOf(next);
        await this.set(key, next);
        await this.setMany(alongside);
        return next;
      }
      const rawKey = this.keyv._getKeyPrefix(key);
      const adapter = this.keyv.store as { get(key: string): Promise<unknown> };
      for (let attempt = 1; ; attempt++) {
        const raw = (await adapter.get(rawKey)) ?? undefined;
        if (raw !== undefined && typeof raw !== 'string') throw new Error(`The ${this.kind} store returned a non-text row for ${key}`);
        const current = raw === undefined ? undefined : ((await this.keyv.deserializeData<T>(raw))?.value as T | undefined);
        const next = await change(current);
        if (next === undefined) return current;
        const serialised = await this.keyv.serializeData({ value: next, expires: undefined });
        if (typeof serialised !== 'string') throw new Error('keyv serialised a value to a non-string');
        if (await this.compareAndSet(rawKey, raw, serialised, await this.#raw(alongsideOf(next)))) return next;
        if (attempt >= MAX_ATTEMPTS) throw new Error(`Gave up updating ${key} after ${attempt} attempts: other processes kept changing it`);
        // Jittered backoff, so two processes that collided do not collide again in lockstep.
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** Math.min(attempt, 6))));
      }
    });
  }

  /** Entries as the backend stores them: keyv's prefixed key and serialised value. */
  async #raw(entries: readonly (readonly [string, unknown])[]): Promise<[string, string][]> {
    return Promise.all(
      entries.map(async ([key, value]): Promise<[string, string]> => {
        const serialised = await this.keyv.serializeData({ value, expires: undefined });
        if (typeof serialised !== 'string') throw new Error('keyv serialised a value to a non-string');
        return [this.keyv._getKeyPrefix(key), serialised];
      }),
    );
  }

  async delete(key: string): Promise<boolean> {
    return this.keyv.delete(key);
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    // In slices, so no single statement carries an unbounded list.
    for (let i = 0; i < keys.length; i += SLICE) await this.keyv.deleteMany(keys.slice(i, i + SLICE));
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
