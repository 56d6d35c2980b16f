/**
 * Key-value persistence. Each acknowledged change in the hub is a single `set` of one aggregate
 * (a campaign, a session), so a store needs no multi-key transactions: see docs in STYLE.md.
 */
export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  /** Resolves only once the value is durable in the backing store. */
  set<T>(key: string, value: T): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Throws when the backing store cannot be reached; used by /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** A short label for logs and /health, e.g. "sqlite". Never contains credentials. */
  readonly kind: string;
}
