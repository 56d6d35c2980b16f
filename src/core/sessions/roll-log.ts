import type { Store } from '../ports/store.js';
import { PagedLog, PAGE_SIZE } from './paged-log.js';
import type { LoggedRoll } from './session-schemas.js';

export const ROLL_PAGE_SIZE = PAGE_SIZE;

/** A session's dice log (see PagedLog): a busy table rolls thousands of times. */
export const rollLog = (store: Store) => new PagedLog<LoggedRoll>(store, 'rolls', readable);

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
