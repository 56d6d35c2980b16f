import Keyv from 'keyv';
import { KeyedMutex, type Store, type UpdateOptions } from '../core/index.js';
import type { CompareAndSet } from './compare-and-set.js';

/** How often an update re-reads and re-applies its change after losing a race to another process. */
const MAX_ATTEMPTS = 200;
/** Keys per statement when reading or deleting many. */
const SLICE = 500;
/** Text of rows last written, remembered to compare against without reading them first: at most this many characters. */
const REMEMBERED_CHARS = 4 * 2 ** 20;

/**
 * The `Store` port over keyv. The adapter decides where data lives: SQLite (default), Redis or Postgres.
 * keyv resolves `set` only after the backend has acknowledged the write.
 *
 * `update` is optimistic: it reads the raw row, applies the change, and writes the result with the
 * backend's compare-and-set against the raw value it read; when another process wrote in between it
 * starts again. Inside one process updates of a key also queue on a mutex, so they never race each
 * other and only other processes cause retries. Without a compare-and-set (the memory store, which no
 * other process can see) the mutex alone is enough.
 *
 * The text an update last wrote to a row is remembered and used as the expected value of the next
 * update of that row, so a busy row (a session taking a hundred rolls) is not read back before each
 * write: one trip to the backend instead of two. When another process (or a blind write) changed the
 * row meanwhile, the compare-and-set fails and the update reads the row and starts again, as for any
 * race, so nothing remembered can be written over a newer value.
 */
export class KeyvStore implements Store {
  readonly #mutex = new KeyedMutex();
  readonly #written = new Map<string, string>();
  #writtenChars = 0;
  /**
   * Reads waiting for the end of this turn of the event loop, by key. The reads of one turn go out as
   * one query, each key read once: a hundred players rolling at once read the same campaign a hundred
   * times. SQLite answers each query from a worker thread on its own (about 60 µs of main thread a
   * Discord command paid for it), Postgres queues each on its small pool (a read of 52 µs of main
   * thread becomes 6), Redis takes one MGET, and the memory store parses a key once.
   */
  #reads = new Map<string, { resolve(value: unknown): void; reject(error: unknown): void }[]>();

  constructor(
    private readonly keyv: Keyv,
    readonly kind: string,
    private readonly compareAndSet?: CompareAndSet,
  ) {
    // keyv emits 'error' on connection problems; without a listener Node would crash the process.
    keyv.on('error', () => {});
  }

  async get<T>(key: string): Promise<T | undefined> {
    return new Promise<T | undefined>((resolve, reject) => {
      if (this.#reads.size === 0) setImmediate(() => void this.#readGathered());
      const waiting = this.#reads.get(key) ?? [];
      waiting.push({ resolve: resolve as (value: unknown) => void, reject });
      this.#reads.set(key, waiting);
    });
  }

  async #readGathered(): Promise<void> {
    const reads = this.#reads;
    this.#reads = new Map();
    const keys = [...reads.keys()];
    try {
      const values = keys.length === 1 ? [await this.keyv.get(keys[0]!)] : await this.getMany(keys);
      keys.forEach((key, i) =>
        // Each caller gets its own copy: one may change what it read without the other seeing it.
        reads.get(key)!.forEach((read, n) => read.resolve(n === 0 || values[i] === undefined ? values[i] : structuredClone(values[i]))),
      );
    } catch (error) {
      for (const waiting of reads.values()) for (const read of waiting) read.reject(error);
    }
  }

  async set<T>(key: string, value: T): Promise<void> {
    this.#forget(this.keyv._getKeyPrefix(key));
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
    for (const [key] of entries) this.#forget(this.keyv._getKeyPrefix(key));
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
        const remembered = attempt === 1 ? this.#written.get(rawKey) : undefined;
        this.#forget(rawKey);
        const raw = remembered ?? (await adapter.get(rawKey)) ?? undefined;
        if (raw !== undefined && typeof raw !== 'string') throw new Error(`The ${this.kind} store returned a non-text row for ${key}`);
        const current = raw === undefined ? undefined : ((await this.keyv.deserializeData<T>(raw))?.value as T | undefined);
        // A remembered row counts only once the backend confirms it by taking the swap: a change that
        // writes nothing or refuses (a version check) looks again at the row as it is now.
        let next: T | undefined;
        try {
          next = await change(current);
        } catch (error) {
          if (remembered !== undefined) continue;
          throw error;
        }
        if (next === undefined) {
          if (remembered !== undefined) continue;
          return current;
        }
        const serialised = await this.#serialise(next);
        const alongside = await this.#raw(alongsideOf(next));
        if (await this.compareAndSet(rawKey, raw, serialised, alongside)) {
          for (const [written] of alongside) this.#forget(written);
          this.#remember(rawKey, serialised);
          return next;
        }
        // Lost to another writer, or remembered a row that has changed since: read it afresh, at once.
        if (remembered !== undefined) continue;
        if (attempt >= MAX_ATTEMPTS) throw new Error(`Gave up updating ${key} after ${attempt} attempts: other processes kept changing it`);
        // Jittered backoff, so two processes that collided do not collide again in lockstep.
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** Math.min(attempt, 6))));
      }
    });
  }

  #remember(rawKey: string, serialised: string): void {
    this.#forget(rawKey);
    this.#written.set(rawKey, serialised);
    this.#writtenChars += serialised.length;
    // Oldest first, until the remembered text fits its budget again.
    for (const [oldest] of this.#written) {
      if (this.#writtenChars <= REMEMBERED_CHARS) break;
      this.#forget(oldest);
    }
  }

  #forget(rawKey: string): void {
    const text = this.#written.get(rawKey);
    if (text === undefined) return;
    this.#writtenChars -= text.length;
    this.#written.delete(rawKey);
  }

  async #serialise(value: unknown): Promise<string> {
    const serialised = await this.keyv.serializeData({ value, expires: undefined });
    if (typeof serialised !== 'string') throw new Error('keyv serialised a value to a non-string');
    return serialised;
  }

  /** Entries as the backend stores them: keyv's prefixed key and serialised value. */
  async #raw(entries: readonly (readonly [string, unknown])[]): Promise<[string, string][]> {
    return Promise.all(
      entries.map(async ([key, value]): Promise<[string, string]> => [this.keyv._getKeyPrefix(key), await this.#serialise(value)]),
    );
  }

  async delete(key: string): Promise<boolean> {
    this.#forget(this.keyv._getKeyPrefix(key));
    return this.keyv.delete(key);
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.#forget(this.keyv._getKeyPrefix(key));
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
