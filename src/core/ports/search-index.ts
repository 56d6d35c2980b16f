import type { ContentType, SourceType } from '../rules/rules-schemas.js';

/** Which passages a query may return. Every list given must contain the passage's value. */
export interface IndexFilter {
  /** Live versions (content hashes): passages of a version being ingested or replaced never show. */
  versions: string[];
  sourceIds?: string[];
  systems?: string[];
  sourceTypes?: SourceType[];
  contentTypes?: ContentType[];
}

/** What an index keeps next to a passage so it can filter without asking the library. */
export interface IndexedMeta {
  sourceId: string;
  version: string;
  system: string;
  sourceType: SourceType;
  contentType: ContentType;
}

export interface VectorRecord extends IndexedMeta {
  id: string;
  vector: number[];
}

export interface IndexHit {
  id: string;
  /** Higher is better: cosine similarity for vectors, BM25 for keywords. */
  score: number;
}

/**
 * The vector half of the library (Chroma, or an in-process index where Chroma cannot run). It is
 * derived data: the library's store holds every passage, so a lost index is rebuilt from there.
 */
export interface SearchIndex {
  /** A short label for logs and search notes, e.g. "chroma" or "in-process". */
  readonly kind: string;
  upsert(records: VectorRecord[]): Promise<void>;
  query(vector: number[], k: number, filter: IndexFilter): Promise<IndexHit[]>;
  /** Removes a source's passages: every version, or only the one given. */
  removeSource(sourceId: string, version?: string): Promise<void>;
  /** How many passages of this version the index holds (to find what needs re-indexing). */
  count(sourceId: string, version: string): Promise<number>;
  close(): Promise<void>;
}

export interface KeywordDoc extends IndexedMeta {
  id: string;
  /** The passage's own heading, weighted up: a passage under "Opportunity Attacks" is about them. */
  title: string;
  /** The headings above it ("Combat > Making an Attack"), weighted down. */
  path: string;
  text: string;
}

/** The BM25 half of the library. In memory, rebuilt from the store when the hub starts. */
export interface KeywordIndex {
  /** Adds passages; the index may yield to the event loop between batches. */
  add(docs: KeywordDoc[]): Promise<void>;
  /**
   * `terms` are already normalised by the library's tokenizer (see `searchTerms`). `weights`, one per
   * term (default 1), let words added to the question (the rulebook words of table talk) count less
   * than the player's own.
   */
  search(terms: string[], k: number, filter: IndexFilter, weights?: number[]): IndexHit[];
  removeSource(sourceId: string, version?: string): void;
  /** Which of the terms the passage contains (heading, path or text), in the order given. */
  contains(id: string, terms: string[]): boolean[];
  readonly size: number;
}
