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
 * The connection @keyv/sqlite opens, with each statement prepared once and kept. The adapter's own
 * connection runs every query through `Database#all`, which compiles the SQL again each time on the
 * main thread (about 80 µs of each Discord /roll, more than the rest of its store work). The
 * statements are few and fixed (the adapter's get, set, delete..., the hub's compare-and-set and
 * batch write), so each is prepared on first use and reused.
 *
 * A prepared statement runs one call at a time, each its own trip to a worker thread and back; a
 * hundred players rolling at once queued behind one statement cost 20 µs of main thread a read. So
 * each SQL text has a small pool: calls that arrive together take a statement each, go to the
 * workers together and come back together (4 µs a read).
 */
export async function preparedStatementConnection(path: string, busyTimeoutMs: number): Promise<SqliteConnection> {
  const { default: sqlite3 } = await import('sqlite3');
  const db = await new Promise<Database>((resolve, reject) => {
    const opened: Database = new sqlite3.Database(path, (error) => (error ? reject(error) : resolve(opened)));
  });
  db.configure('busyTimeout', busyTimeoutMs);
  const pools = new Map<string, StatementPool>();
  const prepare = (sql: string) =>
    new Promise<Statement>((resolve, reject) => {
      const statement: Statement = db.prepare(sql, (error) => (error ? reject(error) : resolve(statement)));
    });
  const all = (statement: Statement, params: unknown[]) =>
    new Promise<unknown[]>((resolve, reject) => statement.all(...params, (error: Error | null, rows: unknown[]) => (error ? reject(error) : resolve(rows))));
  return {
    query: async (sql, ...params) => {
      let pool = pools.get(sql);
      if (!pool) {
        // Past the limit, a statement is prepared for its one call and finalised after it.
        if (pools.size >= MAX_PREPARED) {
          const once = await prepare(sql);
          try {
            return await all(once, params);
          } finally {
            once.finalize(() => {});
          }
        }
        pool = new StatementPool(() => prepare(sql));
        pools.set(sql, pool);
      }
      const statement = await pool.take();
      try {
        return await all(statement, params);
      } finally {
        pool.give(statement);
      }
    },
    close: async () => {
      const statements = [...pools.values()].flatMap((p) => p.statements);
      pools.clear();
      await Promise.all(statements.map((s) => new Promise<void>((r) => s.finalize(() => r()))));
      await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Statements of one SQL text at most, each running one call at a time. */
const POOL_SIZE = 16;

/**
 * Prepared copies of one statement, each running one call at a time: a call takes an idle copy,
 * prepares another while there are fewer than POOL_SIZE, or waits for one to be given back. A copy
 * that fails to compile is not kept, so the next call tries again and reports SQLite's own error.
 */
class StatementPool {
  readonly statements: Statement[] = [];
  readonly #idle: Statement[] = [];
  /** Calls waiting for a copy; given undefined, a waiter tries again itself (a prepare failed). */
  readonly #waiting: ((statement: Statement | undefined) => void)[] = [];
  /** Copies prepared or being prepared. */
  #size = 0;

  constructor(private readonly prepare: () => Promise<Statement>) {}

  async take(): Promise<Statement> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#size >= POOL_SIZE) {
      const given = await new Promise<Statement | undefined>((resolve) => this.#waiting.push(resolve));
      return given ?? this.take();
    }
    this.#size++;
    try {
      const statement = await this.prepare();
      this.statements.push(statement);
      return statement;
    } catch (error) {
      this.#size--;
      this.#waiting.shift()?.(undefined);
      throw error;
    }
  }

  give(statement: Statement): void {
    const waiter = this.#waiting.shift();
    if (waiter) waiter(statement);
    else this.#idle.push(statement);
  }
}
