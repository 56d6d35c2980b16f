import { fail, ok, type Result } from '../core/index.js';

export interface PostJsonOptions {
  /** Sent as a bearer token when given. */
  apiKey?: string | undefined;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Names the service in error messages, e.g. "Ollama" or "the reranker". */
  service: string;
  /** The server's base URL as the user configured it, for "does not answer". */
  at: string;
  /** What was refused, e.g. `to embed with model "m"`. */
  refused: string;
  /** What the request was for, e.g. "embedding" (for the cancellation message). */
  doing: string;
}

/** A successful answer: its status and body (parsed JSON, or null when it was not JSON). */
export interface JsonAnswer {
  status: number;
  body: unknown;
}

/**
 * POSTs JSON to a model server (embeddings, reranking) and reads JSON back. Unreachable servers,
 * timeouts and non-2xx answers are expected failures, worded once here with what the server said;
 * the caller reads its own fields from the body.
 */
export async function postJson(url: string, payload: unknown, options: PostJsonOptions): Promise<Result<JsonAnswer>> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
      body: JSON.stringify(payload),
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
  } catch (error) {
    if (options.signal?.aborted) return fail('CANCELLED', `${options.doing} was cancelled`);
    return fail('UNAVAILABLE', `${options.service} at ${options.at} does not answer (${(error as Error).cause ?? (error as Error).message})`);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {}
  if (!res.ok) {
    const message = (body as { error?: { message?: string } | string } | null)?.error;
    const detail = typeof message === 'string' ? message : (message?.message ?? text.slice(0, 200));
    return fail('UNAVAILABLE', `${options.service} refused ${options.refused} (HTTP ${res.status}: ${detail})`);
  }
  return ok({ status: res.status, body });
}
