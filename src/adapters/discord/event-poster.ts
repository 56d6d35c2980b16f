import type { EncounterView, EventBus, HubEvent, Logger, ToolRegistry } from '../../core/index.js';
import { viewEvent } from '../../core/index.js';
import { rollEmbed, turnAnnouncement } from './embeds.js';
import type { GuildSettingsStore } from './guild-settings.js';

export interface EventPosterOptions {
  events: EventBus;
  registry: ToolRegistry;
  settings: GuildSettingsStore;
  logger: Logger;
  post(channelId: string, body: Record<string, unknown>): Promise<boolean>;
}

/**
 * Posts what happens elsewhere (Foundry, the web, MCP) into the Discord channels linked to the
 * campaign. Changes made from Discord are skipped: Discord already shows them, and posting them
 * again would echo.
 */
export function startEventPoster(options: EventPosterOptions): () => void {
  const { settings, post, logger } = options;
  return options.events.subscribe((event) => {
    if (!event.campaignId || event.actor.id.startsWith('discord:')) return;
    void deliver(event).catch((error) => logger.warn({ err: error, event: event.type }, 'could not post a hub event to Discord'));
  });

  async function deliver(event: HubEvent): Promise<void> {
    const links = await settings.channelsOf(event.campaignId!);
    if (links.length === 0) return;
    for (const { channelId, settings: guild } of links) {
      const table = viewEvent(event, 'table');
      const body = table ? await render(table) : null;
      if (body) await post(channelId, body);
      // The GM channel sees what the table must not (secret rolls), as the GM would.
      else if (event.type === 'dice.rolled' && guild.gmChannelId) await post(guild.gmChannelId, { embeds: [rollEmbed(event.rolls, event.actor.name, true)] });
    }
  }

  async function render(event: HubEvent): Promise<Record<string, unknown> | null> {
    switch (event.type) {
      case 'dice.rolled':
        return { embeds: [rollEmbed(event.rolls, event.actor.name, false)], allowed_mentions: { parse: [] } };
      case 'turn.changed': {
        const session = await options.registry.call('get_session', { sessionId: event.sessionId }, { actor: { kind: 'member', id: 'discord-poster', name: 'Discord', campaignId: event.campaignId!, role: 'viewer' } });
        const enc = session.ok ? ((session.value.session as { encounter: EncounterView } | null)?.encounter ?? null) : null;
        const text = enc ? turnAnnouncement(enc) : `Round ${event.round}`;
        return text ? { content: text, allowed_mentions: { parse: ['users'] } } : null;
      }
      case 'session.started':
        return { content: `📜 **${event.name}** has begun.` };
      case 'session.ended':
        return { content: `📕 **${event.name}** has ended.` };
      case 'session.note_added':
        return { content: `📝 ${event.actor.name}: ${event.note.text}`.slice(0, 2000), allowed_mentions: { parse: [] } };
      default:
        return null;
    }
  }
}
