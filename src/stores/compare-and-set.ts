/**
 * A backend's compare-and-set on one raw (serialised) row: replaces `expected` by `next` only if the
 * row still holds `expected` (`undefined`: the row must be absent). Executed by the backend itself, so
 * it holds across every process sharing the store. Returns whether the swap happened.
 */
export type CompareAndSet = (rawKey: string, expected: string | undefined, next: string) => Promise<boolean>;

/** The query function @keyv/sqlite and @keyv/postgres expose (rows as an array). */
export type Query = (sql: string, ...params: unknown[]) => Promise<unknown[]>;

/**
 * SQLite: one `UPDATE ... WHERE value = old RETURNING` statement. A single statement is atomic under
 * SQLite's database write lock, in every process that opens the file. It is used rather than a
 * `BEGIN IMMEDIATE` transaction because keyv's adapter shares one connection between concurrent
 * queries: a transaction opened on it would swallow unrelated statements issued meanwhile.
 */
export function sqliteCompareAndSet(query: Query, table: string): CompareAndSet {
  return async (key, expected, next) => {
    const rows =
      expected === undefined
        ? await query(`INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING RETURNING key`, key, next)
        : await query(`UPDATE ${table} SET value = ? WHERE key = ? AND value = ? RETURNING key`, next, key, expected);
    return rows.length === 1;
  };
}

/** Postgres: the same single statement; row-level locking makes it atomic across connections. */
export function postgresCompareAndSet(query: (sql: string, values: unknown[]) => Promise<unknown[]>, table: string): CompareAndSet {
  return async (key, expected, next) => {
    const rows =
      expected === undefined
        ? await query(`INSERT INTO ${table} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key`, [key, next])
        : await query(`UPDATE ${table} SET value = $1 WHERE key = $2 AND value = $3 RETURNING key`, [next, key, expected]);
    return rows.length === 1;
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
return 1`;

interface RedisEval {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

/** Redis: a Lua script (one round trip, atomic by Redis's single-threaded script execution). */
export function redisCompareAndSet(client: () => Promise<RedisEval>): CompareAndSet {
  return async (key, expected, next) => {
    const c = await client();
    const swapped = await c.eval(REDIS_CAS, { keys: [key], arguments: [expected === undefined ? '0' : '1', expected ?? '', next] });
    return Number(swapped) === 1;
  };
}
