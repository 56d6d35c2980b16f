import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { preparedStatementConnection } from '../../src/stores/sqlite-connection.js';

const dir = mkdtempSync(join(tmpdir(), 'ttrpg-hub-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite connection with prepared statements', () => {
  it('answers each call with the data as it is then, through errors and more statements than it keeps', async () => {
    const db = await preparedStatementConnection(join(dir, 'a.sqlite'), 1000);
    await db.query('CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT)');
    const put = (k: string, v: string) => db.query('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', k, v);
    const read = (k: string) => db.query('SELECT value FROM kv WHERE key = ?', k);
    await put('a', '1');
    expect(await read('a')).toEqual([{ value: '1' }]);
    // The same statement again, with other values bound: never the earlier answer.
    await put('a', '2');
    expect(await read('a')).toEqual([{ value: '2' }]);
    expect(await read('b')).toEqual([]);
    // Many calls of one statement at once each get their own answer.
    await Promise.all(Array.from({ length: 50 }, (_, i) => put(`k${i}`, `v${i}`)));
    expect(await Promise.all(Array.from({ length: 50 }, (_, i) => read(`k${i}`)))).toEqual(Array.from({ length: 50 }, (_, i) => [{ value: `v${i}` }]));
    // More calls of one statement at once than it keeps copies of: the rest wait their turn, none is lost or crossed.
    await Promise.all(Array.from({ length: 300 }, (_, i) => put(`m${i}`, `w${i}`)));
    expect(await Promise.all(Array.from({ length: 300 }, (_, i) => read(`m${i}`)))).toEqual(Array.from({ length: 300 }, (_, i) => [{ value: `w${i}` }]));
    // A statement that does not compile fails every call waiting on it, not only the first.
    const broken = await Promise.allSettled(Array.from({ length: 40 }, () => db.query('SELECT value FROM nowhere WHERE key = ?', 'a')));
    expect(broken.every((r) => r.status === 'rejected' && /no such table: nowhere/.test(String(r.reason)))).toBe(true);
    // A failing statement reports SQLite's error, and the connection goes on.
    await expect(db.query('SELECT value FROM nowhere')).rejects.toThrow(/no such table: nowhere/);
    await expect(db.query('INSERT INTO kv (key, value) VALUES (?, ?)', 'a', 'x')).rejects.toThrow(/UNIQUE constraint failed/);
    await put('a', '3');
    expect(await read('a')).toEqual([{ value: '3' }]);
    // More distinct statements than are kept prepared.
    for (let i = 0; i < 100; i++) expect(await db.query(`SELECT ${i} AS n`)).toEqual([{ n: i }]);
    await db.close();
  });
});
