import type { Database, Statement } from 'sqlite3';

/** At most this many distinct statements are kept prepared; the adapter and the hub use about ten. */
const MAX_PREPARED = 64;

/** The connection methods of @keyv/sqlite's adapter. */
export interface SqliteConnection {
  query(sql: string, ...params: unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

/**
 * Moves a @keyv/sqlite adapter onto a connection with prepared statements. The adapter has no option
 * for its connection (it overwrites `connect`), so once it has created its table its own connection
 * is closed and its `query` and `close` are pointed at the new one.
 */
export async function usePreparedStatements(adapter: SqliteConnection, path: string, busyTimeoutMs: number): Promise<void> {
  await adapter.query('SELECT 1');
  const connection = await preparedStatementConnection(path, busyTimeoutMs);
  await adapter.close();
  adapter.query = connection.query;
  adapter.close = connection.close;
}

/**
 * The connection @keyv/sqlite opens, with each statement prepared once. The adapter's own connection
 * runs every query through `Database#all`, which compiles the SQL again each time on the main thread
 * (about 80 µs of each Discord /roll, more than the rest of its store work). The statements are few
 * and fixed (the adapter's get, set, delete..., the hub's compare-and-set and batch write), so each is
 * prepared on first use and reused; node-sqlite3 runs the calls of one statement one after another.
 */
export async function preparedStatementConnection(path: string, busyTimeoutMs: number): Promise<SqliteConnection> {
  const { default: sqlite3 } = await import('sqlite3');
  const db = await new Promise<Database>((resolve, reject) => {
    const opened: Database = new sqlite3.Database(path, (error) => (error ? reject(error) : resolve(opened)));
  });
  db.configure('busyTimeout', busyTimeoutMs);
  const prepared = new Map<string, Promise<Statement>>();
  const prepare = (sql: string) =>
    new Promise<Statement>((resolve, reject) => {
      const statement: Statement = db.prepare(sql, (error) => (error ? reject(error) : resolve(statement)));
    });
  return {
    query: async (sql, ...params) => {
      let statement = prepared.get(sql);
      const kept = statement !== undefined || prepared.size < MAX_PREPARED;
      if (!statement) {
        statement = prepare(sql);
        // A statement that does not compile is not kept: the next call tries again.
        if (kept) {
          const forgotten = statement.catch((error: unknown) => {
            prepared.delete(sql);
            throw error;
          });
          // Its callers see the error through their own await; this only keeps it from being unhandled.
          forgotten.catch(() => {});
          prepared.set(sql, forgotten);
        }
      }
      const ready = await statement;
      try {
        return await new Promise<unknown[]>((resolve, reject) => ready.all(...params, (error: Error | null, rows: unknown[]) => (error ? reject(error) : resolve(rows))));
      } finally {
        if (!kept) ready.finalize(() => {});
      }
    },
    close: async () => {
      const statements = await Promise.allSettled(prepared.values());
      await Promise.all(statements.map((s) => (s.status === 'fulfilled' ? new Promise<void>((r) => s.value.finalize(() => r())) : undefined)));
      prepared.clear();
      await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
