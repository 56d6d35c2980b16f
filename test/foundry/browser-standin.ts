/// <reference lib="dom" />
/**
 * The stand-in Foundry as browser globals (`game`, `Hooks`, `CONFIG`, `ui`, `ChatMessage`, `Actor`,
 * `Combat`, `foundry.applications.api.ApplicationV2`), bundled by esbuild for the end-to-end test
 * page. The page loads Foundry's own socket.io client separately, as Foundry does.
 */
import { StandinWorld } from './foundry-standin.js';

const world = new StandinWorld();
const gm = world.join('Gamemaster', true, 'gm0000000000001');
world.modules.set('ttrpg-hub', { active: true });
const env = gm.env();
const game = gm.game;

type Action = (this: StandinApplication, event: Event, target: HTMLElement) => unknown;

/**
 * ApplicationV2's documented render cycle, reduced: `render()` calls `_renderHTML()` then
 * `_replaceHTML(result, content)`, and clicks on `[data-action]` run `DEFAULT_OPTIONS.actions[action]`
 * with the application as `this`.
 */
class StandinApplication {
  static DEFAULT_OPTIONS: { id?: string; actions?: Record<string, Action> } = {};
  rendered = false;
  element: HTMLElement | null = null;
  constructor(readonly options: Record<string, unknown> = {}) {}
  async render(): Promise<this> {
    const defaults = (this.constructor as typeof StandinApplication).DEFAULT_OPTIONS;
    if (!this.element) {
      this.element = document.createElement('section');
      this.element.id = defaults.id ?? 'app';
      const content = document.createElement('div');
      content.className = 'window-content';
      this.element.append(content);
      document.body.append(this.element);
      this.element.addEventListener('click', (event) => {
        const target = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
        const action = target && defaults.actions?.[target.dataset.action!];
        if (target && action) void action.call(this, event, target);
      });
    }
    const self = this as unknown as { _renderHTML(): Promise<unknown>; _replaceHTML(r: unknown, c: HTMLElement): void };
    const result = await self._renderHTML();
    self._replaceHTML(result, this.element.querySelector('.window-content')!);
    this.rendered = true;
    return this;
  }
  async close() {
    this.element?.remove();
    this.element = null;
    this.rendered = false;
  }
}

Object.assign(globalThis, {
  game,
  Hooks: gm.Hooks,
  CONFIG: gm.CONFIG,
  ui: gm.ui,
  ChatMessage: env.ChatMessage,
  Actor: env.Actor,
  Combat: env.Combat,
  foundry: { applications: { api: { ApplicationV2: StandinApplication } } },
  standin: { world, gm },
});
