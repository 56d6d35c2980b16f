import { Client, GatewayIntentBits, type Shard } from 'discord.js';
import type { Logger } from '../../core/index.js';
import { answerInteraction } from './answer-interaction.js';
import type { CommandRouter } from './command-router.js';
import { RawInteractionSchema, toInteraction, type Interaction } from './interaction.js';

export interface GatewayOptions {
  token: string;
  apiUrl: string;
  shards: 'auto' | number;
  deferAfterMs: number;
  router: CommandRouter;
  logger: Logger;
  callback(ix: Interaction, body: unknown): Promise<void>;
  editOriginal(ix: Interaction, body: Record<string, unknown>): Promise<void>;
}

/**
 * The bot on Discord's gateway (discord.js Client). Interactions are taken from the raw gateway
 * packets, so they go through the same parser, router and answers as the HTTP endpoint.
 */
export async function startGatewayBot(options: GatewayOptions): Promise<{ close(): Promise<void>; connected(): boolean }> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: options.apiUrl },
    // "auto" asks Discord how many shards this bot needs and runs them all in this process.
    shards: options.shards === 'auto' ? 'auto' : Array.from({ length: options.shards }, (_, i) => i),
    ...(options.shards === 'auto' ? {} : { shardCount: options.shards }),
  });
  client.on('raw', (packet: { t?: string; d?: unknown }) => {
    if (packet.t !== 'INTERACTION_CREATE') return;
    const parsed = RawInteractionSchema.safeParse(packet.d);
    if (!parsed.success) return void options.logger.warn({ issue: parsed.error.issues[0] }, 'ignored a malformed interaction from the gateway');
    const ix = toInteraction(parsed.data);
    if (!ix) return;
    const channel = { callback: (body: unknown) => options.callback(ix, body), editOriginal: (b: Record<string, unknown>) => options.editOriginal(ix, b) };
    answerInteraction(ix, (live) => options.router.handle(ix, live), channel, options.deferAfterMs).catch((error) =>
      options.logger.error({ err: error, command: ix.path }, 'discord interaction answer failed'),
    );
  });
  client.on('error', (error) => options.logger.error({ err: error }, 'discord gateway error'));
  client.on('shardReady', (id: Shard['id']) => options.logger.info({ shard: id }, 'discord shard ready'));
  await client.login(options.token);
  options.logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'Discord bot connected to the gateway');
  return { close: async () => void (await client.destroy()), connected: () => client.isReady() };
}
