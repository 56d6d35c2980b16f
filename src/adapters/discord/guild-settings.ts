import type { Store } from '../../core/index.js';

/** Per-server settings, kept in the hub's store. */
export interface GuildSettings {
  /** Members with this role are GMs; without one, members who may manage the server are. */
  gmRoleId: string | null;
  /** Where secret rolls go (visible to GMs only, by the server's channel permissions). */
  gmChannelId: string | null;
  /** channel id -> campaign id */
  channels: Record<string, string>;
  /** The campaign of channels that are not linked themselves (threads, side channels). */
  defaultCampaignId: string | null;
  /** How `/roll crit:true` doubles damage at this table. */
  critRule: 'double-dice' | 'max-plus-roll' | 'double-total';
}

const key = (guildId: string) => `discord:guild:${guildId}`;
const LINKS = 'discord:links';
type Links = Record<string, { guildId: string; channelId: string }[]>;

export const emptyGuildSettings = (): GuildSettings => ({ gmRoleId: null, gmChannelId: null, channels: {}, defaultCampaignId: null, critRule: 'double-dice' });

/** Guild settings plus the reverse index campaign -> channels used to post hub events. */
export class GuildSettingsStore {
  constructor(private readonly store: Store) {}

  async get(guildId: string): Promise<GuildSettings> {
    return { ...emptyGuildSettings(), ...(await this.store.get<GuildSettings>(key(guildId))) };
  }

  async update(guildId: string, fn: (s: GuildSettings) => GuildSettings): Promise<GuildSettings> {
    const next = await this.store.update<GuildSettings>(key(guildId), (s) => fn({ ...emptyGuildSettings(), ...s }));
    return next!;
  }

  /** Links a channel; the settings are written first, so the index never names a channel that is not linked. */
  async link(guildId: string, channelId: string, campaignId: string): Promise<void> {
    const before = (await this.get(guildId)).channels[channelId];
    await this.update(guildId, (s) => ({ ...s, channels: { ...s.channels, [channelId]: campaignId } }));
    await this.#editLinks((links) => {
      if (before) links[before] = (links[before] ?? []).filter((l) => l.channelId !== channelId);
      links[campaignId] = [...(links[campaignId] ?? []).filter((l) => l.channelId !== channelId), { guildId, channelId }];
    });
  }

  async unlink(guildId: string, channelId: string): Promise<string | null> {
    const campaignId = (await this.get(guildId)).channels[channelId] ?? null;
    await this.#editLinks((links) => {
      if (campaignId) links[campaignId] = (links[campaignId] ?? []).filter((l) => l.channelId !== channelId);
    });
    await this.update(guildId, (s) => ({ ...s, channels: Object.fromEntries(Object.entries(s.channels).filter(([c]) => c !== channelId)) }));
    return campaignId;
  }

  /** Channels linked to a campaign; an index entry whose link was removed meanwhile is skipped. */
  async channelsOf(campaignId: string): Promise<{ guildId: string; channelId: string; settings: GuildSettings }[]> {
    const links = (await this.store.get<Links>(LINKS)) ?? {};
    const found = [];
    for (const l of links[campaignId] ?? []) {
      const settings = await this.get(l.guildId);
      if (settings.channels[l.channelId] === campaignId) found.push({ ...l, settings });
    }
    return found;
  }

  async #editLinks(fn: (links: Links) => void): Promise<void> {
    await this.store.update<Links>(LINKS, (stored) => {
      const links = structuredClone(stored ?? {});
      fn(links);
      return links;
    });
  }
}
