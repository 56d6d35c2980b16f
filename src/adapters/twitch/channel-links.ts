import type { Store } from '../../core/index.js';

const channelKey = (channelId: string) => `twitch:channel:${channelId}`;
const INDEX = 'twitch:campaign-channels';

/** Which Twitch channel shows which campaign, set by the broadcaster from the extension's config view. */
export class ChannelLinks {
  constructor(private readonly store: Store) {}

  async campaignOf(channelId: string): Promise<string | null> {
    return (await this.store.get<{ campaignId: string }>(channelKey(channelId)))?.campaignId ?? null;
  }

  /** The link is written before the index: the index may name a stale channel, never miss a linked one. */
  async link(channelId: string, campaignId: string): Promise<void> {
    const before = await this.campaignOf(channelId);
    await this.store.set(channelKey(channelId), { campaignId });
    await this.#editIndex((index) => {
      if (before) index[before] = (index[before] ?? []).filter((c) => c !== channelId);
      index[campaignId] = [...new Set([...(index[campaignId] ?? []), channelId])];
    });
  }

  async unlink(channelId: string): Promise<void> {
    await this.store.delete(channelKey(channelId));
  }

  async channelsOf(campaignId: string): Promise<string[]> {
    const index = (await this.store.get<Record<string, string[]>>(INDEX)) ?? {};
    const linked = await Promise.all((index[campaignId] ?? []).map(async (c) => ((await this.campaignOf(c)) === campaignId ? c : null)));
    return linked.filter((c): c is string => c !== null);
  }

  async #editIndex(fn: (index: Record<string, string[]>) => void): Promise<void> {
    await this.store.update<Record<string, string[]>>(INDEX, (stored) => {
      const index = structuredClone(stored ?? {});
      fn(index);
      return index;
    });
  }
}
