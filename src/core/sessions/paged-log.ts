import type { Store } from '../ports/store.js';

/** Pages of sessions from before issue 14 hold 50 entries; new sessions use SMALL_PAGE (see session-schemas). */
export const PAGE_SIZE = 50;
/** Entries per page for notes (and rolls of sessions from before one roll per key): one change rewrites at most this many. */
export const SMALL_PAGE = 10;
/**
 * Rolls of new sessions: one entry per key. Its position is reserved for one writer alone, so the
 * entry is written once, blind, and never read back to write: a roll costs no parse and no rewrite
 * of its neighbours (half of a Discord /roll's store work was re-reading and rewriting its page).
 */
export const ONE_PER_KEY = 1;

/**
 * An append-only log kept in pages beside its session rather than inside it, so one change
 * writes a bounded amount however long the log grows. The session holds the count: a writer first
 * raises it (which reserves positions for it alone, across processes too) and then fills its
 * positions in with `Store.update`, so writers never overwrite each other. A position reserved by a
 * writer that crashed stays an empty hole, skipped on read. With one entry per key (ONE_PER_KEY) a
 * position is a key of its own and the writer fills it with a blind write.
 */
export class PagedLog<T> {
  constructor(
    private readonly store: Store,
    /** e.g. "rolls": pages live at session:<id>:rolls:<n> */
    private readonly name: string,
    /** Whether a stored entry can be shown (entries from older versions may not). */
    private readonly readable: (entry: T | null) => entry is T = (e): e is T => e !== null,
  ) {}

  key(sessionId: string, page: number): string {
    return `session:${sessionId}:${this.name}:${page}`;
  }

  /**
   * The keys and values of `entries` at positions `start`, `start + 1`, ... of a log with one entry
   * per key: for a caller that writes them itself, alongside the update that reserves the positions.
   */
  rows(sessionId: string, start: number, entries: T[]): (readonly [string, T[]])[] {
    return entries.map((entry, i) => [this.key(sessionId, start + i), [entry]] as const);
  }

  /** Writes `entries` at positions `start`, `start + 1`, ... (reserved by the caller). */
  async write(sessionId: string, start: number, entries: T[], pageSize = PAGE_SIZE): Promise<void> {
    if (pageSize === ONE_PER_KEY) {
      await this.store.setMany(this.rows(sessionId, start, entries));
      return;
    }
    let position = start;
    let rest = entries;
    while (rest.length > 0) {
      const offset = position % pageSize;
      const take = rest.slice(0, pageSize - offset);
      await this.store.update<(T | null)[]>(this.key(sessionId, Math.floor(position / pageSize)), (existing) => {
        const next = [...(existing ?? [])];
        while (next.length < offset) next.push(null);
        next.splice(offset, take.length, ...take);
        return next;
      });
      position += take.length;
      rest = rest.slice(take.length);
    }
  }

  /** The newest `limit` entries of a log holding `count`, oldest first. */
  async recent(sessionId: string, count: number, limit: number, pageSize = PAGE_SIZE): Promise<T[]> {
    if (count === 0 || limit === 0) return [];
    const last = Math.floor((count - 1) / pageSize);
    const first = Math.max(0, Math.floor(Math.max(0, count - limit) / pageSize));
    const pages = await this.store.getMany<(T | null)[]>(Array.from({ length: last - first + 1 }, (_, i) => this.key(sessionId, first + i)));
    // Pad every page to its full size, so a position keeps its place even when a page has holes.
    const entries: (T | null)[] = pages.flatMap((p) => Array.from({ length: pageSize }, (_, i): T | null => p?.[i] ?? null)).slice(0, count - first * pageSize);
    return entries.slice(-limit).filter(this.readable);
  }

  keys(sessionId: string, count: number, pageSize = PAGE_SIZE): string[] {
    return Array.from({ length: Math.ceil(count / pageSize) }, (_, i) => this.key(sessionId, i));
  }
}
