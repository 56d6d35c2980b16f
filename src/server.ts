import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { storeUrl, type HubConfig } from './config/config-schema.js';
import { createCore, InMemoryEventBus, type AnyTool, type CharacterImporter, type GameMasterSettings, type Clock, type Core, type EventBus, type Logger, type Random, type SecretBox, type Store, AesSecretBox, importBodyBytes } from './core/index.js';
import { foundryRoutes } from './adapters/foundry/index.js';
import { createHttpApp } from './http/create-http-app.js';
import type { StatusSources } from './http/hub-status.js';
import { ensureOwnerToken } from './http/owner-token.js';
import { createLogger } from './logging/create-logger.js';
import { connectRedisFanout } from './realtime/redis-fanout.js';
import { attachSocketGateway } from './realtime/socket-gateway.js';
import { openStore } from './stores/open-store.js';
import { ensureHubSecretKey } from './secrets/hub-secret-key.js';
import { createImporters } from './importers/create-importers.js';
import { openRulesParts } from './stores/open-rules-index.js';
import { InFlightCalls } from './lifecycle/in-flight-calls.js';
import { HubMetrics } from './metrics/hub-metrics.js';
import { scheduleBackups } from './stores/store-backup.js';
import { join } from 'node:path';
import { AccountService, SESSION_TOKEN_PREFIX } from './accounts/account-service.js';
import { createAuthRouter } from './accounts/auth-router.js';
import { readCookie, SESSION_COOKIE } from './accounts/cookies.js';
import { configuredProviders } from './accounts/oauth-providers.js';
import { hubVersion } from './version.js';
import { openGameMasterSettings } from './llm/open-llm-gateway.js';
import { connectMcpToolSource } from './llm/mcp-tool-source.js';

export interface HubParts {
  /** Replace any port for tests; each defaults to the configured implementation. */
  store?: Store;
  events?: EventBus;
  clock?: Clock;
  random?: Random;
  logger?: Logger;
  secrets?: SecretBox;
  extraTools?: readonly AnyTool[];
  /** Character importers; default: every built-in one (createImporters). */
  importers?: readonly CharacterImporter[];
}

/** Starts each adapter whose configuration is present; each one missing says, in one line, how to enable it. */
async function startAdapters(config: HubConfig, ctx: { core: Core; logger: Logger; store: Store; events: EventBus }) {
  const started: { routers: import('express').Router[]; close(): Promise<void> }[] = [];
  const status: StatusSources = {};
  if (config.discord.token || config.discord.publicKey) {
    const { startDiscordAdapter } = await import('./adapters/discord/index.js');
    const discord = await startDiscordAdapter(config.discord, { registry: ctx.core.registry, access: ctx.core.deps.access, events: ctx.events, store: ctx.store, logger: ctx.logger, maxImportBytes: ctx.core.deps.characters.maxImportBytes });
    started.push(discord);
    status.discord = discord.status;
  } else {
    ctx.logger.info({ adapter: 'discord' }, 'Discord adapter disabled: set DISCORD_TOKEN (gateway bot) or DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID (HTTP interactions) to enable it');
  }
  if (config.twitch.clientId && config.twitch.extensionSecret) {
    const { startTwitchAdapter } = await import('./adapters/twitch/index.js');
    const { clientId, extensionSecret, ownerId, apiUrl, minIntervalMs } = config.twitch;
    const twitch = startTwitchAdapter({ clientId, extensionSecret, ownerId, apiUrl, minIntervalMs }, { registry: ctx.core.registry, access: ctx.core.deps.access, events: ctx.events, store: ctx.store, logger: ctx.logger });
    started.push(twitch);
    status.twitch = twitch.status;
  } else {
    ctx.logger.info({ adapter: 'twitch' }, 'Twitch extension backend disabled: set TWITCH_CLIENT_ID and TWITCH_EXTENSION_SECRET (and TWITCH_OWNER_ID to broadcast) to enable it');
  }
  if (config.obs.url) {
    const { startObsControl } = await import('./adapters/obs/index.js');
    const { url, password, campaignId, combatScene, idleScene } = config.obs;
    const obs = startObsControl({ url, password, campaignId, combatScene, idleScene }, ctx.events, ctx.logger);
    started.push({ routers: [], ...obs });
    status.obs = obs.status;
  } else {
    ctx.logger.info({ adapter: 'obs' }, 'OBS scene switching disabled (optional): set OBS_WEBSOCKET_URL and OBS_COMBAT_SCENE / OBS_IDLE_SCENE to enable it');
  }
  return {
    routers: started.flatMap((a) => a.routers),
    status,
    close: async () => void (await Promise.all(started.map((a) => a.close()))),
  };
}

