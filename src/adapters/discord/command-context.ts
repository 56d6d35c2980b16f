import type { AccessService, Actor, HubError, Logger, ToolRegistry } from '../../core/index.js';
import { errorReply } from './embeds.js';
import { MANAGE_GUILD, type Interaction, type Reply } from './interaction.js';
import type { GuildSettings, GuildSettingsStore } from './guild-settings.js';
import type { LiveReply } from './answer-interaction.js';

/** What every command handler gets: the tools, the server's settings, and who is asking. */
export interface CommandContext {
  ix: Interaction;
  registry: ToolRegistry;
  access: AccessService;
  settings: GuildSettingsStore;
  logger: Logger;
  guild: GuildSettings;
  /** The campaign linked to this channel, if any. */
  campaignId: string | null;
  actor: Actor;
  isGm: boolean;
  /** Calls a tool as the Discord user; failures come back as values. */
  call(tool: string, input: Record<string, unknown>): Promise<{ ok: true; value: any } | { ok: false; error: HubError }>;
  /** Posts a message to a channel with the bot token (secret rolls to the GM channel); false when there is no token. */
  post(channelId: string, body: Record<string, unknown>): Promise<boolean>;
  /** Shows a reply as it forms (after the deferral), for slow commands such as /ask. */
  live?: LiveReply;
}

export type Handler = (ctx: CommandContext) => Promise<Reply>;

/**
 * The Discord user as a hub actor. In a channel linked to a campaign they are a member of it: a GM
 * if they have the server's GM role (or, with none set, may manage the server), else a player.
 * Elsewhere they are a guest who can only roll dice.
 */
export function discordActor(ix: Interaction, guild: GuildSettings): { actor: Actor; campaignId: string | null; isGm: boolean } {
  const campaignId = (ix.channelId ? guild.channels[ix.channelId] : undefined) ?? guild.defaultCampaignId;
  const isGm = guild.gmRoleId ? ix.roleIds.includes(guild.gmRoleId) : (ix.permissions & MANAGE_GUILD) === MANAGE_GUILD;
  const id = `discord:${ix.user.id}`;
  if (!campaignId) return { actor: { kind: 'guest', id, name: ix.user.name }, campaignId, isGm };
  return { actor: { kind: 'member', id, name: ix.user.name, campaignId, role: isGm ? 'gm' : 'player' }, campaignId, isGm };
}

export const needsCampaign = (): Reply =>
  errorReply('This channel is not linked to a campaign: a GM links it with `/campaign link` and a GM token from the hub.');

/** Runs a tool and renders success, or answers its error privately. */
export async function withTool(ctx: CommandContext, tool: string, input: Record<string, unknown>, render: (value: any) => Reply | Promise<Reply>): Promise<Reply> {
  // Dice, NPCs and rules work anywhere; campaign tools need a linked channel.
  if (!ctx.campaignId && ctx.registry.get(tool)?.campaign === 'required') return needsCampaign();
  const result = await ctx.call(tool, input);
  return result.ok ? render(result.value) : errorReply(result.error);
}
