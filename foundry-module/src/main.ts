/**
 * The module's entry (module.json `esmodules`). The only file that touches Foundry's globals: it
 * hands them to the rest as one `FoundryEnv`, and the module's type check (TypeScript 5 with
 * foundry-vtt-types v13) proves the globals fit that shape.
 *
 * socket.io-client is bundled in (its own copy, its own managers): Foundry's `io` global and
 * `game.socket` are never touched.
 */
import { io } from 'socket.io-client';
import type { FoundryEnv } from './foundry-env.js';
import { HubClient } from './hub-client.js';
import { MODULE_ID } from './module-constants.js';
import { createPanelClass, type PanelBase } from './panel.js';
import { registerSettings } from './settings.js';

let client: HubClient | null = null;
let panel: { render(options?: boolean | Record<string, unknown>): Promise<unknown> } | null = null;

function foundryEnv(): FoundryEnv {
  return {
    game: game as ReadyGame,
    Hooks,
    ui: { get notifications() { return ui.notifications ?? undefined; } },
    ChatMessage,
    Actor,
    Combat,
    sceneId: () => (game as Game).scenes?.viewed?.id ?? null,
    // fvtt-types lists core's queries only; a module adds its own prefixed ones (here `ttrpg-hub.tool`).
    queries: CONFIG.queries as unknown as FoundryEnv['queries'],
  };
}

function openPanel(): void {
  if (!client) return;
  if (!panel) {
    const Panel = createPanelClass(foundry.applications.api.ApplicationV2 as unknown as PanelBase, client, () => Object.keys((game as Game).system?.documentTypes?.Actor ?? {}));
    panel = new Panel();
  }
  void panel.render({ force: true });
}

Hooks.once('init', () => {
  registerSettings(game as InitGame, () => void client?.connect());
});

Hooks.once('ready', () => {
  client = new HubClient(foundryEnv(), { io, fetch: globalThis.fetch.bind(globalThis) });
  client.start();
  const mod = (game as Game).modules?.get(MODULE_ID) as unknown as { api?: unknown } | undefined;
  if (mod) mod.api = { client, openPanel };
});

/** A button in the token controls (v13 shape: controls and tools are records). */
Hooks.on('getSceneControlButtons', (controls) => {
  const tokens = controls.tokens;
  if (!tokens) return;
  const tool: foundry.applications.ui.SceneControls.Tool = {
    name: MODULE_ID,
    title: 'TTRPG_HUB.panel.open',
    icon: 'fa-solid fa-dice-d20',
    order: Object.keys(tokens.tools).length,
    button: true,
    visible: true,
    onChange: () => openPanel(),
  };
  tokens.tools[MODULE_ID] = tool;
});
