import type { NotificationsApi } from './foundry-env.js';

export type Level = 'info' | 'warn' | 'error';

/**
 * Foundry notifications without floods: the same message shows at most once a minute, so a hub
 * that keeps refusing something says so once instead of burying the screen.
 */
export class Notifier {
  readonly #shown = new Map<string, number>();
  /** Everything said, newest last (the panel shows the recent ones; tests read it). */
  readonly log: { level: Level; message: string }[] = [];

  constructor(
    private readonly notifications: () => NotificationsApi | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  say(level: Level, message: string): void {
    const last = this.#shown.get(message);
    if (last !== undefined && this.now() - last < 60_000) return;
    this.#shown.set(message, this.now());
    this.log.push({ level, message });
    if (this.log.length > 50) this.log.shift();
    this.notifications()?.[level](`ttrpg-hub: ${message}`);
  }
}
