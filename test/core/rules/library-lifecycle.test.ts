import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, InMemoryEventBus, ownerActor, type Store } from '../../../src/core/index.js';
import { HashingEmbedder } from '../../../src/llm/embedders/hashing-embedder.js';
import { Bm25Index } from '../../../src/stores/bm25-index.js';
import { PdfParseReader } from '../../../src/readers/pdf-parse-reader.js';
import { LocalVectorIndex } from '../../../src/stores/local-vector-index.js';
import { openStore } from '../../../src/stores/open-store.js';
import { handbookPdf, writeFiles } from '../../helpers/pdf-fixtures.js';

let books: string;
let file: string;
beforeAll(async () => {
  books = mkdtempSync(join(tmpdir(), 'ttrpg-books-'));
  file = writeFiles(books, { 'handbook.pdf': await handbookPdf({ outline: true }) })['handbook.pdf']!;
});
afterAll(() => rmSync(books, { recursive: true, force: true }));

/** A hub process's core over a shared store, with its own in-memory indexes. */
function hubProcess(store: Store, vectors = new LocalVectorIndex()) {
  const core = createCore({ store, events: new InMemoryEventBus(), ownerToken: 'owner-token-0123456789abcdef', rules: { keywords: new Bm25Index(), reader: new PdfParseReader(), vectors, embedder: new HashingEmbedder(), options: { allowedFolders: [books], refreshMs: 50 } } });
  const call = async (name: string, input: unknown) => {
    const r = await core.registry.call(name, input, { actor: ownerActor() });
    if (!r.ok) throw new Error(r.text);
    return r.value as any;
  };
  return { core, call, vectors };
}

describe('the library across hub processes and restarts', () => {
  it('finds a book another process added (the CLI next to a running hub) within a moment, and forgets one it removed', async () => {
    const store = await openStore('memory://');
    const hub = hubProcess(store);
    const cli = hubProcess(store);
    expect((await hub.call('search', { query: 'fireball' })).note).toMatch(/library is empty/);
    await cli.call('add_source', { path: file, name: 'Test Handbook', system: 'D&D 5e' });
    await new Promise((r) => setTimeout(r, 60));
    expect((await hub.call('search', { query: 'fireball' })).results[0].sectionPath).toContain('Fireball');
    await cli.call('remove_source', { source: 'Test Handbook' });
    await new Promise((r) => setTimeout(r, 60));
    expect((await hub.call('list_sources', {})).sources).toEqual([]);
  });

  it('on start, removes what an ingestion killed half-way left behind, and embeds again books whose vectors are missing', async () => {
    const store = await openStore('memory://');
    const first = hubProcess(store);
    const { source } = await first.call('add_source', { path: file, name: 'Test Handbook', system: 'D&D 5e' });
    // A process that died while writing a new version: its pending entry, passages and vectors remain.
    const catalogue = (await store.get<any>('rules:catalogue'))!;
    await store.set('rules:catalogue', { ...catalogue, pending: [{ sourceId: source.id, version: 'deadbeef', host: hostname(), pid: 2 ** 22 + 1, at: Date.now() }] });
    await store.set(`rules:chunks:${source.id}:deadbeef`, []);
    await first.vectors.upsert([{ id: `${source.id}:deadbeef:0`, vector: [1, 0], sourceId: source.id, version: 'deadbeef', system: 'D&D 5e', sourceType: 'rulebook', contentType: 'rule' }]);

    // The restarted hub keeps the Chroma data (the same vectors), but this one starts with an empty in-process index.
    const restarted = hubProcess(store, first.vectors);
    await restarted.core.deps.rules!.ready();
    expect(await store.get('rules:catalogue')).toMatchObject({ pending: [] });
    expect(await store.get(`rules:chunks:${source.id}:deadbeef`)).toBeUndefined();
    expect(await first.vectors.count(source.id, 'deadbeef')).toBe(0);

    const empty = hubProcess(store);
    await empty.core.deps.rules!.ready();
    for (let i = 0; i < 100 && (await empty.call('list_sources', {})).ingesting.length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await empty.vectors.count(source.id, source.version)).toBe(source.chunks);
    expect((await empty.call('search', { query: 'fireball', mode: 'vector' })).results[0].sectionPath).toContain('Fireball');
  });
});
