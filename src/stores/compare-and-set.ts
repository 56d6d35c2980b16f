/**
 * A backend's compare-and-set on one raw (serialised) row: replaces `expected` by `next` only if the
 * row still holds `expected` (`undefined`: the row must be absent). Executed by the backend itself, so
 * it holds across every process sharing the store. `alongside` rows (other keys, raw and serialised)
 * are written in the same atomic step, and only if the swap happens: one commit, not two. Returns
 * whether the swap happened.
 */
export type CompareAndSet = (rawKey: string, expected: string | undefined, next: string, alongside?: readonly RawRow[]) => Promise<boolean>;

/** A key and its value as the backend stores them (prefixed, serialised). */
export type RawRow = readonly [rawKey: string, serialised: string];

/** The query function @keyv/sqlite and @keyv/postgres expose (rows as an array). */
export type Query = (sql: string, ...params: unknown[]) => Promise<unknown[]>;

/**
 * SQLite: one `UPDATE ... WHERE value = old RETURNING` statement. A single statement is atomic under
 * SQLite's database write lock, in every process that opens the file. It is used rather than a
 * `BEGIN IMMEDIATE` transaction because keyv's adapter shares one connection between concurrent
 * queries: a transaction opened on it would swallow unrelated statements issued meanwhile.
 */
export function sqliteCompareAndSet(query: Query, table: string): CompareAndSet {
  return async (key, expected, next, alongside = []) => {
    if (alongside.length > 0) return sqliteSwapWithRows(query, table, key, expected, next, alongside);
    const rows =
      expected === undefined
        ? await query(`INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING RETURNING key`, key, next)
        : await query(`UPDATE ${table} SET value = ? WHERE key = ? AND value = ? RETURNING key`, next, key, expected);
    return rows.length === 1;
  };
}

/**
 * The swap and its `alongside` rows as one upsert of every row, guarded by a condition on the swapped
 * row's current value. SQLite computes the guard once, before it writes (the statement reads the table
 * it writes, so it gathers all its rows first), and the swapped row goes last all the same, so every
 * row of the statement sees the value the guard saw.
 */
async function sqliteSwapWithRows(query: Query, table: string, key: string, expected: string | undefined, next: string, alongside: readonly RawRow[]): Promise<boolean> {
  const rows = JSON.stringify([...alongside, [key, next]]);
  const guard = expected === undefined ? `NOT EXISTS (SELECT 1 FROM ${table} AS t WHERE t.key = ?)` : `EXISTS (SELECT 1 FROM ${table} AS t WHERE t.key = ? AND t.value = ?)`;
  const written = await query(
    `INSERT INTO ${table} (key, value) SELECT json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]') FROM json_each(?) AS j WHERE ${guard} ON CONFLICT(key) DO UPDATE SET value = excluded.value RETURNING key`,
    ...(expected === undefined ? [rows, key] : [rows, key, expected]),
  );
  return allOrNothing(written.length, alongside.length + 1);
}

/** A guarded statement writes every row or none; anything else is a bug in the statement. */
function allOrNothing(written: number, rows: number): boolean {
  if (written !== 0 && written !== rows) throw new Error(`A compare-and-set wrote ${written} of its ${rows} rows`);
  return written === rows;
}

/** Postgres: the same single statement; row-level locking makes it atomic across connections. */
export function postgresCompareAndSet(query: (sql: string, values: unknown[]) => Promise<unknown[]>, table: string): CompareAndSet {
  return async (key, expected, next, alongside = []) => {
    const swap =
      expected === undefined
        ? { sql: `INSERT INTO ${table} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`, values: [key, next] }
        : { sql: `UPDATE ${table} SET value = $1 WHERE key = $2 AND value = $3 RETURNING key`, values: [next, key, expected] };
    if (alongside.length === 0) return (await query(swap.sql, swap.values)).length === 1;
    // The swap as a data-modifying CTE: the rows are upserted only if it returned its row, and the
    // whole statement is one transaction.
    const n = swap.values.length;
    const written = await query(
      `WITH swapped AS (${swap.sql}) INSERT INTO ${table} (key, value) SELECT * FROM UNNEST($${n + 1}::text[], $${n + 2}::text[]) WHERE EXISTS (SELECT 1 FROM swapped) ON CONFLICT (key) DO UPDATE SET value = excluded.value RETURNING key`,
      [...swap.values, alongside.map(([k]) => k), alongside.map(([, v]) => v)],
    );
    return allOrNothing(written.length, alongside.length);
  };
}

/** Runs atomically inside Redis: no other command can come between the comparison and the write. */
const REDIS_CAS = `
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '0' then
  if current then return 0 end
elseif current ~= ARGV[2] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[3])
for i = 2, #KEYS do
  redis.call('SET', KEYS[i], ARGV[i + 2])
end
return 1`;

interface RedisEval {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Redis: a Lua script (one round trip, atomic by Redis's single-threaded script execution). */
export function redisCompareAndSet(client: () => Promise<RedisEval>): CompareAndSet {
  return async (key, expected, next, alongside = []) => {
    const c = await client();
    const swapped = await c.eval(REDIS_CAS, {
      keys: [key, ...alongside.map(([k]) => k)],
      arguments: [expected === undefined ? '0' : '1', expected ?? '', next, ...alongside.map(([, v]) => v)],
    });
    return Number(swapped) === 1;
  };
}
