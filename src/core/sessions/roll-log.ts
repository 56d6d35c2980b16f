import type { Store } from '../ports/store.js';
import type { LoggedRoll } from './session-schemas.js';

export const ROLL_PAGE_SIZE = 50;
const pageKey = (sessionId: string, page: number) => `session:${sessionId}:rolls:${page}`;

/**
 * A session's dice log, kept in pages of 50 beside the session rather than inside it: a busy table
 * rolls thousands of times, and rewriting the whole log on every roll made each roll slower than the
 * last. The session holds the count; entries past it (from a write interrupted before the session
 * was updated) are ignored and overwritten.
 */
export class RollLog {
  constructor(private readonly store: Store) {}

  /** Writes entries after the first `count`; the caller then stores count + entries.length. */
  async append(sessionId: string, count: number, entries: LoggedRoll[]): Promise<void> {
    let position = count;
    let rest = entries;
    while (rest.length > 0) {
      const page = Math.floor(position / ROLL_PAGE_SIZE);
      const offset = position % ROLL_PAGE_SIZE;
      const existing = offset === 0 ? [] : ((await this.store.get<LoggedRoll[]>(pageKey(sessionId, page))) ?? []).slice(0, offset);
      const take = rest.slice(0, ROLL_PAGE_SIZE - offset);
      await this.store.set(pageKey(sessionId, page), [...existing, ...take]);
      position += take.length;
      rest = rest.slice(take.length);
    }
  }

  /** The newest `limit` entries of a log holding `count`, oldest first. */
  async recent(sessionId: string, count: number, limit: number): Promise<LoggedRoll[]> {
    if (count === 0 || limit === 0) return [];
    const last = Math.floor((count - 1) / ROLL_PAGE_SIZE);
    const first = Math.max(0, Math.floor(Math.max(0, count - limit) / ROLL_PAGE_SIZE));
    const pages = await Promise.all(Array.from({ length: last - first + 1 }, (_, i) => this.store.get<LoggedRoll[]>(pageKey(sessionId, first + i))));
    const entries = pages.flatMap((p) => p ?? []).slice(0, count - first * ROLL_PAGE_SIZE);
    return entries.slice(-limit);
  }

  keys(sessionId: string, count: number): string[] {
    return Array.from({ length: Math.ceil(count / ROLL_PAGE_SIZE) }, (_, i) => pageKey(sessionId, i));
  }
}
