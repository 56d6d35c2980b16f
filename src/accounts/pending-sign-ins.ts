import { createHash, randomBytes } from 'node:crypto';
import type { Request } from 'express';
import type { SecretBox, Store } from '../core/index.js';
import { cookie, readCookie, STATE_COOKIE } from './cookies.js';

interface PendingSignIn {
  provider: string;
  /** The PKCE code verifier, sealed: it must reach only the token endpoint. */
  verifier: string;
  expiresAt: number;
}

const TEN_MINUTES = 600;
const pendingKey = (state: string) => `oauth:pending:${createHash('sha256').update(state).digest('hex')}`;

/**
 * passport-oauth2's state store, kept in the hub's store (so any hub process can finish a sign-in
 * another one started) and bound to the browser by a cookie: a `state` from someone else's sign-in
 * (login CSRF) or replayed a second time is refused. Holds the PKCE verifier for the token request.
 */
export class PendingSignIns {
  constructor(
    private readonly kv: Store,
    private readonly secrets: SecretBox,
    private readonly provider: string,
    private readonly secureCookies: () => boolean,
  ) {}

  // passport-oauth2 picks the PKCE form of the store by these methods' arity (5 and 4): keep the parameters.
  store(req: Request, verifier: string, _state: unknown, _meta: unknown, callback: (err: Error | null, state?: string) => void): void {
    const state = randomBytes(24).toString('base64url');
    const pending: PendingSignIn = { provider: this.provider, verifier: this.secrets.seal(verifier), expiresAt: Date.now() + TEN_MINUTES * 1000 };
    this.kv
      .set(pendingKey(state), pending)
      .then(() => {
        req.res?.append('Set-Cookie', cookie(STATE_COOKIE, state, { path: '/auth', maxAgeSeconds: TEN_MINUTES, secure: this.secureCookies() }));
        callback(null, state);
      })
      .catch((error: Error) => callback(error));
  }

  verify(req: Request, providedState: string, _meta: unknown, callback: (err: Error | null, ok: string | false, info?: { message: string }) => void): void {
    const mismatch = { message: 'This sign-in link was not started in this browser, was already used, or expired after 10 minutes (state mismatch): start the sign-in again' };
    const browserState = readCookie(req.headers.cookie, STATE_COOKIE);
    req.res?.append('Set-Cookie', cookie(STATE_COOKIE, '', { path: '/auth', maxAgeSeconds: 0, secure: this.secureCookies() }));
    if (!providedState || browserState !== providedState) return callback(null, false, mismatch);
    (async () => {
      const key = pendingKey(providedState);
      const pending = await this.kv.get<PendingSignIn>(key);
      // Deleting is the one-time use: of two requests with the same state, one deletes it.
      const taken = pending ? await this.kv.delete(key) : false;
      if (!pending || !taken || pending.provider !== this.provider || pending.expiresAt < Date.now()) return callback(null, false, mismatch);
      callback(null, this.secrets.open(pending.verifier));
    })().catch((error: Error) => callback(error, false));
  }
}