export interface Hub {
  core: Core;
  logger: Logger;
  http: HttpServer;
  /** Base URL once listening, e.g. http://127.0.0.1:3000 */
  url: string;
  ownerToken: string;
  close(): Promise<void>;
}

/** Builds the core and the ports it needs, without any network listener (the stdio MCP server uses this). */
export async function createCoreFromConfig(config: HubConfig, parts: HubParts = {}, metrics?: HubMetrics) {
  const logger = parts.logger ?? createLogger(config.log.level, {}, config.log.format);
  const rawStore = parts.store ?? (await openStore(storeUrl(config), config.storage.namespace));
  const store = metrics ? metrics.instrumentStore(rawStore) : rawStore;
  const events = parts.events ?? new InMemoryEventBus((error, event) => logger.error({ err: error, event: event.type }, 'event listener failed'));
  const owner = await ensureOwnerToken(config.auth.ownerToken, config.dataDir, logger);
  const secrets = parts.secrets ?? new AesSecretBox(await ensureHubSecretKey(config.auth.secretKey, config.dataDir, logger));
  const rules = openRulesParts(config, logger);
  const mcpTools = config.ai.mcpServers.length ? connectMcpToolSource(config.ai.mcpServers, logger) : null;
  const core = createCore({
    secrets,
    store,
    events,
    ownerToken: owner.token,
    clock: parts.clock,
    random: parts.random,
    logger,
    diceLimits: config.dice,
    limits: config.limits,
    extraTools: parts.extraTools,
    importers: parts.importers ?? createImporters(config, logger),
    rules: { keywords: rules.keywords, vectors: rules.vectors, embedder: rules.embedder, reader: rules.reader, reranker: rules.reranker, options: rules.options, queryRewrite: config.rules.queryRewrite },
    ai: withMetrics(openGameMasterSettings(config, logger), metrics, mcpTools),
  });
  const inFlight = new InFlightCalls();
  core.registry = inFlight.track(core.registry);
  if (metrics) {
    core.registry = metrics.instrumentRegistry(core.registry);
    metrics.observeEvents(events);
  }
  // Ingestions are cancelled first, then the Chroma server the hub started (if any) is stopped.
  const closeRules = async () => {
    await core.deps.rules?.close();
    await rules.close();
    await mcpTools?.close();
  };
  return { core, logger, store, events, inFlight, ownerToken: owner.token, ownerTokenFile: owner.file, rulesSummary: rules.summary, closeRules, vectorIndex: () => (rules.vectors ? rules.vectors.kind : null) };
}

/** The game master's settings, its provider router counted by the hub's metrics when there are any. */
function withMetrics(settings: GameMasterSettings, metrics: HubMetrics | undefined, external: GameMasterSettings['external'] | null | undefined): GameMasterSettings {
  return { ...settings, ...(metrics ? { gateway: metrics.instrumentGateway(settings.gateway) } : {}), ...(external ? { external } : {}) };
}

