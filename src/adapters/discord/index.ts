import { REST, Routes } from 'discord.js';
import type { Router } from 'express';
import type { AccessService, EventBus, Logger, Store, ToolRegistry } from '../../core/index.js';
import { attachmentFetcher } from './attachments.js';
import { commandDefinitions, createCommandRouter } from './command-router.js';
import { startEventPoster } from './event-poster.js';
import { startGatewayBot } from './gateway-bot.js';
import { GuildSettingsStore } from './guild-settings.js';
import { discordInteractionsEndpoint } from './http-endpoint.js';
import type { Interaction } from './interaction.js';

export interface DiscordConfig {
  token?: string;
  applicationId?: string;
  publicKey?: string;
  apiUrl: string;
  shards: 'auto' | number;
  deferAfterMs: number;
}

export interface DiscordDeps {
  registry: ToolRegistry;
  access: AccessService;
  events: EventBus;
  store: Store;
  logger: Logger;
  /** The import limit (limits.maxImportMb) in bytes, for files attached to /character import. */
  maxImportBytes?: number;
}

export interface DiscordAdapter {
  /** Express routers to mount (the HTTP interactions endpoint, when a public key is set). */
  routers: Router[];
  /** For the hub's status page: gateway connection, and whether Discord holds our slash commands. */
  status(): Promise<{ connected: boolean; interactionsEndpoint: boolean; commandsRegistered?: boolean }>;
  close(): Promise<void>;
}

/** Rate-limited Discord REST client (discord.js queues per route and waits out 429s). */
export const discordRest = (apiUrl: string, token?: string) => {
  const rest = new REST({ api: apiUrl, version: '10' });
  return token ? rest.setToken(token) : rest;
};

/**
 * The Discord adapter: slash commands over the tool registry, through the gateway (bot token) and/or
 * the HTTP interactions endpoint (public key), and hub events posted to linked channels.
 */
export async function startDiscordAdapter(config: DiscordConfig, deps: DiscordDeps): Promise<DiscordAdapter> {
  const logger = deps.logger.child({ adapter: 'discord' });
  const rest = discordRest(config.apiUrl, config.token);
  const settings = new GuildSettingsStore(deps.store);
  const post = async (channelId: string, body: Record<string, unknown>) => {
    if (!config.token) return false;
    await rest.post(Routes.channelMessages(channelId), { body });
    return true;
  };
  const router = createCommandRouter({
    registry: deps.registry,
    access: deps.access,
    settings,
    logger,
    post,
    fetchAttachment: attachmentFetcher(config.apiUrl),
    ...(deps.maxImportBytes ? { maxImportBytes: deps.maxImportBytes } : {}),
  });
  const editOriginal = async (ix: Interaction, body: Record<string, unknown>) =>
    void (await rest.patch(Routes.webhookMessage(ix.applicationId, ix.token), { body, auth: false }));

  const routers: Router[] = [];
  if (config.publicKey) {
    routers.push(discordInteractionsEndpoint({ publicKey: config.publicKey, router, deferAfterMs: config.deferAfterMs, logger, editOriginal }));
    logger.info({ path: '/discord/interactions' }, 'Discord HTTP interactions endpoint ready');
  }
  let gateway: { close(): Promise<void>; connected(): boolean } | undefined;
  if (config.token) {
    gateway = await startGatewayBot({
      token: config.token,
      apiUrl: config.apiUrl,
      shards: config.shards,
      deferAfterMs: config.deferAfterMs,
      router,
      logger,
      callback: async (ix, body) => void (await rest.post(Routes.interactionCallback(ix.id, ix.token), { body, auth: false })),
      editOriginal,
    });
  }
  const stopPoster = config.token ? startEventPoster({ events: deps.events, registry: deps.registry, settings, logger, post }) : () => {};
  const commandsRegistered = registeredCommandsCheck(config, deps.registry, logger);
  return {
    routers,
    status: async () => ({ connected: gateway?.connected() ?? false, interactionsEndpoint: !!config.publicKey, ...(await commandsRegistered()) }),
    close: async () => {
      stopPoster();
      await gateway?.close();
    },
  };
}

/**
 * Registers the slash commands: per guild (instant, for testing) or globally (may take up to an hour
 * to reach every server). Returns the names Discord accepted.
 */
export async function registerCommands(options: { apiUrl: string; token: string; applicationId: string; guildId?: string }, registry: ToolRegistry): Promise<string[]> {
  const rest = discordRest(options.apiUrl, options.token);
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  const accepted = (await rest.put(route, { body: commandDefinitions(registry) })) as { name: string }[];
  return accepted.map((c) => c.name);
}

/**
 * Asks Discord (global commands) whether every command the hub offers is registered; a yes is kept for a
 * minute. Unknown (undefined) without a bot token and application id, or when Discord does not answer.
 */
function registeredCommandsCheck(config: DiscordConfig, registry: ToolRegistry, logger: Logger): () => Promise<{ commandsRegistered?: boolean }> {
  let cached: { at: number; value: { commandsRegistered?: boolean } } | undefined;
  return async () => {
    if (!config.token || !config.applicationId) return {};
    if (cached && Date.now() - cached.at < 60_000) return cached.value;
    const rest = discordRest(config.apiUrl, config.token);
    const listed = await rest
      .get(Routes.applicationCommands(config.applicationId), { signal: AbortSignal.timeout(3000) })
      .catch((error: Error) => void logger.debug({ err: error }, 'could not list the registered commands'));
    const names = Array.isArray(listed) ? new Set((listed as { name: string }[]).map((c) => c.name)) : null;
    const value = names ? { commandsRegistered: commandDefinitions(registry).every((c) => names.has(c.name)) } : {};
    if (value.commandsRegistered) cached = { at: Date.now(), value };
    return value;
  };
}
