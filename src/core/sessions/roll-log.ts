import type { Store } from '../ports/store.js';
import type { LoggedRoll } from './session-schemas.js';

export const ROLL_PAGE_SIZE = 50;
const pageKey = (sessionId: string, page: number) => `session:${sessionId}:rolls:${page}`;

/**
 * A session's dice log, kept in pages of 50 beside the session rather than inside it: a busy table
 * rolls thousands of times, and rewriting the whole log on every roll made each roll slower than the
 * last. The session holds the count: a writer first raises it (which reserves positions for it alone)
 * and then fills its positions in with `Store.update`, so writers in several processes never
 * overwrite each other. A position reserved by a writer that crashed stays an empty hole, skipped.
 */
export class RollLog {
  constructor(private readonly store: Store) {}

  /** Writes `entries` at positions `start`, `start + 1`, ... (reserved by the caller). */
  async write(sessionId: string, start: number, entries: LoggedRoll[]): Promise<void> {
    let position = start;
    let rest = entries;
    while (rest.length > 0) {
      const page = Math.floor(position / ROLL_PAGE_SIZE);
      const offset = position % ROLL_PAGE_SIZE;
      const take = rest.slice(0, ROLL_PAGE_SIZE - offset);
      await this.store.update<(LoggedRoll | null)[]>(pageKey(sessionId, page), (existing) => {
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
  async recent(sessionId: string, count: number, limit: number): Promise<LoggedRoll[]> {
    if (count === 0 || limit === 0) return [];
    const last = Math.floor((count - 1) / ROLL_PAGE_SIZE);
    const first = Math.max(0, Math.floor(Math.max(0, count - limit) / ROLL_PAGE_SIZE));
    const pages = await Promise.all(Array.from({ length: last - first + 1 }, (_, i) => this.store.get<(LoggedRoll | null)[]>(pageKey(sessionId, first + i))));
    // Pad every page to its full size, so a position keeps its place even when a page has holes.
    const entries = pages.flatMap((p) => Array.from({ length: ROLL_PAGE_SIZE }, (_, i) => p?.[i] ?? null)).slice(0, count - first * ROLL_PAGE_SIZE);
    return entries.slice(-limit).filter(readable);
  }

  keys(sessionId: string, count: number): string[] {
    return Array.from({ length: Math.ceil(count / ROLL_PAGE_SIZE) }, (_, i) => pageKey(sessionId, i));
  }
}

/**
 * Whether a stored entry can be shown. Versions before issue 14 stored rolls whose total was not a
 * finite number (JSON keeps them as null); such an entry is skipped rather than failing every read.
 */
function readable(e: LoggedRoll | null): e is LoggedRoll {
  if (!e || typeof e.roll !== 'object' || e.roll === null) return false;
  const { total, min, max, terms } = e.roll;
  return (
    Number.isFinite(total) &&
    (min === null || Number.isFinite(min)) &&
    (max === null || Number.isFinite(max)) &&
    Array.isArray(terms) &&
    terms.every((t) => Number.isFinite(t.subtotal))
  );
}
