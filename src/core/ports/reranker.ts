import type { Result } from '../result.js';

/**
 * Scores passages against a question, reading both together (a cross-encoder), which ranks more
 * precisely than comparing separate vectors. Optional: search reorders its best candidates with it
 * when one is configured. An unreachable service is an expected failure: search keeps its own order
 * and says why.
 */
export interface Reranker {
  /** e.g. "rerank:bge-reranker-base", for logs and search notes. */
  readonly id: string;
  /** One relevance score per passage, in the order given; higher is more relevant. */
  rerank(query: string, passages: string[], signal?: AbortSignal): Promise<Result<number[]>>;
}
