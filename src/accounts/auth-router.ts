import express, { type Request, type Response } from 'express';
import { Passport } from 'passport';
import { Strategy as OAuth2Strategy, type VerifyCallback } from 'passport-oauth2';
import { z } from 'zod';
import type { Logger, SecretBox, Store } from '../core/index.js';
import { errorBody, httpStatus } from '../http/http-errors.js';
import { SESSION_TOKEN_PREFIX, type Account, type AccountService } from './account-service.js';
import { readCookie, SESSION_COOKIE, sessionCookies } from './cookies.js';
import type { OAuthProvider } from './oauth-providers.js';
import { PendingSignIns } from './pending-sign-ins.js';

/** passport-oauth2 with the provider's own user-info request (each provider names its fields differently). */
class ProviderStrategy extends OAuth2Strategy {
  constructor(
    private readonly provider: OAuthProvider,
    options: { store: PendingSignIns },
    verify: (accessToken: string, refreshToken: string, params: Record<string, unknown>, profile: { id: string; name: string }, done: VerifyCallback) => void,
  ) {
    super(
      {
        authorizationURL: provider.authorizationUrl,
        tokenURL: provider.tokenUrl,
        clientID: provider.clientId,
        clientSecret: provider.clientSecret,
        scope: provider.scope,
        state: true,
        pkce: true,
        store: options.store as never,
      },
      verify,
    );
    this.name = provider.name;
  }

