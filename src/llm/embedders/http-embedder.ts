import { fail, ok, type Embedder, type Result } from '../../core/index.js';
import { postJson } from '../post-json.js';

export interface HttpEmbedderOptions {
  /** Base URL, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434 */
  url: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
}

/**
 * Posts texts to an embedding API and reads the vectors back. The wire formats differ only in paths
 * and field names, so OpenAI (and OpenAI-compatible servers) and Ollama share this.
 */
abstract class HttpEmbedder implements Embedder {
  abstract readonly id: string;
  protected abstract readonly path: string;
  protected abstract readonly service: string;
  protected abstract vectors(body: unknown, count: number): number[][] | null;

  constructor(protected readonly options: HttpEmbedderOptions) {}

  async embed(texts: string[], signal?: AbortSignal): Promise<Result<number[][]>> {
    const answer = await postJson(`${this.options.url.replace(/\/+$/, '')}${this.path}`, { model: this.options.model, input: texts }, {
      apiKey: this.options.apiKey,
      timeoutMs: this.options.timeoutMs ?? 60_000,
      signal,
      service: this.service,
      at: this.options.url,
      refused: `to embed with model "${this.options.model}"`,
      doing: 'embedding',
    });
    if (!answer.ok) return answer;
    const vectors = this.vectors(answer.value.body, texts.length);
    if (!vectors) return fail('UNAVAILABLE', `${this.service} answered without ${texts.length} embeddings`);
    return ok(vectors);
  }
}

/** The OpenAI embeddings API (POST /embeddings), also served by OpenAI-compatible local servers. */
export class OpenAiEmbedder extends HttpEmbedder {
  readonly id: string;
  protected readonly path = '/embeddings';
  protected readonly service = 'The OpenAI embeddings API';

  constructor(options: HttpEmbedderOptions) {
    super(options);
    this.id = `openai:${options.model}`;
  }

  protected vectors(body: unknown, count: number): number[][] | null {
    const data = (body as { data?: { index: number; embedding: number[] }[] } | null)?.data;
    if (!Array.isArray(data) || data.length !== count) return null;
    return [...data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
  }
}

/** Ollama's embedding endpoint (POST /api/embed). */
export class OllamaEmbedder extends HttpEmbedder {
  readonly id: string;
  protected readonly path = '/api/embed';
  protected readonly service = 'Ollama';

  constructor(options: HttpEmbedderOptions) {
    super(options);
    this.id = `ollama:${options.model}`;
  }

  protected vectors(body: unknown, count: number): number[][] | null {
    const embeddings = (body as { embeddings?: number[][] } | null)?.embeddings;
    return Array.isArray(embeddings) && embeddings.length === count ? embeddings : null;
  }
}
