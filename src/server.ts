import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { storeUrl, type HubConfig } from './config/config-schema.js';
import { createCore, InMemoryEventBus, type AnyTool, type Clock, type Core, type EventBus, type Logger, type Random, type SecretBox, type Store, AesSecretBox } from './core/index.js';
import { createHttpApp } from './http/create-http-app.js';
import type { StatusSources } from './http/hub-status.js';
import { ensureOwnerToken } from './http/owner-token.js';
import { createLogger } from './logging/create-logger.js';
import { connectRedisFanout } from './realtime/redis-fanout.js';
import { attachSocketGateway } from './realtime/socket-gateway.js';
import { openStore } from './stores/open-store.js';
import { ensureHubSecretKey } from './secrets/hub-secret-key.js';
import { openRulesParts } from './stores/open-rules-index.js';
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
}

/** Starts each adapter whose configuration is present; each one missing says, in one line, how to enable it. */
async function startAdapters(config: HubConfig, ctx: { core: Core; logger: Logger; store: Store; events: EventBus }) {
  const started: { routers: import('express').Router[]; close(): Promise<void> }[] = [];
  const status: StatusSources = {};
  if (config.discord.token || config.discord.publicKey) {
    const { startDiscordAdapter } = await import('./adapters/discord/index.js');
    const discord = await startDiscordAdapter(config.discord, { registry: ctx.core.registry, access: ctx.core.deps.access, events: ctx.events, store: ctx.store, logger: ctx.logger });
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
export async function createCoreFromConfig(config: HubConfig, parts: HubParts = {}) {
  const logger = parts.logger ?? createLogger(config.log.level);
  const store = parts.store ?? (await openStore(storeUrl(config), config.storage.namespace));
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
    rules: { keywords: rules.keywords, vectors: rules.vectors, embedder: rules.embedder, options: rules.options },
    ai: { ...openGameMasterSettings(config, logger), ...(mcpTools ? { external: mcpTools } : {}) },
  });
  // Ingestions are cancelled first, then the Chroma server the hub started (if any) is stopped.
  const closeRules = async () => {
    await core.deps.rules?.close();
    await rules.close();
    await mcpTools?.close();
  };
  return { core, logger, store, events, ownerToken: owner.token, ownerTokenFile: owner.file, rulesSummary: rules.summary, closeRules, vectorIndex: () => (rules.vectors ? rules.vectors.kind : null) };
}

/** The composition root: storage, events, core, HTTP, MCP and sockets on one port. */
export async function createHub(config: HubConfig, parts: HubParts = {}): Promise<Hub> {
  const { core, logger, store, events, ownerToken, rulesSummary, closeRules, vectorIndex } = await createCoreFromConfig(config, parts);
  logger.info({ component: 'rules' }, rulesSummary);
  // Loads the books in the background (and starts Chroma if there are any), so the first search is fast.
  void core.deps.rules?.ready().catch((error: Error) => logger.error({ err: error }, 'could not load the rules library'));
  const adapters = await startAdapters(config, { core, logger, store, events });
  const httpApp = createHttpApp({
    registry: core.registry,
    access: core.deps.access,
    store,
    logger,
    version: hubVersion,
    host: config.server.host,
    allowedOrigins: config.server.allowedOrigins,
    routers: adapters.routers,
    status: { ...adapters.status, vectorIndex },
    publicUrl: config.publicUrl,
  });
  const http = createServer(httpApp.app);
  const fanout = config.redisUrl ? await connectRedisFanout(config.redisUrl, config.storage.namespace, logger) : null;
  const sockets = attachSocketGateway(http, {
    deps: core.deps,
    access: core.deps.access,
    events,
    registry: core.registry,
    logger,
    allowedOrigins: config.server.allowedOrigins,
    ...(fanout ? { adapter: fanout.adapter } : {}),
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.server.port, config.server.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  const host = config.server.host.includes(':') ? `[${config.server.host}]` : config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host;
  const url = `http://${host}:${port}`;
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
        await closeRules();
        await events.close();
        await store.close();
      })()),
  };
}
