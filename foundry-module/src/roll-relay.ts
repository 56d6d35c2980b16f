import type { DiceRoll } from '../../src/core/dice/dice-schemas.js';
import type { HubCaller } from './combat-sync.js';
import type { ChatMessageLike, FoundryEnv, HookCallback } from './foundry-env.js';
import { escapeHtml, MODULE_ID } from './module-constants.js';
import type { Notifier } from './notifier.js';

/** Roll ids the module gives relayed Foundry rolls; the hub keeps them, so their echo is recognised. */
export const relayedRollId = (messageId: string, index: number) => `fvtt-${messageId}-${index}`;
const isRelayed = (id: string) => id.startsWith('fvtt-');

export interface DiceRolledEvent {
  actor: { name: string };
  secret: boolean;
  rolls: DiceRoll[];
}

/**
 * Dice both ways. Foundry rolls (chat messages with rolls, Dice So Nice's included) go to the hub
 * from the active GM's client only, after Dice So Nice has shown them; blind, GM-only and self
 * rolls go as secret. Hub rolls from Discord, MCP or the web become chat cards with their
 * breakdown, whispered to the GMs when secret.
 */
export class RollRelay {
  #hooks: [string, number][] = [];

  constructor(
    private readonly env: FoundryEnv,
    private readonly hub: HubCaller,
    private readonly notifier: Notifier,
    private readonly campaignId: () => string | null,
    private readonly options: { diceSoNiceTimeoutMs?: number } = {},
  ) {}

  attach(): void {
    const on = (hook: string, fn: HookCallback) => this.#hooks.push([hook, this.env.Hooks.on(hook, fn)]);
    on('createChatMessage', (message: ChatMessageLike) => void this.#relay(message));
  }

  detach(): void {
    for (const [hook, id] of this.#hooks) this.env.Hooks.off(hook, id);
    this.#hooks = [];
  }

  async #relay(message: ChatMessageLike): Promise<void> {
    if (!this.env.game.user.isActiveGM || !message.isRoll || !message.id || message.getFlag(MODULE_ID, 'fromHub')) return;
    const rolls = message.rolls
      .filter((r) => typeof r.total === 'number')
      .slice(0, 20)
      .map((roll, i) => ({
        id: relayedRollId(message.id!, i),
        formula: roll.formula.slice(0, 500),
        total: roll.total!,
        label: stripHtml(message.flavor).slice(0, 200) || null,
        terms: roll.dice
          .filter((d) => typeof d.faces === 'number' && d.results.length > 0)
          .slice(0, 50)
          .map((d) => ({
            faces: d.faces!,
            dice: d.results.slice(0, 1000).map((r) => ({ value: r.result, active: r.active !== false && !r.discarded, exploded: !!r.exploded, rerolled: !!r.rerolled })),
          })),
      }));
    if (!rolls.length) return;
    await this.#afterDiceSoNice(message.id);
    const roller = (message.speaker?.alias || message.author?.name || 'Foundry').slice(0, 80);
    const reply = await this.hub.call('relay_roll', { campaignId: this.campaignId(), rolls, roller, secret: message.blind || message.whisper.length > 0 });
    if (!reply.ok) this.notifier.say(reply.error.code === 'UNAVAILABLE' ? 'warn' : 'error', `A roll did not reach the hub: ${reply.error.message}`);
  }

  /** Dice So Nice animates a roll before its result should be known elsewhere: wait for it (bounded). */
  #afterDiceSoNice(messageId: string): Promise<void> {
    if (!this.env.game.modules.get('dice-so-nice')?.active) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.diceSoNiceTimeoutMs ?? 15_000);
      const id = this.env.Hooks.on('diceSoNiceRollComplete', (completed: string) => completed === messageId && done());
      const hooks = this.env.Hooks;
      function done() {
        clearTimeout(timer);
        hooks.off('diceSoNiceRollComplete', id);
        resolve();
      }
    });
  }

  /** A hub roll as a chat card; only the active GM's client posts it, so it shows once. */
  async show(event: DiceRolledEvent): Promise<void> {
    if (!this.env.game.user.isActiveGM) return;
    const rolls = event.rolls.filter((r) => !isRelayed(r.id));
    if (!rolls.length) return;
    const whisper = event.secret ? this.env.ChatMessage.getWhisperRecipients('GM').map((u) => u.id) : [];
    await this.env.ChatMessage.create({
      content: rollCard(event.actor.name, rolls, event.secret),
      speaker: { alias: `${event.actor.name} (hub)` },
      whisper,
      flags: { [MODULE_ID]: { fromHub: true, rollIds: rolls.map((r) => r.id) } },
    });
  }
}

export function rollCard(roller: string, rolls: DiceRoll[], secret: boolean): string {
  const items = rolls
    .map((r) => {
      const flags = [r.natural20 ? '<span class="ttrpg-hub-nat20">natural 20</span>' : '', r.natural1 ? '<span class="ttrpg-hub-nat1">natural 1</span>' : ''].join('');
      return (
        `<li class="ttrpg-hub-roll" data-roll-id="${escapeHtml(r.id)}">` +
        `${r.label ? `<div class="ttrpg-hub-label">${escapeHtml(r.label)}</div>` : ''}` +
        `<div class="ttrpg-hub-formula">${escapeHtml(r.expression)}</div>` +
        `<div class="ttrpg-hub-breakdown">${escapeHtml(r.breakdown)}</div>` +
        `<div class="ttrpg-hub-total">${escapeHtml(r.total)}</div>${flags}</li>`
      );
    })
    .join('');
  return `<div class="ttrpg-hub-card ttrpg-hub-dice"><header>${escapeHtml(roller)} rolled${secret ? ' (secret)' : ''}</header><ol>${items}</ol></div>`;
}

const stripHtml = (html: string | null | undefined) => String(html ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
