import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreOptions, Embedder, Reranker } from '../../src/core/index.js';
import { HashingEmbedder } from '../../src/llm/embedders/hashing-embedder.js';
import { Bm25Index } from '../../src/stores/bm25-index.js';
import { PdfParseReader } from '../../src/readers/pdf-parse-reader.js';
import { LocalVectorIndex } from '../../src/stores/local-vector-index.js';
import { coreFixture, type CoreFixture } from './core-fixture.js';
import { encryptedPdf, handbookPdf, imageOnlyPdf, longPdf, writeFiles } from './pdf-fixtures.js';

export interface RulesFixture extends CoreFixture {
  /** The allowed books folder, holding the generated PDFs. */
  books: string;
  files: Record<string, string>;
  vectors: LocalVectorIndex;
  cleanup(): void;
}

/** The test books, generated once per test file. */
let generated: Promise<Record<string, Buffer | string>> | undefined;
const generate = async () => ({
  'handbook.pdf': await handbookPdf({ outline: true }),
  'handbook-plain.pdf': await handbookPdf({ outline: false }),
  'handbook-2e.pdf': await handbookPdf({ outline: true, edition: 2 }),
  'long.pdf': await longPdf(120),
  'encrypted.pdf': await encryptedPdf(),
  'scan.pdf': await imageOnlyPdf(),
  'notes.pdf': 'These are my session notes, not a PDF at all.\n',
});

/** A core with the rules library over in-process indexes and the offline embedder, and a folder of test PDFs. */
export async function rulesFixture(options: { embedder?: Embedder | null; reranker?: Reranker; rules?: Partial<NonNullable<CoreOptions['rules']>['options']> } = {}): Promise<RulesFixture> {
  const books = mkdtempSync(join(tmpdir(), 'ttrpg-books-'));
  const files = writeFiles(books, await (generated ??= generate()));
  const vectors = new LocalVectorIndex();
  const embedder = options.embedder === undefined ? new HashingEmbedder() : options.embedder;
  const f = await coreFixture({ rules: { keywords: new Bm25Index(), reader: new PdfParseReader(), vectors, embedder, ...(options.reranker ? { reranker: options.reranker } : {}), options: { allowedFolders: [books], refreshMs: 0, ...options.rules } } });
  return Object.assign(f, { books, files, vectors, cleanup: () => rmSync(books, { recursive: true, force: true }) });
}
