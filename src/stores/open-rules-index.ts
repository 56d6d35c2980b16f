import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HubConfig } from '../config/config-schema.js';
import type { Embedder, IndexFilter, IndexHit, KeywordIndex, Logger, PdfReader, Reranker, RulesOptions, SearchIndex, VectorRecord } from '../core/index.js';
import { openEmbedder } from '../llm/embedders/open-embedder.js';
import { HttpReranker } from '../llm/rerankers/http-reranker.js';
import { PdfParseReader } from '../readers/pdf-parse-reader.js';
import { Bm25Index } from './bm25-index.js';
import { ChromaIndex } from './chroma-index.js';
import { startEmbeddedChroma } from './chroma-launcher.js';
import { LocalVectorIndex } from './local-vector-index.js';

export interface RulesParts {
  keywords: KeywordIndex;
  vectors: SearchIndex | null;
  embedder: Embedder | null;
  reader: PdfReader;
  reranker: Reranker | null;
  options: Partial<RulesOptions>;
  /** One line for the start-up log. */
  summary: string;
  /** Stops the Chroma server the hub started, if any. */
  close(): Promise<void>;
}

/**
 * The rules library's parts as configured: the BM25 index, the embedder, and a vector index that is
 * chosen on first use (so a hub without books never starts Chroma): CHROMA_URL, else a local Chroma
 * the hub starts, else, when neither can run, an in-process index, with one log line saying how to fix it.
 */
export function openRulesParts(config: HubConfig, logger: Logger): RulesParts {
  const rules = config.rules;
  const books = join(config.dataDir, 'books');
  mkdirSync(books, { recursive: true });
  const embedder = openEmbedder(rules.embedder, config.dataDir);
  const lazy = embedder ? new LazyVectorIndex(() => chooseVectorIndex(config, embedder.id, logger)) : null;
  const where = rules.vectorStore === 'memory' ? 'in-process vectors' : rules.chromaUrl ? `Chroma at ${rules.chromaUrl}` : 'a local Chroma started with the first book';
  return {
    keywords: new Bm25Index(),
    vectors: lazy,
    embedder,
    reader: new PdfParseReader(),
    reranker: rules.reranker ? new HttpReranker({ url: rules.reranker.url, model: rules.reranker.model, ...(rules.reranker.apiKey ? { apiKey: rules.reranker.apiKey } : {}) }) : null,
    options: {
      allowedFolders: [...rules.allowedFolders, books],
      maxFileBytes: rules.maxFileMb * 2 ** 20,
      fusion: { method: rules.fusion.method, keywordWeight: rules.fusion.keywordWeight, vectorWeight: rules.fusion.vectorWeight ?? (rules.embedder.kind === 'offline' ? 0.2 : rules.embedder.kind === 'hashing' ? 0.3 : 1), rrfK: rules.fusion.rrfK },
      minScore: rules.minScore,
    },
    summary: embedder ? `Rules library: embedder ${embedder.id}${rules.reranker ? `, reranker ${rules.reranker.model} at ${rules.reranker.url}` : ''}, ${where}; books from ${[...rules.allowedFolders, books].join(', ')}` : 'Rules library: keyword search only (EMBEDDER=none)',
    close: async () => void (await lazy?.close()),
  };
}

async function chooseVectorIndex(config: HubConfig, embedderId: string, logger: Logger): Promise<{ index: SearchIndex; stop(): Promise<void> }> {
  const local = { index: new LocalVectorIndex(), stop: async () => {} };
  const { rules } = config;
  if (rules.vectorStore === 'memory') return local;
  if (rules.chromaUrl) {
    try {
      return { index: await ChromaIndex.open(rules.chromaUrl, embedderId), stop: async () => {} };
    } catch (error) {
      logger.warn({ url: rules.chromaUrl }, `CHROMA_URL ${rules.chromaUrl} does not answer (${(error as Error).message}): rules search uses an in-process vector index until the hub restarts; start that server or correct CHROMA_URL`);
      return local;
    }
  }
  const server = await startEmbeddedChroma({ dataDir: config.dataDir, logger });
  if (!server.ok) {
    logger.warn({}, `${server.error.message}. Rules search uses an in-process vector index meanwhile.`);
    return local;
  }
  try {
    return { index: await ChromaIndex.open(server.value.url, embedderId), stop: server.value.stop };
  } catch (error) {
    await server.value.stop();
    logger.warn({}, `The local Chroma started but does not accept the collection (${(error as Error).message}): rules search uses an in-process vector index`);
    return local;
  }
}

/** Decides on the real index on first use, so Chroma starts only when the library has work for it. */
class LazyVectorIndex implements SearchIndex {
  #chosen: Promise<{ index: SearchIndex; stop(): Promise<void> }> | undefined;
  #kind = 'vector index (not started)';
  #closed = false;

  constructor(private readonly choose: () => Promise<{ index: SearchIndex; stop(): Promise<void> }>) {}

  get kind(): string {
    return this.#kind;
  }

  #index(): Promise<SearchIndex> {
    if (this.#closed) return Promise.reject(new Error('the hub is stopping'));
    this.#chosen ??= this.choose().then((c) => {
      this.#kind = c.index.kind;
      return c;
    });
    return this.#chosen.then((c) => c.index);
  }

  upsert = async (records: VectorRecord[]) => (await this.#index()).upsert(records);
  query = async (vector: number[], k: number, filter: IndexFilter): Promise<IndexHit[]> => (await this.#index()).query(vector, k, filter);
  removeSource = async (sourceId: string, version?: string) => (await this.#index()).removeSource(sourceId, version);
  count = async (sourceId: string, version: string) => (await this.#index()).count(sourceId, version);

  async close(): Promise<void> {
    this.#closed = true;
    const chosen = await this.#chosen?.catch(() => undefined);
    await chosen?.index.close();
    await chosen?.stop();
  }
}