  override userProfile(accessToken: string, done: (err?: unknown, profile?: unknown) => void): void {
    fetch(this.provider.userInfoUrl, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', ...this.provider.userInfoHeaders }, signal: AbortSignal.timeout(10_000) })
      .then(async (res) => {
        if (!res.ok) throw new Error(`${this.provider.label} answered ${res.status} for the user's profile`);
        const profile = this.provider.profile(await res.json());
        if (!profile) throw new Error(`${this.provider.label}'s profile has no user id`);
        done(null, profile);
      })
      .catch((error: Error) => done(error));
  }
}

export interface AuthRouterOptions {
  providers: OAuthProvider[];
  accounts: AccountService;
  store: Store;
  secrets: SecretBox;
  logger: Logger;
  /** The hub's public address (PUBLIC_URL, else where it listens): redirect URIs are built from it. */
  publicUrl: () => string;
  sessionDays: number;
}

/**
 * Sign-in for the hub's web pages: the OAuth2 authorization-code flow with PKCE (S256) and a state
 * bound to the browser, at /auth/<provider> and /auth/<provider>/callback; then a session cookie.
 * A signed-in account acts in a campaign only through a membership it linked with a campaign token.
 */
export function createAuthRouter(options: AuthRouterOptions): express.Router {
  const { providers, accounts, logger } = options;
  const secureCookies = () => options.publicUrl().startsWith('https:');
  const callbackURL = (provider: OAuthProvider) => `${options.publicUrl().replace(/\/+$/, '')}/auth/${provider.name}/callback`;
  const passport = new Passport();
  for (const provider of providers) {
    const store = new PendingSignIns(options.store, options.secrets, provider.name, secureCookies);
    passport.use(
      new ProviderStrategy(provider, { store }, (accessToken, refreshToken, params, profile, done) => {
        const expiresIn = typeof params.expires_in === 'number' ? params.expires_in : Number(params.expires_in) || null;
        accounts.signedIn(provider, profile, { accessToken, refreshToken: refreshToken || null, expiresIn }).then((account) => done(null, account), done);
      }),
    );
  }
  const byName = new Map(providers.map((p) => [p.name, p]));
  const router = express.Router();
  router.use(passport.initialize());

  const sessionId = (req: Request) => readCookie(req.headers.cookie, SESSION_COOKIE);
  const refuse = (res: Response, code: keyof typeof httpStatus, message: string, field?: string) =>
    void res.status(httpStatus[code]).json(errorBody({ code, message, ...(field ? { field } : {}) }));

  router.get('/auth/providers', (_req, res) => {
    res.json({ providers: providers.map((p) => ({ id: p.name, name: p.name, label: p.label, url: `/auth/${p.name}` })) });
  });

  router.get('/auth/me', async (req, res) => {
    const account = await accounts.account(sessionId(req));
    if (!account.ok) return refuse(res, 'UNAUTHENTICATED', account.error.message);
    const provider = byName.get(account.value.provider);
    // ?refresh: checks the provider sign-in is still good, refreshing its token when it is about to expire.
    if (req.query.refresh !== undefined && provider) {
      const token = await accounts.accessToken(account.value, provider);
      if (!token.ok) return refuse(res, token.error.code, token.error.message);
    }
    const fresh = await accounts.account(sessionId(req));
    res.json(await accounts.view(fresh.ok ? fresh.value : account.value));
  });

  const json = express.json({ limit: '8kb' });
  // Cookie-authenticated writes accept only JSON: a cross-site form cannot send it without CORS, which the hub does not grant.
  const requireJson = (req: Request, res: Response, next: () => void) => (req.is('application/json') ? next() : refuse(res, 'VALIDATION', 'Send Content-Type: application/json'));

  router.post('/auth/link', requireJson, json, async (req, res) => {
    const body = z.object({ token: z.string().min(1).max(200) }).safeParse(req.body);
    if (!body.success) return refuse(res, 'VALIDATION', 'Expected {"token": "<the campaign token your GM gave you>"}', 'token');
    const account = await accounts.account(sessionId(req));
    if (!account.ok) return refuse(res, 'UNAUTHENTICATED', account.error.message);
    const linked = await accounts.link(account.value.id, body.data.token);
    if (!linked.ok) return refuse(res, linked.error.code, linked.error.message, linked.error.field);
    const after = await accounts.account(sessionId(req));
    res.json(await accounts.view(after.ok ? after.value : account.value));
  });

  router.post('/auth/logout', requireJson, async (req, res) => {
    const sid = sessionId(req);
    if (sid) await accounts.endSession(sid);
    res.append('Set-Cookie', sessionCookies(null, { maxAgeSeconds: 0, secure: secureCookies() })).json({ ok: true });
  });

  router.post('/auth/unlink', requireJson, async (req, res) => {
    const sid = sessionId(req);
    const account = await accounts.account(sid);
    if (!account.ok) return refuse(res, 'UNAUTHENTICATED', account.error.message);
    await accounts.unlink(account.value, byName.get(account.value.provider), sid!);
    res.append('Set-Cookie', sessionCookies(null, { maxAgeSeconds: 0, secure: secureCookies() })).json({ ok: true, revoked: account.value.provider });
  });

  router.get('/auth/:provider', (req, res, next) => {
    const provider = byName.get(req.params.provider!);
    if (!provider) return refuse(res, 'NOT_FOUND', signInHelp(req.params.provider!, providers));
    passport.authenticate(provider.name, { session: false, callbackURL: callbackURL(provider) } as object)(req, res, next);
  });

  router.get('/auth/:provider/callback', (req, res, next) => {
    const provider = byName.get(req.params.provider!);
    if (!provider) return refuse(res, 'NOT_FOUND', signInHelp(req.params.provider!, providers));
    passport.authenticate(provider.name, { session: false, callbackURL: callbackURL(provider) } as object, async (error: Error | null, account: Account | false, info?: { message?: string }) => {
      if (error) {
        logger.warn({ provider: provider.name, reason: error.message }, 'sign-in failed');
        return refuse(res, 'UNAVAILABLE', `${provider.label} did not complete the sign-in: ${error.message}`);
      }
      if (!account) return refuse(res, 'FORBIDDEN', info?.message ?? `The ${provider.label} sign-in was refused`);
      const sid = await accounts.createSession(account.id);
      logger.info({ account: account.id }, `Signed in with ${provider.label}`);
      // The page takes its token from the fragment, which browsers never send to a server, and drops it from the address bar.
      res.append('Set-Cookie', sessionCookies(sid, { maxAgeSeconds: options.sessionDays * 86_400, secure: secureCookies() })).redirect(303, `/#token=${SESSION_TOKEN_PREFIX}${sid}`);
    })(req, res, next);
  });

  return router;
}

function signInHelp(name: string, providers: OAuthProvider[]): string {
  const known = providers.map((p) => p.name).join(', ') || 'none is configured (set DISCORD_CLIENT_SECRET, TWITCH_CLIENT_SECRET or auth.oauth.providers)';
  return `No sign-in provider "${name}": expected one of ${known}`;
}
