import type { Store, UpdateOptions } from '../ports/store.js';
import { ok, type Fail, type Result } from '../result.js';

/**
 * `Store.update` for changes that may fail as values: `change` returns the new value or a failure
 * (nothing is written then). It may run more than once when another process wrote first, so it must
 * be free of side effects; only the outcome of its last run counts.
 */
export async function updateResult<T>(
  store: Store,
  key: string,
  change: (current: T | undefined) => Result<T> | Promise<Result<T>>,
  options?: UpdateOptions<T>,
): Promise<Result<T>> {
  let failure: Fail | undefined;
  const written = await store.update<T>(
    key,
    async (current) => {
      const next = await change(current);
      failure = next.ok ? undefined : next;
      return next.ok ? next.value : undefined;
    },
    options,
  );
  return failure ?? ok(written as T);
}
