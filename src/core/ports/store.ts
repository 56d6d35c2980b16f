/**
 * Key-value persistence. Each acknowledged change in the hub is a single write of one aggregate
 * (a campaign, a session), so a store needs no general multi-key transactions: see docs in STYLE.md.
 * The one exception is an update's `alongside` entries, written in the same atomic step.
 */
export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  /** Resolves only once the value is durable in the backing store. Blind write: prefer `update` for read-modify-write. */
  set<T>(key: string, value: T): Promise<void>;
  /** Values of several keys in one round trip where the backend allows, in order; undefined where absent. */
  getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]>;
  /**
   * Blind writes of several keys, acknowledged together: one statement (SQLite, Postgres) or one
   * MULTI (Redis), so a batch costs one commit rather than one per key. Not atomic on every backend:
   * use it for keys nobody else writes (log entries at positions the caller has reserved).
   */
  setMany(entries: readonly (readonly [key: string, value: unknown])[]): Promise<void>;
  /**
   * Atomic read-modify-write of one key, for every process that shares the store: `change` receives
   * the current value and returns the new one, or `undefined` to write nothing. It may run more than
   * once (when another writer got in first), so it must be free of side effects; an error it throws
   * rejects the update and writes nothing. Resolves with the value now stored.
   */
  update<T>(key: string, change: (current: T | undefined) => T | undefined | Promise<T | undefined>, options?: UpdateOptions<T>): Promise<T | undefined>;
  delete(key: string): Promise<boolean>;
  /** Deletes several keys in a few statements rather than one commit each (a session's log, a campaign's history). */
  deleteMany(keys: readonly string[]): Promise<void>;
  /** Every key and value of this hub's namespace, for backups; not a consistent snapshot across keys. */
  entries(): AsyncIterable<[string, unknown]>;
  /** Throws when the backing store cannot be reached; used by /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** A short label for logs and /health, e.g. "sqlite". Never contains credentials. */
  readonly kind: string;
}

/** What else an update writes. */
export interface UpdateOptions<T> {
  /**
   * Blind writes of other keys that depend on the new value (log entries at the positions it reserves),
   * committed in the same atomic step as the update and only if it is written: one commit, not two,
   * and never the entries without the update. Must not name the updated key.
   */
  alongside?(next: T): readonly (readonly [key: string, value: unknown])[];
}
