import { createHash } from 'node:crypto';
import type { Logger } from '../../core/index.js';
import type { DdbFailure } from './ddb-errors.js';

/** Where and how the hub talks to D&D Beyond (the `dndbeyond` configuration block). */
export interface DdbClientOptions {
  /** The character service's base URL; `/character/<id>` is appended. */
  apiUrl: string;
  /** The auth service's endpoint that exchanges a CobaltSession cookie for a short-lived bearer token. */
  authUrl: string;
  /** Each request is abandoned after this long. */
  timeoutMs: number;
  /** A response body larger than this is not read further. */
  maxBytes: number;
}

export const defaultDdbClientOptions: DdbClientOptions = {
  apiUrl: 'https://character-service.dndbeyond.com/character/v5',
  authUrl: 'https://auth-service.dndbeyond.com/v1/cobalt-token',
  timeoutMs: 15_000,
  maxBytes: 20 * 1024 * 1024,
};

type Outcome<T> = { ok: true; value: T } | { ok: false; failure: DdbFailure };

/** Tokens live about five minutes at D&D Beyond; refresh a little early so a request never carries a stale one. */
const TOKEN_MARGIN_MS = 30_000;
const DEFAULT_TOKEN_TTL_S = 300;

/**
 * Fetches characters from D&D Beyond's character service, the endpoint its own sheet and the
 * established importers (ddb-importer, Avrae) use. Public characters need nothing; for private ones
 * the owner's CobaltSession cookie is exchanged at the auth service for a bearer token, which is cached
 * (by a hash of the cookie, never the cookie itself) until shortly before it expires. Neither the
 * cookie nor the token is ever logged.
 */
export class DdbClient {
  private readonly tokens = new Map<string, { token: string; expiresAt: number }>();

  constructor(
    private readonly options: DdbClientOptions,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async fetchCharacter(id: string, credential: string | undefined, signal: AbortSignal): Promise<Outcome<unknown>> {
    let token: string | undefined;
    if (credential) {
      const exchanged = await this.bearerToken(credential, signal);
      if (!exchanged.ok) return exchanged;
      token = exchanged.value;
    }
    const url = `${this.options.apiUrl.replace(/\/+$/, '')}/character/${encodeURIComponent(id)}`;
    const started = this.now();
    const response = await this.request(url, { headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } }, signal);
    if (!response.ok) {
      this.logger.warn({ characterId: id, failure: response.failure.kind, authenticated: !!token }, 'D&D Beyond character fetch failed');
      return response;
    }
    const { status, body, contentType } = response.value;
    this.logger.info({ characterId: id, status, bytes: body.length, ms: this.now() - started, authenticated: !!token }, 'D&D Beyond character fetched');
    const json = parseJson(body, contentType, status);
    // A 403 web page is a browser check in front of the service, not a private character.
    if ((status === 401 || status === 403) && json.ok) {
      // A rejected token means the cookie no longer works: forget it so the next attempt exchanges again.
      if (credential) this.tokens.delete(hash(credential));
      return { ok: false, failure: { kind: 'private', withCredential: !!credential } };
    }
    if (status === 404) return { ok: false, failure: { kind: 'not-found' } };
    if (status === 429) return { ok: false, failure: { kind: 'rate-limited' } };
    if (!json.ok) return json;
    if (status >= 400) {
      const message = serviceMessage(json.value);
      return { ok: false, failure: { kind: 'http', status, ...(message ? { message } : {}) } };
    }
    // The service has also answered 200 with success:false for characters it will not show.
    if (isRecord(json.value) && json.value.success === false) {
      const message = serviceMessage(json.value);
      if (/not found|does not exist|deleted/i.test(message)) return { ok: false, failure: { kind: 'not-found' } };
      if (/private|unauthori[sz]ed|forbidden|permission/i.test(message)) return { ok: false, failure: { kind: 'private', withCredential: !!credential } };
      return { ok: false, failure: { kind: 'http', status, message } };
    }
    return { ok: true, value: json.value };
  }

