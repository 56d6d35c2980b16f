import { ChromaClient, type Collection, type Metadata, type Where } from 'chromadb';
import type { IndexFilter, IndexHit, SearchIndex, VectorRecord } from '../core/index.js';

/**
 * Over-fetch factor: unfiltered results are filtered here, far cheaper than a Chroma `where`. Kept
 * small because the answer's size counts too: 200 neighbours with metadata take 12 ms, 70 take 5.
 */
const OVERFETCH = 1.4;
const UPSERT_BATCH = 500;

/** A collection name for an embedder id: letters, digits, dots, dashes; vectors of different models never mix. */
export const collectionName = (embedderId: string) => `ttrpg-rules-${embedderId}`.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/-+$/, '').slice(0, 120);

/**
 * The vector half of the library in Chroma (an embedded local server or CHROMA_URL). Only vectors and
 * filter fields are stored there; the passages live in the hub's store.
 *
 * Queries ask Chroma for more neighbours than needed without a `where` clause and filter them here:
 * measured on Chroma 1.0 with 50,000 vectors, an unfiltered query takes 7 ms and the same query with
 * `version $in [...]` 180 ms. Only when the filter is so narrow that too few neighbours survive
 * (one small book, only stat blocks) does a second query use `where`.
 */
export class ChromaIndex implements SearchIndex {
  readonly kind = 'chroma';

  private constructor(
    private readonly collection: Collection,
    readonly url: string,
  ) {}

  /** Connects and opens (or creates) the collection for this embedder. Throws when Chroma does not answer. */
  static async open(url: string, embedderId: string): Promise<ChromaIndex> {
    const u = new URL(url);
    const client = new ChromaClient({ host: u.hostname, port: Number(u.port || (u.protocol === 'https:' ? 443 : 80)), ssl: u.protocol === 'https:' });
    await client.heartbeat();
    // No embedding function: the hub embeds, Chroma only stores and searches.
    const collection = await client.getOrCreateCollection({ name: collectionName(embedderId), embeddingFunction: null, configuration: { hnsw: { space: 'cosine' } }, metadata: { embedder: embedderId } });
    return new ChromaIndex(collection, url);
  }

  async upsert(records: VectorRecord[]): Promise<void> {
    for (let i = 0; i < records.length; i += UPSERT_BATCH) {
      const batch = records.slice(i, i + UPSERT_BATCH);
      await this.collection.upsert({
        ids: batch.map((r) => r.id),
        embeddings: batch.map((r) => r.vector),
        metadatas: batch.map((r) => ({ sourceId: r.sourceId, version: r.version, system: r.system, sourceType: r.sourceType, contentType: r.contentType })),
      });
    }
  }

  async query(vector: number[], k: number, filter: IndexFilter): Promise<IndexHit[]> {
    const allow = predicate(filter);
    const n = Math.ceil(k * OVERFETCH);
    const first = await this.#query(vector, n);
    const hits = first.filter((h) => allow(h.meta));
    if (hits.length >= k || first.length < n) return hits.slice(0, k).map(({ id, score }) => ({ id, score }));
    const narrow = await this.#query(vector, k, whereOf(filter));
    return narrow.filter((h) => allow(h.meta)).map(({ id, score }) => ({ id, score }));
  }

  async removeSource(sourceId: string, version?: string): Promise<void> {
    await this.collection.delete({ where: version ? { $and: [{ sourceId }, { version }] } : { sourceId } });
  }

  async count(sourceId: string, version: string): Promise<number> {
    const found = await this.collection.get({ where: { $and: [{ sourceId }, { version }] }, include: [] });
    return found.ids.length;
  }

  async close(): Promise<void> {}

  async #query(vector: number[], n: number, where?: Where): Promise<(IndexHit & { meta: Metadata })[]> {
    const r = await this.collection.query({ queryEmbeddings: [vector], nResults: n, include: ['distances', 'metadatas'], ...(where ? { where } : {}) });
    const ids = r.ids[0] ?? [];
    // Cosine distance is 1 - cosine similarity.
    return ids.map((id, i) => ({ id, score: 1 - (r.distances[0]?.[i] ?? 1), meta: (r.metadatas[0]?.[i] ?? {}) as Metadata }));
  }
}

function predicate(filter: IndexFilter): (meta: Metadata) => boolean {
  const versions = new Set(filter.versions);
  const lists: [string, Set<string> | undefined][] = [
    ['sourceId', filter.sourceIds && new Set(filter.sourceIds)],
    ['system', filter.systems && new Set(filter.systems)],
    ['sourceType', filter.sourceTypes && new Set(filter.sourceTypes)],
    ['contentType', filter.contentTypes && new Set(filter.contentTypes)],
  ];
  return (meta) => versions.has(String(meta.version)) && lists.every(([key, set]) => !set || set.has(String(meta[key])));
}

function whereOf(filter: IndexFilter): Where {
  const clauses: Where[] = [{ version: { $in: filter.versions } }];
  if (filter.sourceIds) clauses.push({ sourceId: { $in: filter.sourceIds } });
  if (filter.systems) clauses.push({ system: { $in: filter.systems } });
  if (filter.sourceTypes) clauses.push({ sourceType: { $in: filter.sourceTypes } });
  if (filter.contentTypes) clauses.push({ contentType: { $in: filter.contentTypes } });
  return clauses.length === 1 ? clauses[0]! : { $and: clauses };
}
