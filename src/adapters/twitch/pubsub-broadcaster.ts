import type { Logger } from '../../core/index.js';
import { signPubSubJwt } from './extension-jwt.js';
import { encodeState, type StreamState } from './stream-message.js';

export interface BroadcasterOptions {
  apiUrl: string;
  clientId: string;
  ownerId: string;
  key: Uint8Array;
  /** At most one message per channel this often; Twitch allows about 100 a minute per channel. */
  minIntervalMs: number;
  logger: Logger;
  fetch?: typeof fetch;
}

interface Pending {
  state: StreamState;
  timer: NodeJS.Timeout | null;
  lastSent: number;
}

/**
 * Sends session state to a channel's viewers through Twitch's "Send Extension PubSub Message".
 * Bursts are coalesced: while a channel waits for its next slot, newer initiative state replaces
 * older and rolls accumulate, so the latest state always goes out and the rate limit is never hit.
 */
export class PubSubBroadcaster {
  readonly #channels = new Map<string, Pending>();
  #closed = false;
  constructor(private readonly options: BroadcasterOptions) {}

  /** Queues an update; `init` replaces the channel's pending initiative, `roll` is appended. */
  enqueue(channelId: string, update: { version: number; init?: StreamState['init']; roll?: unknown }): void {
    if (this.#closed) return;
    const pending = this.#channels.get(channelId) ?? { state: { v: 0 }, timer: null, lastSent: 0 };
    const state = pending.state;
    state.v = Math.max(state.v, update.version);
    if (update.init !== undefined) state.init = update.init;
    if (update.roll) state.rolls = [...(state.rolls ?? []), update.roll].slice(-5);
    this.#channels.set(channelId, pending);
    this.#schedule(channelId, pending, 0);
  }

  #schedule(channelId: string, pending: Pending, extraDelayMs: number): void {
    if (pending.timer) return;
    const wait = Math.max(extraDelayMs, pending.lastSent + this.options.minIntervalMs - Date.now(), 0);
    pending.timer = setTimeout(() => void this.#flush(channelId, pending), wait);
  }

  async #flush(channelId: string, pending: Pending): Promise<void> {
    pending.timer = null;
    const state = pending.state;
    if (state.init === undefined && !state.rolls?.length) return;
    // Taken now; anything arriving during the request waits for the next slot.
    pending.state = { v: state.v };
    pending.lastSent = Date.now();
    try {
      const jwt = await signPubSubJwt(this.options.key, this.options.ownerId, channelId);
      // The slot starts again when the request leaves, after signing: Twitch counts messages as they
      // arrive, so a slow signature must not shorten the gap before the next one, even one already
      // scheduled while it was signing.
      pending.lastSent = Date.now();
      if (pending.timer) {
        clearTimeout(pending.timer);
        pending.timer = null;
        this.#schedule(channelId, pending, 0);
      }
      const response = await (this.options.fetch ?? fetch)(`${this.options.apiUrl}/extensions/pubsub`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${jwt}`,
          'client-id': this.options.clientId,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ target: ['broadcast'], broadcaster_id: channelId, is_global_broadcast: false, message: encodeState(state) }),
      });
      if (response.status === 429 || response.status >= 500) {
        const reset = Number(response.headers.get('ratelimit-reset'));
        this.#restore(pending, state);
        this.#schedule(channelId, pending, Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - Date.now()) : this.options.minIntervalMs);
      } else if (!response.ok) {
        this.options.logger.warn({ status: response.status, channelId, body: (await response.text()).slice(0, 300) }, 'Twitch refused a PubSub message');
      }
    } catch (error) {
      this.options.logger.warn({ err: error, channelId }, 'could not reach Twitch; will retry with the latest state');
      this.#restore(pending, state);
      this.#schedule(channelId, pending, this.options.minIntervalMs);
    }
  }

  /** Puts an unsent state back under anything newer that arrived meanwhile. */
  #restore(pending: Pending, unsent: StreamState): void {
    const newer = pending.state;
    pending.state = {
      v: Math.max(unsent.v, newer.v),
      ...(newer.init !== undefined ? { init: newer.init } : unsent.init !== undefined ? { init: unsent.init } : {}),
      rolls: [...(unsent.rolls ?? []), ...(newer.rolls ?? [])].slice(-5),
    };
  }

  close(): void {
    this.#closed = true;
    for (const p of this.#channels.values()) if (p.timer) clearTimeout(p.timer);
  }
}