  /** The bearer token for a cookie: cached until shortly before expiry, else exchanged at the auth service. */
  private async bearerToken(credential: string, signal: AbortSignal): Promise<Outcome<string>> {
    const cookie = credential.trim().replace(/^CobaltSession=/i, '').replace(/;.*$/, '');
    const key = hash(cookie);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - TOKEN_MARGIN_MS > this.now()) return { ok: true, value: cached.token };
    const response = await this.request(this.options.authUrl, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', cookie: `CobaltSession=${cookie}` } }, signal);
    if (!response.ok) return response;
    const { status, body, contentType } = response.value;
    const json = parseJson(body, contentType, status);
    const token = json.ok && isRecord(json.value) && typeof json.value.token === 'string' && json.value.token ? json.value.token : null;
    if (status >= 400 || !token) {
      this.logger.warn({ status }, 'D&D Beyond auth service did not exchange the session cookie');
      if (!json.ok && status < 400) return json;
      return { ok: false, failure: { kind: 'auth-rejected', status } };
    }
    const ttl = json.ok && isRecord(json.value) && typeof json.value.ttl === 'number' && json.value.ttl > 0 ? json.value.ttl : DEFAULT_TOKEN_TTL_S;
    this.tokens.set(key, { token, expiresAt: this.now() + ttl * 1000 });
    this.logger.debug({ ttlSeconds: ttl }, 'D&D Beyond session cookie exchanged for a token');
    return { ok: true, value: token };
  }

  /** One HTTP request with the caller's signal, a timeout, and a cap on the body read. */
  private async request(url: string, init: RequestInit, signal: AbortSignal): Promise<Outcome<{ status: number; body: string; contentType: string }>> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const combined = AbortSignal.any([signal, timeout]);
    const aborted = (): DdbFailure => (signal.aborted ? { kind: 'cancelled' } : { kind: 'timeout', ms: this.options.timeoutMs });
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: combined, redirect: 'follow' });
    } catch (error) {
      if (combined.aborted) return { ok: false, failure: aborted() };
      return { ok: false, failure: { kind: 'network', message: describe(error) } };
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > this.options.maxBytes) {
      await response.body?.cancel().catch(() => {});
      return { ok: false, failure: { kind: 'too-large', limitBytes: this.options.maxBytes } };
    }
    try {
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = response.body?.getReader();
      while (reader) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > this.options.maxBytes) {
          await reader.cancel().catch(() => {});
          return { ok: false, failure: { kind: 'too-large', limitBytes: this.options.maxBytes } };
        }
        chunks.push(value);
      }
      const body = Buffer.concat(chunks).toString('utf8');
      return { ok: true, value: { status: response.status, body, contentType: response.headers.get('content-type') ?? '' } };
    } catch (error) {
      if (combined.aborted) return { ok: false, failure: aborted() };
      return { ok: false, failure: { kind: 'network', message: describe(error) } };
    }
  }
}

function parseJson(body: string, contentType: string, status: number): Outcome<unknown> {
  const start = body.trimStart().slice(0, 15).toLowerCase();
  if (/text\/html/i.test(contentType) || start.startsWith('<!doctype') || start.startsWith('<html') || start.startsWith('<')) return { ok: false, failure: { kind: 'html', status } };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, failure: { kind: 'bad-json', status } };
  }
}

/** The service's error envelope: `{success: false, message, data: {serverMessage, errorCode}}`. */
function serviceMessage(body: unknown): string {
  if (!isRecord(body)) return '';
  const server = isRecord(body.data) && typeof body.data.serverMessage === 'string' ? body.data.serverMessage : '';
  return [typeof body.message === 'string' ? body.message : '', server].filter(Boolean).join(': ');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hash = (value: string) => createHash('sha256').update(value).digest('hex');
const describe = (error: unknown) => {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`.slice(0, 200);
};
