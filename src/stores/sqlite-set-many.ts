import type { Query } from './compare-and-set.js';

/**
 * SQLite's missing `setMany` for keyv: every row in one `INSERT ... SELECT FROM json_each(?)` upsert,
 * so a batch is one statement and one commit (without it keyv writes each key on its own, one fsync
 * each). One statement, not `BEGIN ... COMMIT`, because the adapter shares its connection between
 * concurrent queries (see sqliteCompareAndSet); one JSON parameter, so no batch meets SQLite's limit
 * on bound variables.
 */
export function sqliteSetMany(query: Query, table: string) {
  return async (entries: { key: string; value: unknown }[]): Promise<void> => {
    if (entries.length === 0) return;
    const rows = JSON.stringify(entries.map(({ key, value }) => [key, value]));
    // "WHERE true" tells SQLite's parser the ON CONFLICT belongs to the INSERT, not to a join.
    await query(
      `INSERT INTO ${table} (key, value) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?) WHERE true ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      rows,
    );
  };
}
