import { fail, ok, type Embedder, type Result } from '../../core/index.js';

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
    const url = `${this.options.url.replace(/\/+$/, '')}${this.path}`;
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 60_000);
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}) },
        body: JSON.stringify({ model: this.options.model, input: texts }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      if (signal?.aborted) return fail('CANCELLED', 'embedding was cancelled');
      return fail('UNAVAILABLE', `${this.service} at ${this.options.url} does not answer (${(error as Error).cause ?? (error as Error).message})`);
    }
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    if (!res.ok) {
      const message = (body as { error?: { message?: string } | string } | null)?.error;
      const detail = typeof message === 'string' ? message : (message?.message ?? text.slice(0, 200));
      return fail('UNAVAILABLE', `${this.service} refused to embed with model "${this.options.model}" (HTTP ${res.status}: ${detail})`);
    }
    const vectors = this.vectors(body, texts.length);
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
