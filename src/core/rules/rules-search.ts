import type { Actor } from '../access/actor.js';
import type { Embedder } from '../ports/embedder.js';
import type { Reranker } from '../ports/reranker.js';
import type { IndexFilter, IndexHit, KeywordIndex, SearchIndex } from '../ports/search-index.js';
import { ok, type Result } from '../result.js';
import { fuse, type FusedHit, type FusionOptions } from './fusion.js';
import { chunkTitle, type LibraryIndex } from './library-index.js';
import { coverage, processQuery, type ProcessedQuery } from './query-processing.js';
import type { ContentType, SearchHit, SearchMode, Source, SourceType } from './rules-schemas.js';

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
  /** The person whose question the optional query rewrite may reword, charged to them; absent: no rewrite. */
  rewriteFor?: Actor;
}

/** How sure the search is that the books answer the question, from how much of it the best passages cover. */
export type Confidence = 'strong' | 'weak' | 'not_found';

export interface SearchResponse {
  results: SearchHit[];
  query: Pick<ProcessedQuery, 'text' | 'expansions' | 'corrections' | 'unknown'>;
  /** The mode actually used: hybrid falls back to keyword when vectors cannot be had. */
  mode: SearchMode;
  /** "weak": the passages cover the question only in part; "not_found": probably not in the books. */
  confidence: Confidence;
  note: string | null;
}

export interface SearchDeps {
  index: LibraryIndex;
  /** Reorders the best candidates when configured (a cross-encoder); null: the fused order stands. */
  reranker: Reranker | null;
  keywords: KeywordIndex;
  vectors: SearchIndex | null;
  embedder: Embedder | null;
  fusion: FusionOptions;
  /** Below this coverage of the question, the answer is labelled weak (nothing is dropped). */
  minScore: number;
  /**
   * Candidates taken from each index before fusion. Keyword candidates grow with the books searched
   * (cheap, and duplicates across books must not crowd out distinct passages); vector ones do not.
   */
  candidates: number;
  /** Why vectors are unavailable right now, or null when they should work. */
  vectorTrouble(): string | null;
  onVectorFailure(reason: string): void;
  /**
   * Optional hook, off by default: turns table talk into rules terms (e.g. through the AI game
   * master's provider); both wordings are searched and their fused scores summed. A failure or null
   * answer searches the question as asked.
   */
  rewriteQuery?(query: string, actor: Actor, signal?: AbortSignal): Promise<string | null>;
}

/**
 * A spell, stat block or item scores this much of its fused score: players mostly ask how rules work,
 * and a creature or spell named in passing ("charmed by the vampire") must not outrank the rule,
 * while one the question is about still wins clearly (chosen on the dev half of the question set).
 */
const CATALOGUE_PRIOR = 0.8;

/** Passages of one spell, stat block or item shown at most: `expand` gives the whole entry. */
const PER_ENTRY = 2;
const ENTRY_TYPES = new Set<ContentType>(['spell', 'stat_block', 'item']);

/**
 * Hybrid search: BM25 keywords and vector similarity, each list's scores normalised and summed with
 * their weights. Always returns `maxResults` passages, best first; how much of the question the best
 * of them cover decides the confidence ("weak", "not_found"), which callers phrase for the player.
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
  const none = (note: string): SearchResponse => ({ results: [], query, mode: req.mode, confidence: 'not_found', note });
  if (index.sources().length === 0) return none('The library is empty: add a book with add_source (or `ttrpg-hub ingest <pdf>`)');
  if (filter.versions.length === 0) return none('No book matches these filters: see list_sources');
  if (processed.terms.length === 0) return none('The question has no searchable words: ask with the words a rulebook would use');

  let mode = req.mode;
  let note: string | null = null;
  const keywordCandidates = Math.min(250, deps.candidates + 20 * (filter.versions.length - 1));
  const keywordHits = mode === 'vector' ? [] : keywordSearch(processed, keywordCandidates, filter, deps);
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

  let fused = preferRules(fuse(keywordHits, vectorHits, deps.fusion), index);
  const rewritten = deps.rewriteQuery && req.rewriteFor ? await deps.rewriteQuery(req.query, req.rewriteFor).catch(() => null) : null;
  if (rewritten && rewritten.trim() && rewritten.trim().toLowerCase() !== req.query.trim().toLowerCase()) {
    // Both wordings count: each passage keeps the sum of its two fused scores.
    const again = processQuery(rewritten, index.vocabulary);
    const more = fuse(mode === 'vector' ? [] : keywordSearch(again, keywordCandidates, filter, deps), mode === 'keyword' ? [] : await vectorHitsFor(again.text, filter, deps), deps.fusion);
    fused = mergeFused(fused, preferRules(more, index));
    query.text = `${query.text} | ${again.text}`;
  }
  if (deps.reranker && fused.length > 1) {
    const reordered = await rerank(req.query, fused, index, deps.reranker);
    if (reordered.ok) fused = reordered.value;
    else note ??= `Not reranked: ${reordered.error.message}`;
  }
  // The same passage in several books (a reprint, a shared SRD text) is one result naming the others;
  // a long spell or stat block gives at most PER_ENTRY passages, so it cannot fill the list alone.
  const results: SearchHit[] = [];
  const byText = new Map<string, SearchHit>();
  const perEntry = new Map<string, number>();
  for (const hit of fused) {
    const chunk = index.chunk(hit.id);
    if (!chunk) continue;
    const shown = byText.get(chunk.text);
    if (shown) {
      const name = index.live(chunk.sourceId)!.name;
      if (name !== shown.source.name && !shown.alsoIn?.includes(name)) (shown.alsoIn ??= []).push(name);
      continue;
    }
    if (results.length >= req.maxResults) continue;
    const entry = index.entryOf(chunk);
    if (ENTRY_TYPES.has(chunk.contentType) || entry !== `${chunk.sourceId}\u0000${chunk.sectionPath.join('\u0000')}`) {
      const key = entry;
      const n = perEntry.get(key) ?? 0;
      if (n >= PER_ENTRY) continue;
      perEntry.set(key, n + 1);
    }
    const score = coverage(processed.terms, covered(hit.id, processed, deps.keywords), index.vocabulary);
    const result = toHit(hit.id, score, req.expand, index);
    results.push(result);
    byText.set(chunk.text, result);
  }
  const confidence = judge(results, processed, deps.minScore);
  if (!results.length) note ??= processed.unknown.length ? `The books do not mention: ${processed.unknown.join(', ')}` : 'No passage shares a word with the question';
  else if (confidence === 'not_found') note ??= `Probably not in your books${processed.unknown.length ? ` (they never mention ${processed.unknown.join(', ')})` : ''}: these are the nearest passages`;
  else if (confidence === 'weak') note ??= 'Weak match: the passages answer only part of the question';
  return { results, query, mode, confidence, note };
}

/**
 * The confidence of an answer from the best coverage among the first passages: a question whose
 * words the books never use, or that the best passages cover only in small part, is probably not
 * answered by these books.
 */
