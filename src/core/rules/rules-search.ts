import type { Embedder } from '../ports/embedder.js';
import type { IndexFilter, IndexHit, KeywordIndex, SearchIndex } from '../ports/search-index.js';
import { fuse, type FusionOptions } from './fusion.js';
import { chunkTitle, type LibraryIndex } from './library-index.js';
import { coverage, processQuery, type ProcessedQuery } from './query-processing.js';
import type { ContentType, SearchHit, SearchMode, Source, SourceType } from './rules-schemas.js';
import { searchTerms } from './text-terms.js';

export interface SearchRequest {
  query: string;
  sourceIds?: string[];
  systems?: string[];
  sourceType?: SourceType;
  contentTypes?: ContentType[];
  maxResults: number;
  mode: SearchMode;
  /** Neighbouring passages to add on each side of a hit. */
  expand: number;
  /** GMs also find books marked GM-only. */
  includeGmOnly: boolean;
}

export interface SearchResponse {
  results: SearchHit[];
  query: Pick<ProcessedQuery, 'text' | 'expansions' | 'corrections' | 'unknown'>;
  /** The mode actually used: hybrid falls back to keyword when vectors cannot be had. */
  mode: SearchMode;
  note: string | null;
}

export interface SearchDeps {
  index: LibraryIndex;
  keywords: KeywordIndex;
  vectors: SearchIndex | null;
  embedder: Embedder | null;
  fusion: FusionOptions;
  /** Passages covering less of the question than this are not returned. */
  minScore: number;
  /**
   * Candidates taken from each index before fusion. Keyword candidates grow with the books searched
   * (cheap, and duplicates across books must not crowd out distinct passages); vector ones do not.
   */
  candidates: number;
  /** Why vectors are unavailable right now, or null when they should work. */
  vectorTrouble(): string | null;
  onVectorFailure(reason: string): void;
}

/**
 * Hybrid search: BM25 keywords and vector similarity, fused, then each candidate scored by how much
 * of the question it covers. The final order blends the fused rank with that coverage, and passages
 * below `minScore` are dropped, so a question the books do not answer gets few results, not noise.
 */
export async function searchLibrary(req: SearchRequest, deps: SearchDeps): Promise<SearchResponse> {
  const { index } = deps;
  const processed = processQuery(req.query, index.vocabulary);
  const query = { text: processed.text, expansions: processed.expansions, corrections: processed.corrections, unknown: processed.unknown };
  const systems = req.systems?.map((s) => s.toLowerCase());
  const visible = (s: Source) =>
    (req.includeGmOnly || !s.gmOnly) &&
    (!req.sourceIds || req.sourceIds.includes(s.id)) &&
    (!systems || systems.includes(s.system.toLowerCase())) &&
    (!req.sourceType || s.sourceType === req.sourceType);
  const filter: IndexFilter = { ...index.filterFor(visible), ...(req.contentTypes ? { contentTypes: req.contentTypes } : {}) };
  const none = (note: string): SearchResponse => ({ results: [], query, mode: req.mode, note });
  if (index.sources().length === 0) return none('The library is empty: add a book with add_source (or `ttrpg-hub ingest <pdf>`)');
  if (filter.versions.length === 0) return none('No book matches these filters: see list_sources');
  if (processed.terms.length === 0) return none('The question has no searchable words: ask with the words a rulebook would use');

  let mode = req.mode;
  let note: string | null = null;
  const keywordCandidates = Math.min(250, deps.candidates + 20 * (filter.versions.length - 1));
  const keywordHits = mode === 'vector' ? [] : deps.keywords.search(processed.terms, keywordCandidates, filter);
  let vectorHits: IndexHit[] = [];
  if (mode !== 'keyword') {
    const trouble = deps.vectorTrouble() ?? (deps.vectors && deps.embedder ? null : 'no embedder is configured');
    const got = trouble ? { ok: false as const, reason: trouble } : await vectorSearch(processed.text, filter, deps);
    if (got.ok) vectorHits = got.hits;
    else {
      if (!trouble) deps.onVectorFailure(got.reason);
      note = `Keyword search only: ${got.reason}`;
      if (mode === 'vector') return { ...none(note), mode: 'keyword' };
      mode = 'keyword';
    }
  }

  const fused = fuse(keywordHits, vectorHits, deps.fusion);
  const asked = new Set(processed.terms);
  const top = fused[0]?.fused ?? 1;
  const scored: { id: string; score: number; rank: number }[] = [];
  for (const hit of fused) {
    const chunk = index.chunk(hit.id);
    if (!chunk) continue;
    const score = coverage(processed.terms, deps.keywords.contains(hit.id, processed.terms), index.vocabulary);
    if (score < deps.minScore) continue;
    // A question that names the passage's own heading ("magic missile", "invisible") is about it.
    const heading = searchTerms(chunk.sectionPath.at(-1) ?? '');
    const named = heading.length ? heading.filter((t) => asked.has(t)).length / heading.length : 0;
    scored.push({ id: hit.id, score, rank: 0.5 * (hit.fused / top) + 0.3 * score + 0.2 * named });
  }
  scored.sort((a, b) => b.rank - a.rank);
  // The same passage in several books (a reprint, a shared SRD text) is one result naming the others.
  const results: SearchHit[] = [];
  const byText = new Map<string, SearchHit>();
  for (const s of scored) {
    const chunk = index.chunk(s.id)!;
    const shown = byText.get(chunk.text);
    if (shown) {
      const name = index.live(chunk.sourceId)!.name;
      if (name !== shown.source.name && !shown.alsoIn?.includes(name)) (shown.alsoIn ??= []).push(name);
    } else if (results.length < req.maxResults) {
      const hit = toHit(s.id, s.score, req.expand, index);
      results.push(hit);
      byText.set(chunk.text, hit);
    }
  }
  if (!results.length) note ??= processed.unknown.length ? `The books do not mention: ${processed.unknown.join(', ')}` : 'No passage answers enough of the question';
  return { results, query, mode, note };
}

async function vectorSearch(text: string, filter: IndexFilter, deps: SearchDeps): Promise<{ ok: true; hits: IndexHit[] } | { ok: false; reason: string }> {
  const vec = await deps.embedder!.embed([text]);
  if (!vec.ok) return { ok: false, reason: vec.error.message };
  try {
    return { ok: true, hits: await deps.vectors!.query(vec.value[0]!, deps.candidates, filter) };
  } catch (error) {
    return { ok: false, reason: `the ${deps.vectors!.kind} vector index does not answer (${(error as Error).message})` };
  }
}

function toHit(id: string, score: number, expand: number, index: LibraryIndex): SearchHit {
  const chunk = index.chunk(id)!;
  const source = index.live(chunk.sourceId)!;
  const hit: SearchHit = {
    chunkId: chunk.id,
    text: chunk.text,
    source: { id: source.id, name: source.name, system: source.system, sourceType: source.sourceType },
    page: chunk.page,
    pageEnd: chunk.pageEnd,
    sectionPath: chunk.sectionPath,
    section: chunkTitle(chunk),
    contentType: chunk.contentType,
    score: Math.round(score * 1000) / 1000,
  };
  if (expand > 0) {
    const n = index.neighbours(chunk, expand);
    hit.context = { before: n.before.map((c) => c.text), after: n.after.map((c) => c.text) };
  }
  return hit;
}