/** The composition root: storage, events, core, HTTP, MCP and sockets on one port. */
export async function createHub(config: HubConfig, parts: HubParts = {}): Promise<Hub> {
  const metrics = new HubMetrics();
  const { core, logger, store, events, inFlight, ownerToken, rulesSummary, closeRules, vectorIndex } = await createCoreFromConfig(config, parts, metrics);
  logger.info({ component: 'rules' }, rulesSummary);
  // Loads the books in the background (and starts Chroma if there are any), so the first search is fast.
  void core.deps.rules?.ready().catch((error: Error) => logger.error({ err: error }, 'could not load the rules library'));
  const adapters = await startAdapters(config, { core, logger, store, events });
  const oauthProviders = configuredProviders(config);
  const accounts = new AccountService({ store, secrets: core.deps.secrets, access: core.deps.access, campaigns: core.deps.campaigns, logger, sessionDays: config.auth.oauth.sessionDays });
  // A signed-in browser's session works as a bearer token on every transport, as its linked member.
  core.deps.access.registerTokenKind(SESSION_TOKEN_PREFIX, (token) => accounts.actorForSessionToken(token));
  let publicUrl = config.publicUrl ?? '';
  if (oauthProviders.length === 0) {
    logger.info({ component: 'accounts' }, 'Sign-in with Discord or Twitch disabled: set DISCORD_CLIENT_SECRET (and DISCORD_CLIENT_ID) or TWITCH_CLIENT_SECRET, or add auth.oauth.providers, to enable it');
  }
  const authRouter = createAuthRouter({ providers: oauthProviders, accounts, store, secrets: core.deps.secrets, logger, publicUrl: () => publicUrl, sessionDays: config.auth.oauth.sessionDays });
  let url = '';
  const httpApp = createHttpApp({
    registry: core.registry,
    access: core.deps.access,
    store,
    logger,
    version: hubVersion,
    host: config.server.host,
    allowedOrigins: config.server.allowedOrigins,
    metrics: { registry: metrics.registry, token: config.metrics.token },
    routers: [
      ...adapters.routers,
      authRouter,
      foundryRoutes({
        publicUrl: config.publicUrl,
        listenUrl: () => url,
        listensEverywhere: ['0.0.0.0', '::'].includes(config.server.host),
        allowedOrigins: config.server.allowedOrigins,
        version: hubVersion,
        logger,
      }),
    ],
    importBodyBytes: importBodyBytes(config.limits.maxImportMb),
    status: { ...adapters.status, vectorIndex },
    publicUrl: config.publicUrl,
  });
  const { cert, key } = config.server.tls ?? {};
  // With a certificate the hub speaks https:// and wss:// itself; otherwise put a TLS proxy in front (README).
  const http: HttpServer = cert && key ? createHttpsServer({ cert: readTlsFile(cert, 'TLS_CERT'), key: readTlsFile(key, 'TLS_KEY') }, httpApp.app) : createServer(httpApp.app);
  const fanout = config.redisUrl ? await connectRedisFanout(config.redisUrl, config.storage.namespace, logger) : null;
  const sockets = attachSocketGateway(http, {
    deps: core.deps,
    access: core.deps.access,
    events,
    registry: core.registry,
    logger,
    allowedOrigins: config.server.allowedOrigins,
    host: config.server.host,
    authenticateSession: async (cookieHeader, campaignId) => {
      const sessionId = readCookie(cookieHeader, SESSION_COOKIE);
      if (!sessionId) return core.deps.access.authenticate(undefined);
      const account = await accounts.account(sessionId);
      return account.ok ? accounts.actorIn(account.value, typeof campaignId === 'string' ? campaignId : undefined) : account;
    },
    importBodyBytes: importBodyBytes(config.limits.maxImportMb),
    ...(fanout ? { adapter: fanout.adapter } : {}),
  });

  metrics.countConnections(() => sockets.io.engine.clientsCount);
  const backups = config.backup.intervalHours > 0
    ? scheduleBackups(store, { dir: config.backup.dir ?? join(config.dataDir, 'backups'), intervalHours: config.backup.intervalHours, keep: config.backup.keep }, { hubVersion, logger })
    : null;

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.server.port, config.server.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  const host = config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host;
  url = `${cert && key ? 'https' : 'http'}://${host}:${port}`;
  publicUrl ||= url;
  logger.info({ url, store: store.kind, version: hubVersion }, `ttrpg-hub ${hubVersion} listening on ${url} (MCP at ${url}/mcp)`);

  let closing: Promise<void> | undefined;
  return {
    core,
    logger,
    http,
    url,
    ownerToken,
    close: () =>
      (closing ??= (async () => {
        await adapters.close();
        await sockets.close(); // also closes the HTTP server
        await fanout?.close();
        await httpApp.close();
        // No new requests reach the hub now; let the calls already running finish their writes.
        if (!(await inFlight.drain(10_000))) logger.warn({ calls: inFlight.count }, 'stopping with tool calls still running after 10 s');
        await backups?.close();
        await closeRules();
        await events.close();
        await store.close();
      })()),
  };
}

/** A certificate or key file, or a startup error naming the setting and the file. */
function readTlsFile(path: string, setting: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`${setting} (server.tls): cannot read ${path}: ${(error as Error).message}`);
  }
}
