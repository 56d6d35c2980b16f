import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/stores/open-store.js';
import { handbookPdf, longPdf, writeFiles } from './helpers/pdf-fixtures.js';

let dir: string;
let files: Record<string, string>;
// In-process vectors and the hashing embedder keep this fast; the embedded Chroma path is tested in
// test/stores/chroma.test.ts, the default word vectors (whose table is built on first use) in test/llm.
const env = () => ({ ...process.env, DATA_DIR: join(dir, 'data'), RULES_VECTOR_STORE: 'memory', EMBEDDER: 'hashing', LOG_LEVEL: 'warn' });
const cli = (...args: string[]) => spawnSync(process.execPath, [resolve('bin/ttrpg-hub.js'), 'ingest', ...args], { env: env(), encoding: 'utf8', timeout: 60_000 });
const catalogue = async () => {
  const store = await openStore(`sqlite://${join(dir, 'data', 'hub.sqlite')}`);
  try {
    return await store.get<{ sources: { name: string }[]; pending: unknown[] }>('rules:catalogue');
  } finally {
    await store.close();
  }
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ttrpg-ingest-'));
  files = writeFiles(dir, { 'handbook.pdf': await handbookPdf({ outline: true }), 'long.pdf': await longPdf(400), 'notes.pdf': 'not a pdf' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ttrpg-hub ingest', () => {
  it('adds a book with progress on stderr and a summary on stdout; the same file again changes nothing', () => {
    const first = cli(files['handbook.pdf']!, '--system', 'D&D 5e', '--name', 'Test Handbook');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Added "Test Handbook" \(D&D 5e, rulebook\): \d+ passages, \d+ sections from 6 pages in [\d.]+ s \(id test-handbook\)\n$/);
    expect(first.stderr.split('\n').map((l) => l.split(':')[0])).toEqual(expect.arrayContaining(['queued', 'reading', 'structuring', 'embedding', 'indexing', 'done']));
    const again = cli(files['handbook.pdf']!, '--system', 'D&D 5e');
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('Already in the library as "Test Handbook" (same content)\n');
  });

  it('refuses a file that is not a PDF with exit code 2', () => {
    const bad = cli(files['notes.pdf']!, '--system', 'D&D 5e');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/notes\.pdf is not a PDF/);
  });

  it('stops on Ctrl-C and leaves the library as it was', async () => {
    const child = spawn(process.execPath, [resolve('bin/ttrpg-hub.js'), 'ingest', files['long.pdf']!, '--system', 'D&D 5e', '--name', 'Long Book'], { env: env() });
    let stderr = '';
    let interrupted = false;
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!interrupted && stderr.includes('reading:')) interrupted = child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(130);
    expect(stderr).toMatch(/Cancelling\.\.\.\n.*Ingestion of "Long Book" was cancelled; the library is unchanged/s);
    expect(await catalogue()).toMatchObject({ sources: [{ name: 'Test Handbook' }], pending: [] });
  });
});
