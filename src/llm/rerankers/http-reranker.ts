import { fail, ok, type Reranker, type Result } from '../../core/index.js';
import { postJson } from '../post-json.js';

export interface HttpRerankerOptions {
  /** Base URL of a server with the rerank API, e.g. http://127.0.0.1:8080/v1 (llama.cpp, vLLM, LocalAI) or https://api.jina.ai/v1 */
  url: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
}

interface RerankBody {
  results?: { index?: unknown; relevance_score?: unknown }[];
}

/**
 * The rerank API as Cohere defined it and llama.cpp's server, vLLM, LocalAI, Jina and others serve it:
 * POST <url>/rerank {model, query, documents} answers {results: [{index, relevance_score}]}, best
 * first. The scores are handed back in the order of the passages given.
 */
export class HttpReranker implements Reranker {
  readonly id: string;

  constructor(private readonly options: HttpRerankerOptions) {
    this.id = `rerank:${options.model}`;
  }

  async rerank(query: string, passages: string[], signal?: AbortSignal): Promise<Result<number[]>> {
    const answer = await postJson(`${this.options.url.replace(/\/+$/, '')}/rerank`, { model: this.options.model, query, documents: passages, top_n: passages.length }, {
      apiKey: this.options.apiKey,
      timeoutMs: this.options.timeoutMs ?? 10_000,
      signal,
      service: 'the reranker',
      at: this.options.url,
      refused: `model "${this.options.model}"`,
      doing: 'reranking',
    });
    if (!answer.ok) return answer;
    // Servers may list the results best first or in any order: each is placed by its index.
    const scores = new Array<number>(passages.length).fill(Number.NaN);
    for (const r of (answer.value.body as RerankBody | null)?.results ?? []) {
      if (typeof r.index === 'number' && Number.isInteger(r.index) && r.index >= 0 && r.index < passages.length && typeof r.relevance_score === 'number') scores[r.index] = r.relevance_score;
    }
    if (scores.some((s) => !Number.isFinite(s))) return fail('UNAVAILABLE', `the reranker answered without a score for each of the ${passages.length} passages`);
    return ok(scores);
  }
}
