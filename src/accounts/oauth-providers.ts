import type { HubConfig } from '../config/config-schema.js';

/** What the hub needs to know of an OAuth2 provider to sign a user in with it. */
export interface OAuthProvider {
  /** URL segment: /auth/<name> and /auth/<name>/callback. */
  name: string;
  label: string;
  authorizationUrl: string;
  tokenUrl: string;
  userInfoUrl: string;
  /** RFC 7009 endpoint; null when the provider has none. */
  revocationUrl: string | null;
  clientId: string;
  clientSecret: string;
  scope: string[];
  /** Extra headers for the user-info request (Twitch's Helix wants Client-Id). */
  userInfoHeaders: Record<string, string>;
  /** The user's stable id and display name from the user-info answer. */
  profile(body: unknown): { id: string; name: string } | null;
}

const field = (body: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), body);

const stringField = (body: unknown, ...paths: string[]) => {
  for (const path of paths) {
    const value = field(body, path);
    if (typeof value === 'string' && value) return value;
    if (typeof value === 'number') return String(value);
  }
  return null;
};

/**
 * The providers this hub offers: Discord and Twitch when their client secrets are set, plus every
 * generic OAuth2 provider configured by its endpoints (any provider that speaks OAuth2, should D&D
 * Beyond or Roll20 ever publish one, is one configuration block away).
 */
export function configuredProviders(config: HubConfig): OAuthProvider[] {
  const oauth = config.auth.oauth;
  const providers: OAuthProvider[] = [];
  const discordClientId = oauth.discord.clientId ?? config.discord.applicationId;
  if (discordClientId && oauth.discord.clientSecret) {
    const api = config.discord.apiUrl.replace(/\/+$/, '');
    providers.push({
      name: 'discord',
      label: 'Discord',
      // Discord documents the consent page outside /api and the token endpoints under it.
      authorizationUrl: `${api.replace(/\/api$/, '')}/oauth2/authorize`,
      tokenUrl: `${api}/oauth2/token`,
      userInfoUrl: `${api}/users/@me`,
      revocationUrl: `${api}/oauth2/token/revoke`,
      clientId: discordClientId,
      clientSecret: oauth.discord.clientSecret,
      scope: ['identify'],
      userInfoHeaders: {},
      profile: (body) => {
        const id = stringField(body, 'id');
        return id ? { id, name: stringField(body, 'global_name', 'username') ?? id } : null;
      },
    });
  }
  const twitchClientId = oauth.twitch.clientId ?? config.twitch.clientId;
  if (twitchClientId && oauth.twitch.clientSecret) {
    const id = oauth.twitch.idUrl.replace(/\/+$/, '');
    providers.push({
      name: 'twitch',
      label: 'Twitch',
      authorizationUrl: `${id}/oauth2/authorize`,
      tokenUrl: `${id}/oauth2/token`,
      userInfoUrl: `${config.twitch.apiUrl.replace(/\/+$/, '')}/users`,
      revocationUrl: `${id}/oauth2/revoke`,
      clientId: twitchClientId,
      clientSecret: oauth.twitch.clientSecret,
      scope: [],
      userInfoHeaders: { 'Client-Id': twitchClientId },
      profile: (body) => {
        const userId = stringField(body, 'data.0.id');
        return userId ? { id: userId, name: stringField(body, 'data.0.display_name', 'data.0.login') ?? userId } : null;
      },
    });
  }
  for (const p of oauth.providers) {
    providers.push({
      name: p.name,
      label: p.label ?? p.name,
      authorizationUrl: p.authorizationUrl,
      tokenUrl: p.tokenUrl,
      userInfoUrl: p.userInfoUrl,
      revocationUrl: p.revocationUrl ?? null,
      clientId: p.clientId,
      clientSecret: p.clientSecret,
      scope: p.scope,
      userInfoHeaders: {},
      profile: (body) => {
        const userId = stringField(body, p.idField);
        return userId ? { id: userId, name: stringField(body, p.nameField) ?? userId } : null;
      },
    });
  }
  return providers;
}
