import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/index.js';
import { ChromaIndex } from '../../src/stores/chroma-index.js';
import { startEmbeddedChroma, type EmbeddedChroma } from '../../src/stores/chroma-launcher.js';
import { handbookPdf, writeFiles } from '../helpers/pdf-fixtures.js';
import { startTestHub } from '../helpers/test-hub.js';

/** A logger that keeps its lines, to check what the hub tells its operator. */
function recordingLogger() {
  const lines: { level: string; msg: string }[] = [];
  const at = (level: string) => (_obj: object, msg?: string) => void lines.push({ level, msg: msg ?? '' });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return { logger, lines };
}

const alive = (pid: number | undefined) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const meta = { sourceId: 'srd', version: 'v1', system: 'D&D 5e', sourceType: 'rulebook' as const };

describe('embedded Chroma', () => {
  let dir: string;
  let chroma: EmbeddedChroma;
  const log = recordingLogger();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ttrpg-chroma-'));
    const started = await startEmbeddedChroma({ dataDir: dir, logger: log.logger });
    if (!started.ok) throw new Error(started.error.message);
    chroma = started.value;
  });
  afterAll(async () => {
    await chroma?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts from a binding that loads here and says which one in the log', () => {
    expect(chroma).toMatchObject({ owned: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    expect(alive(chroma.pid)).toBe(true);
    const line = log.lines.find((l) => l.msg.startsWith('Rules library: Chroma'))!.msg;
    expect(line).toContain(`started from ${chroma.binding}`);
    expect(line).toContain(join(dir, 'chroma'));
    // On a glibc older than 2.38 the current binding cannot load and the 1.0.5 one is used; the log says why.
    if (chroma.binding === 'chromadb-bindings-glibc234') expect(line).toMatch(/chromadb-js-bindings-linux-x64-gnu does not load here \(it needs glibc 2\.\d+/);
  });

  it('stores vectors, finds the nearest with filters, counts and removes them per book version', async () => {
    const index = await ChromaIndex.open(chroma.url, 'test-3d');
    await index.upsert([
      { ...meta, id: 'srd:v1:0', vector: [1, 0, 0], contentType: 'rule' },
      { ...meta, id: 'srd:v1:1', vector: [0.9, 0.1, 0], contentType: 'spell' },
      { ...meta, id: 'srd:v1:2', vector: [0, 1, 0], contentType: 'rule' },
      { ...meta, version: 'v2', id: 'srd:v2:0', vector: [1, 0, 0], contentType: 'rule' },
    ]);
    const hits = await index.query([1, 0, 0], 2, { versions: ['v1'] });
    expect(hits.map((h) => h.id)).toEqual(['srd:v1:0', 'srd:v1:1']);
    expect(hits[0]!.score).toBeCloseTo(1, 3);
    expect((await index.query([1, 0, 0], 5, { versions: ['v1'], contentTypes: ['spell'] })).map((h) => h.id)).toEqual(['srd:v1:1']);
    expect(await index.count('srd', 'v1')).toBe(3);
    await index.removeSource('srd', 'v1');
    expect(await index.count('srd', 'v1')).toBe(0);
    expect(await index.count('srd', 'v2')).toBe(1);
  });

  it('is shared with a second hub process on the same data folder, which leaves it running', async () => {
    const second = await startEmbeddedChroma({ dataDir: dir, logger: recordingLogger().logger });
    expect(second.ok && second.value).toMatchObject({ owned: false, url: chroma.url, pid: undefined });
    if (second.ok) await second.value.stop();
    expect(alive(chroma.pid)).toBe(true);
  });

  it('restarts the server when it dies, with its data', async () => {
    const index = await ChromaIndex.open(chroma.url, 'test-restart');
    await index.upsert([{ ...meta, id: 'a', vector: [1, 0], contentType: 'rule' }]);
    const before = chroma.pid!;
    process.kill(before, 'SIGKILL');
    await until(() => chroma.pid !== undefined && chroma.pid !== before, 'a new Chroma process');
    await until(() => index.count('srd', 'v1').then((n) => n === 1, () => false), 'Chroma to answer again');
    expect(log.lines.some((l) => l.level === 'warn' && /Chroma exited; restarting it in 1 s/.test(l.msg))).toBe(true);
  });
});

describe('the hub and Chroma', () => {
  it('starts Chroma with the first book, searches through it, and stops it on close', async () => {
    const books = mkdtempSync(join(tmpdir(), 'ttrpg-books-'));
    const { 'handbook.pdf': path } = writeFiles(books, { 'handbook.pdf': await handbookPdf({ outline: true }) });
    const log = recordingLogger();
    const hub = await startTestHub({ log: { level: 'info' }, rules: { allowedFolders: [books], embedder: { kind: 'hashing' } } }, { logger: log.logger });
    try {
      expect(log.lines.some((l) => /Rules library: embedder hash-v1-256, a local Chroma started with the first book/.test(l.msg))).toBe(true);
      const marker = join(hub.dataDir, 'chroma', 'hub-server.json');
      expect(() => readFileSync(marker)).toThrow(); // no book yet, no Chroma
      const added = await hub.api('add_source', { path, name: 'Test Handbook', system: 'D&D 5e' });
      expect(added.status).toBe(200);
      const { pid } = JSON.parse(readFileSync(marker, 'utf8'));
      expect(alive(pid)).toBe(true);
      const found = await hub.api('search', { query: 'fireball damage' });
      expect(found.body.value).toMatchObject({ mode: 'hybrid', note: null });
      expect(found.body.value.results[0].sectionPath).toEqual(['CHAPTER 3: SPELLS', 'Fireball']);
      await hub.close();
      expect(alive(pid)).toBe(false);
    } finally {
      await hub.close();
      rmSync(books, { recursive: true, force: true });
    }
  });

  it('keeps working on an in-process index, and says how to fix it, when CHROMA_URL does not answer', async () => {
    const books = mkdtempSync(join(tmpdir(), 'ttrpg-books-'));
    const { 'handbook.pdf': path } = writeFiles(books, { 'handbook.pdf': await handbookPdf({ outline: true }) });
    const log = recordingLogger();
    const hub = await startTestHub({ log: { level: 'info' }, rules: { allowedFolders: [books], chromaUrl: 'http://127.0.0.1:9', embedder: { kind: 'hashing' } } }, { logger: log.logger });
    try {
      expect((await hub.api('add_source', { path, name: 'Test Handbook', system: 'D&D 5e' })).status).toBe(200);
      const warning = log.lines.filter((l) => l.level === 'warn' && l.msg.includes('CHROMA_URL'));
      expect(warning).toHaveLength(1);
      expect(warning[0]!.msg).toMatch(/CHROMA_URL http:\/\/127\.0\.0\.1:9 does not answer .*: rules search uses an in-process vector index until the hub restarts; start that server or correct CHROMA_URL/);
      const found = await hub.api('search', { query: 'fireball damage' });
      expect(found.body.value.mode).toBe('hybrid');
      expect(found.body.value.results[0].sectionPath).toEqual(['CHAPTER 3: SPELLS', 'Fireball']);
    } finally {
      await hub.close();
      rmSync(books, { recursive: true, force: true });
    }
  });
});
