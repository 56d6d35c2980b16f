import type { Result } from '../result.js';

/**
 * Turns passages and questions into vectors. Implementations: an offline hashing embedder (no network,
 * the default), a local sentence model, and the OpenAI and Ollama embedding APIs.
 * An unreachable service or a missing model is an expected failure, so `embed` returns a Result;
 * the library then searches by keywords only and says why.
 */
export interface Embedder {
  /**
   * Names the vector space, e.g. "hash-v1-384" or "openai:text-embedding-3-small". Vectors of
   * different ids are never compared: each id gets its own collection.
   */
  readonly id: string;
  embed(texts: string[], signal?: AbortSignal): Promise<Result<number[][]>>;
  close?(): Promise<void>;
}
