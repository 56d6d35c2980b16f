import type { AccessService, Logger, ToolRegistry } from '../../core/index.js';
import { discordActor, type CommandContext, type Handler } from './command-context.js';
import { campaignCommand, campaignHandlers, sessionCommand } from './commands/campaign-command.js';
import { combatantChoices, hpCommand, initCommand, initHandlers } from './commands/init-command.js';
import { npcCommand, npcHandlers } from './commands/npc-command.js';
import { rollAgain, rollCommand, rollHandlers } from './commands/roll-command.js';
import { bookChoices, createRulesHandlers, rulesCommand } from './commands/rules-command.js';
import { askCommand, createAskHandlers } from './commands/ask-command.js';
import type { LiveReply } from './answer-interaction.js';
import { errorReply } from './embeds.js';
import { emptyGuildSettings, type GuildSettingsStore } from './guild-settings.js';
import type { Interaction, Reply } from './interaction.js';

export interface RouterDeps {
  registry: ToolRegistry;
  access: AccessService;
  settings: GuildSettingsStore;
  logger: Logger;
  post(channelId: string, body: Record<string, unknown>): Promise<boolean>;
}

/** The slash commands as Discord registers them, their options derived from the tools' schemas. */
export function commandDefinitions(registry: ToolRegistry) {
  return [rollCommand(registry), initCommand(registry), hpCommand(registry), campaignCommand(), sessionCommand(registry), npcCommand(registry), rulesCommand(registry), askCommand()].map(({ name, description, options }) => ({
    type: 1,
    name,
    description,
    options,
    // Server channels only: the commands act on a campaign linked to a channel.
    contexts: [0],
    integration_types: [0],
  }));
}

/** The slash commands and what answers them; both the gateway and the HTTP endpoint use this one router. */
export function createCommandRouter(deps: RouterDeps) {
  const rules = createRulesHandlers();
  const handlers: Record<string, Handler> = { ...rollHandlers, ...initHandlers, ...campaignHandlers, ...npcHandlers, ...rules.handlers, ...createAskHandlers() };
  const definitions = commandDefinitions(deps.registry);

  async function handle(ix: Interaction, live?: LiveReply): Promise<Reply> {
    const guild = ix.guildId ? await deps.settings.get(ix.guildId) : emptyGuildSettings();
    const { actor, campaignId, isGm } = discordActor(ix, guild);
    const ctx: CommandContext = {
      ix,
      registry: deps.registry,
      access: deps.access,
      settings: deps.settings,
      logger: deps.logger,
      guild,
      campaignId,
      actor,
      isGm,
      post: deps.post,
      ...(live ? { live } : {}),
      call: async (tool, input) => {
        const result = await deps.registry.call(tool, input, { actor });
        return result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error };
      },
    };
    try {
      if (ix.kind === 'autocomplete') {
        if (ix.focused === 'combatant') return await combatantChoices(ctx);
        if (ix.focused === 'book') return await bookChoices(ctx);
        return { type: 'choices', choices: [] };
      }
      const button = ix.kind === 'component' ? (ix.path.startsWith('roll:') ? rollAgain : ix.path.startsWith('rules:') ? rules.pageButton : undefined) : undefined;
      const handler = button ?? handlers[ix.path];
      if (!handler) return errorReply(`Unknown command "/${ix.path}": the bot's commands may be out of date (run \`ttrpg-hub discord:register\`).`);
      return await handler(ctx);
    } catch (error) {
      deps.logger.error({ err: error, command: ix.path }, 'discord command failed');
      return errorReply('Something went wrong on the hub; the GM can find the details in its log.');
    }
  }

  return { definitions, handle };
}
export type CommandRouter = ReturnType<typeof createCommandRouter>;
