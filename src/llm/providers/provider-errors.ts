import { LlmFailure, type LlmFailureKind } from '../../core/index.js';

/** The fields both SDKs' APIError classes share. */
interface SdkError {
  name?: string;
  message?: string;
  status?: number;
  headers?: Headers | Record<string, string> | undefined;
  error?: unknown;
  type?: string;
}

/**
 * Turns whatever an SDK threw into an LlmFailure the router can act on. The message says which
 * provider and what it answered, and never carries request headers (where the key lives).
 */
export function toLlmFailure(error: unknown, provider: string, signal?: AbortSignal): LlmFailure {
  if (error instanceof LlmFailure) return error;
  const e = (error ?? {}) as SdkError;
  if (signal?.aborted || e.name === 'APIUserAbortError' || e.name === 'AbortError') return new LlmFailure('cancelled', 'The request was cancelled', { provider });
  const status = typeof e.status === 'number' ? e.status : undefined;
  const retryAfterMs = retryAfter(e.headers);
  const bodyType = errorType(e.error) ?? e.type;
  const detail = errorMessage(e.error) ?? e.message ?? String(error);
  let kind: LlmFailureKind;
  if (e.name === 'APIConnectionTimeoutError') kind = 'timeout';
  else if (e.name === 'APIConnectionError' || (status === undefined && /fetch failed|ECONNREFUSED|ECONNRESET|socket/i.test(detail))) kind = 'network';
  else if (status === 429 || bodyType === 'rate_limit_error') kind = 'rate_limit';
  else if (status === 529 || bodyType === 'overloaded_error') kind = 'overloaded';
  else if (status === 401 || status === 403 || bodyType === 'authentication_error' || bodyType === 'permission_error') kind = 'auth';
  else if (status === 408) kind = 'timeout';
  else if (status !== undefined && status >= 500) kind = 'server';
  else if (status !== undefined && status >= 400) kind = 'bad_request';
  else if (bodyType === 'api_error' || status === undefined) kind = 'server'; // an error event in the middle of a stream
  else kind = 'server';
  const what = status ? `HTTP ${status}` : 'a stream error';
  return new LlmFailure(kind, `${provider} answered ${what}: ${oneLine(detail)}`, { provider, ...(status ? { status } : {}), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
}

/** `retry-after-ms`, else `retry-after` in seconds or as an HTTP date. */
export function retryAfter(headers: SdkError['headers']): number | undefined {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : (headers as Record<string, string> | undefined)?.[name]) ?? null;
  const ms = get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = get('retry-after');
  if (!value) return undefined;
  if (Number.isFinite(Number(value))) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function errorType(body: unknown): string | undefined {
  const b = body as { type?: unknown; error?: { type?: unknown; code?: unknown } } | undefined;
  const t = b?.error?.type ?? b?.type;
  return typeof t === 'string' ? t : undefined;
}

function errorMessage(body: unknown): string | undefined {
  const b = body as { message?: unknown; error?: { message?: unknown } } | undefined;
  const m = b?.error?.message ?? b?.message;
  return typeof m === 'string' ? m : undefined;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').slice(0, 300);

/** Parses streamed tool arguments; a model that sent broken JSON gets its raw text back as the input. */
export function parseArguments(json: string): unknown {
  if (json.trim() === '') return {};
  try {
    return JSON.parse(json);
  } catch {
    return { _unparsedArguments: json };
  }
}
