import type { IndexHit } from '../ports/search-index.js';

/** How the keyword and vector rankings are merged. */
export interface FusionOptions {
  /**
   * "weighted" (default): each list's scores scaled to 0..1 (BM25 by the best score, similarities
   * min-max over the candidates), then summed with the weights, so a list's confidence carries over.
   * "rrf": reciprocal-rank fusion, sum of weight / (rrfK + rank); it ignores the scores, which gives
   * a weak vector list as much say as a sure keyword one.
   */
  method: 'rrf' | 'weighted';
  keywordWeight: number;
  vectorWeight: number;
  rrfK: number;
}

export const defaultFusion: FusionOptions = { method: 'weighted', keywordWeight: 1, vectorWeight: 0.4, rrfK: 60 };

export interface FusedHit {
  id: string;
  fused: number;
  keywordRank: number | null;
  vectorRank: number | null;
  /** The vector list's own score (cosine similarity), when the passage was in it. */
  similarity: number | null;
}

/** Merges the two rankings into one, best first. Either list may be empty. */
export function fuse(keyword: IndexHit[], vector: IndexHit[], options: FusionOptions): FusedHit[] {
  const byId = new Map<string, FusedHit>();
  const entry = (id: string) => {
    let hit = byId.get(id);
    if (!hit) byId.set(id, (hit = { id, fused: 0, keywordRank: null, vectorRank: null, similarity: null }));
    return hit;
  };
  const contribute = (list: IndexHit[], weight: number, which: 'keywordRank' | 'vectorRank') => {
    if (!list.length || weight <= 0) return;
    const top = list[0]!.score;
    // BM25 scores start at 0 (no shared word); similarities have no natural floor, so the list's own.
    const bottom = which === 'keywordRank' ? 0 : list.at(-1)!.score;
    list.forEach((h, i) => {
      const hit = entry(h.id);
      hit[which] = i + 1;
      if (which === 'vectorRank') hit.similarity = h.score;
      hit.fused += options.method === 'rrf' ? weight / (options.rrfK + i + 1) : weight * (top === bottom ? 1 : (h.score - bottom) / (top - bottom));
    });
  };
  contribute(keyword, options.keywordWeight, 'keywordRank');
  contribute(vector, options.vectorWeight, 'vectorRank');
  return [...byId.values()].sort((a, b) => b.fused - a.fused || (a.keywordRank ?? Infinity) - (b.keywordRank ?? Infinity));
}
