import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { fail, ok, type AccessService, type Actor, type CoreDeps, type Logger, type Result, type SecretBox, type Store } from '../core/index.js';
import type { OAuthProvider } from './oauth-providers.js';

/** Prefix of a web session used as a bearer token. */
export const SESSION_TOKEN_PREFIX = 'ttws_';

const digest = (secret: string) => createHash('sha256').update(secret).digest('hex');
const accountKey = (accountId: string) => `account:${accountId}`;
const sessionKey = (sessionId: string) => `websession:${digest(sessionId)}`;

/** A person signed in through an OAuth provider, with the campaign memberships they proved. */
export const AccountSchema = z.object({
  id: z.string().describe('<provider>:<user id at the provider>'),
  provider: z.string(),
  userId: z.string(),
  name: z.string(),
  /** The provider's tokens, sealed with the hub key: `{accessToken, refreshToken}`. */
  tokens: z.string(),
  expiresAt: z.string().nullable(),
  memberships: z.array(z.object({ campaignId: z.string(), memberId: z.string(), linkedAt: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof AccountSchema>;

interface WebSession {
  accountId: string;
  expiresAt: string;
}

interface ProviderTokens {
  accessToken: string;
  refreshToken: string | null;
}

/** What the page learns about who is signed in: never a token. */
export interface AccountView {
  id: string;
  provider: string;
  name: string;
  /** Set when the provider is Discord: the bot knows the same user, their characters carry this id. */
  discordUserId: string | null;
  memberships: { campaignId: string; campaignName: string; role: string; memberId: string }[];
}

export interface AccountDeps {
  store: Store;
  secrets: SecretBox;
  access: AccessService;
  campaigns: CoreDeps['campaigns'];
  logger: Logger;
  sessionDays: number;
  /** The HTTP client used to talk to providers (a stand-in's URL in tests comes from config). */
  fetch?: typeof fetch;
}

/**
 * Accounts and web sessions in the hub's store. A session id lives only in the user's cookie (the
 * store keeps its hash); provider tokens are sealed; every change goes through `Store.update`.
 */
export class AccountService {
  readonly #fetch: typeof fetch;
  constructor(private readonly deps: AccountDeps) {
    this.#fetch = deps.fetch ?? fetch;
  }

  /** Records a sign-in: creates or refreshes the account with the provider's new tokens. */
  async signedIn(provider: OAuthProvider, profile: { id: string; name: string }, tokens: ProviderTokens & { expiresIn: number | null }): Promise<Account> {
    const now = new Date();
    const sealed = this.deps.secrets.seal(JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }));
    const expiresAt = tokens.expiresIn ? new Date(now.getTime() + tokens.expiresIn * 1000).toISOString() : null;
    const id = `${provider.name}:${profile.id}`;
    const stored = await this.deps.store.update<Account>(accountKey(id), (current) => ({
      id,
      provider: provider.name,
      userId: profile.id,
      name: profile.name,
      tokens: sealed,
      expiresAt,
      memberships: current?.memberships ?? [],
      createdAt: current?.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
    }));
    return stored!;
  }

  /**
   * The bearer form of a web session, for the page's socket and API calls (`ttws_<session id>`): the
   * browser keeps it in the tab only, and it is worth exactly what the session cookie is.
   */
  async actorForSessionToken(token: string): Promise<Result<Actor>> {
    const account = await this.account(token.slice(SESSION_TOKEN_PREFIX.length));
    return account.ok ? this.actorIn(account.value, undefined) : account;
  }

  async createSession(accountId: string): Promise<string> {
    const sessionId = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.deps.sessionDays * 86_400_000).toISOString();
    await this.deps.store.set<WebSession>(sessionKey(sessionId), { accountId, expiresAt });
    return sessionId;
  }

  async endSession(sessionId: string): Promise<void> {
    await this.deps.store.delete(sessionKey(sessionId));
  }

  /** The account behind a session cookie, or a clear reason why there is none. */
  async account(sessionId: string | null | undefined): Promise<Result<Account>> {
    const signIn = 'Not signed in (or the sign-in expired): sign in again';
    if (!sessionId) return fail('UNAUTHENTICATED', signIn);
    const session = await this.deps.store.get<WebSession>(sessionKey(sessionId));
    if (!session) return fail('UNAUTHENTICATED', signIn);
    if (Date.parse(session.expiresAt) < Date.now()) {
      await this.deps.store.delete(sessionKey(sessionId));
      return fail('UNAUTHENTICATED', signIn);
    }
    const account = await this.deps.store.get<Account>(accountKey(session.accountId));
    return account ? ok(account) : fail('UNAUTHENTICATED', signIn);
  }

  async view(account: Account): Promise<AccountView> {
    const memberships: AccountView['memberships'] = [];
    for (const m of account.memberships) {
      const actor = await this.deps.access.actorForMember(m.campaignId, m.memberId);
      const campaign = await this.deps.campaigns.get(m.campaignId);
      if (actor.ok && actor.value.kind === 'member' && campaign.ok) memberships.push({ campaignId: m.campaignId, campaignName: campaign.value.name, role: actor.value.role, memberId: m.memberId });
    }
    return { id: account.id, provider: account.provider, name: account.name, discordUserId: account.provider === 'discord' ? account.userId : null, memberships };
  }

  /**
   * Links a campaign membership to the account: the user proves it once with the campaign token their
   * GM gave them. From then on the account acts in that campaign with the member's current role.
   */
  async link(accountId: string, token: string): Promise<Result<{ campaignId: string; memberId: string }>> {
    const actor = await this.deps.access.authenticate(token);
    if (!actor.ok) return fail('UNAUTHENTICATED', actor.error.message, { field: 'token' });
    if (actor.value.kind !== 'member') return fail('VALIDATION', 'Link a campaign token (gm, player or viewer), not the owner token: the owner signs in with the owner token itself', { field: 'token' });
    const { campaignId, id: memberId } = actor.value;
    await this.deps.store.update<Account>(accountKey(accountId), (current) => {
      if (!current) throw new Error(`account ${accountId} vanished while linking`);
      const others = current.memberships.filter((m) => m.campaignId !== campaignId);
      return { ...current, memberships: [...others, { campaignId, memberId, linkedAt: new Date().toISOString() }], updatedAt: new Date().toISOString() };
    });
    return ok({ campaignId, memberId });
  }

  /**
   * The actor this account is in one campaign: exactly its member record's role there, or nothing.
   * Without a campaign, the membership linked last (a browser acts in one campaign at a time).
   */
  async actorIn(account: Account, campaignId: string | undefined): Promise<Result<Actor>> {
    const membership = campaignId ? account.memberships.find((m) => m.campaignId === campaignId) : account.memberships.at(-1);
    if (!membership) {
      return fail(
        campaignId ? 'FORBIDDEN' : 'UNAUTHENTICATED',
        campaignId
          ? `Your account has no membership in campaign ${campaignId}: link the token your GM gave you`
          : `You are signed in as ${account.name}, but no campaign is linked yet: sign in once with the token your GM gave you, and it is linked to your account`,
      );
    }
    return this.deps.access.actorForMember(membership.campaignId, membership.memberId);
  }

  /** A valid access token for calling the provider as the user, refreshed when it expires within a minute. */
  async accessToken(account: Account, provider: OAuthProvider): Promise<Result<string>> {
    const tokens = JSON.parse(this.deps.secrets.open(account.tokens)) as ProviderTokens;
    const expiring = account.expiresAt !== null && Date.parse(account.expiresAt) - Date.now() < 60_000;
    if (!expiring) return ok(tokens.accessToken);
    if (!tokens.refreshToken) return fail('UNAUTHENTICATED', `Your ${provider.label} sign-in expired: sign in again`);
    const answer = await this.#tokenRequest(provider, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken });
    if (!answer.ok) return answer;
    const refreshed = await this.signedIn(provider, { id: account.userId, name: account.name }, { ...answer.value, refreshToken: answer.value.refreshToken ?? tokens.refreshToken });
    this.deps.logger.info({ account: account.id }, `Refreshed the ${provider.label} token of a signed-in account`);
    return ok((JSON.parse(this.deps.secrets.open(refreshed.tokens)) as ProviderTokens).accessToken);
  }

  /** Unlinks the account: revokes its tokens at the provider, deletes it and signs this browser out. */
  async unlink(account: Account, provider: OAuthProvider | undefined, sessionId: string): Promise<void> {
    const tokens = JSON.parse(this.deps.secrets.open(account.tokens)) as ProviderTokens;
    if (provider?.revocationUrl) {
      for (const [token, hint] of [[tokens.refreshToken, 'refresh_token'], [tokens.accessToken, 'access_token']] as const) {
        if (!token) continue;
        const res = await this.#post(provider.revocationUrl, { token, token_type_hint: hint, client_id: provider.clientId, client_secret: provider.clientSecret }).catch((error: Error) => error);
        if (res instanceof Error || !res.ok) this.deps.logger.warn({ account: account.id, status: res instanceof Error ? res.message : res.status }, `${provider.label} did not confirm the token revocation`);
      }
    }
    await this.deps.store.delete(accountKey(account.id));
    await this.endSession(sessionId);
  }

  async #tokenRequest(provider: OAuthProvider, form: Record<string, string>): Promise<Result<ProviderTokens & { expiresIn: number | null }>> {
    const res = await this.#post(provider.tokenUrl, { ...form, client_id: provider.clientId, client_secret: provider.clientSecret }).catch(() => null);
    const body = res ? ((await res.json().catch(() => null)) as Record<string, unknown> | null) : null;
    if (!res?.ok || typeof body?.access_token !== 'string') {
      return fail('UNAVAILABLE', `${provider.label} refused to refresh the sign-in (${res ? res.status : 'no answer'}${typeof body?.error === 'string' ? `: ${body.error}` : ''}): sign in again`);
    }
    return ok({
      accessToken: body.access_token,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : null,
      expiresIn: typeof body.expires_in === 'number' ? body.expires_in : null,
    });
  }

  #post(url: string, form: Record<string, string>) {
    return this.#fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: new URLSearchParams(form), signal: AbortSignal.timeout(10_000) });
  }
}