function judge(results: SearchHit[], processed: ProcessedQuery, weak: number): Confidence {
  const best = Math.max(0, ...results.slice(0, 3).map((r) => r.score));
  if (best < weak * 0.67 || (processed.unknown.length > 0 && best < weak * 0.9)) return 'not_found';
  return best < weak + 0.1 ? 'weak' : 'strong';
}

/** Candidates the reranker reads: enough to lift a passage from the second page, few enough to stay quick. */
const RERANK_CANDIDATES = 30;

/** The best fused candidates in the reranker's order, then the rest as they were (results follow this order). */
async function rerank(query: string, fused: FusedHit[], index: LibraryIndex, reranker: Reranker): Promise<Result<FusedHit[]>> {
  const head = fused.slice(0, RERANK_CANDIDATES).filter((h) => index.chunk(h.id));
  const texts = head.map((h) => {
    const chunk = index.chunk(h.id)!;
    return `${chunk.sectionPath.join(' > ')}\n${chunk.text}`;
  });
  const scores = await reranker.rerank(query, texts);
  if (!scores.ok) return scores;
  const reranked = head.map((h, i) => ({ h, s: scores.value[i]! })).sort((a, b) => b.s - a.s).map(({ h }) => h);
  const inHead = new Set(head.map((h) => h.id));
  return ok([...reranked, ...fused.filter((h) => !inHead.has(h.id))]);
}

/** Which of the question's own terms the passage covers: itself, or through the rulebook words of its table talk. */
function covered(id: string, q: ProcessedQuery, keywords: KeywordIndex): boolean[] {
  const found = keywords.contains(id, q.terms);
  for (const phrase of q.related.phrases) {
    if (!phrase.added.length || !keywords.contains(id, phrase.added).some(Boolean)) continue;
    for (const t of phrase.own) found[q.terms.indexOf(t)] = true;
  }
  return found;
}

function preferRules(hits: FusedHit[], index: LibraryIndex): FusedHit[] {
  for (const hit of hits) if (ENTRY_TYPES.has(index.chunk(hit.id)?.contentType ?? 'rule')) hit.fused *= CATALOGUE_PRIOR;
  return hits.sort((a, b) => b.fused - a.fused);
}

/** BM25 over the question's own terms and, weighted down, the rulebook words its table talk stands for. */
function keywordSearch(q: ProcessedQuery, k: number, filter: IndexFilter, deps: SearchDeps): IndexHit[] {
  const terms = [...q.terms, ...q.related.terms];
  return deps.keywords.search(terms, k, filter, terms.map((_, i) => (i < q.terms.length ? 1 : q.related.weight)));
}

async function vectorHitsFor(text: string, filter: IndexFilter, deps: SearchDeps): Promise<IndexHit[]> {
  const got = await vectorSearch(text, filter, deps);
  return got.ok ? got.hits : [];
}

function mergeFused(a: FusedHit[], b: FusedHit[]): FusedHit[] {
  const byId = new Map(a.map((h) => [h.id, { ...h }]));
  for (const h of b) {
    const seen = byId.get(h.id);
    if (seen) seen.fused += h.fused;
    else byId.set(h.id, { ...h });
  }
  return [...byId.values()].sort((x, y) => y.fused - x.fused);
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
    pages: chunk.pageEnd > chunk.page ? `${chunk.page}-${chunk.pageEnd}` : `${chunk.page}`,
    sectionPath: chunk.sectionPath,
    section: chunkTitle(chunk),
    contentType: chunk.contentType,
    score: Math.round(score * 1000) / 1000,
  };
  if (expand > 0) {
    const n = index.neighbours(chunk, expand);
    hit.context = { before: n.before.map((c) => c.text), after: n.after.map((c) => c.text), section: index.sectionText(chunk) };
  }
  return hit;
}
