import type { Store } from '../../core/index.js';

const channelKey = (channelId: string) => `twitch:channel:${channelId}`;
const INDEX = 'twitch:campaign-channels';

interface Link {
  campaignId: string;
  /** The viewer member whose token made the link; links made before issue 14 have none. */
  memberId?: string;
}

/**
 * Which Twitch channel shows which campaign, set by the broadcaster from the extension's config view.
 * A link lives as long as the viewer token that made it: once that member is revoked (in any process)
 * the channel reads as unlinked.
 */
export class ChannelLinks {
  constructor(
    private readonly store: Store,
    private readonly isMember: (campaignId: string, memberId: string) => Promise<boolean>,
  ) {}

  async campaignOf(channelId: string): Promise<string | null> {
    const link = await this.store.get<Link>(channelKey(channelId));
    if (!link) return null;
    // Links from before issue 14 carry no member: they stay until unlinked or relinked.
    if (link.memberId && !(await this.isMember(link.campaignId, link.memberId))) return null;
    return link.campaignId;
  }

  /** The link is written before the index: the index may name a stale channel, never miss a linked one. */
  async link(channelId: string, campaignId: string, memberId: string): Promise<void> {
    const before = (await this.store.get<Link>(channelKey(channelId)))?.campaignId ?? null;
    await this.store.set<Link>(channelKey(channelId), { campaignId, memberId });
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
