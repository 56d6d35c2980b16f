import { io } from 'socket.io-client';
import { HubClient } from '../../foundry-module/src/hub-client.js';
import { registerSettings } from '../../foundry-module/src/settings.js';
import type { FoundryEnv } from '../../foundry-module/src/foundry-env.js';
import { OWNER_TOKEN, startTestHub, type TestHub } from '../helpers/test-hub.js';
import type { HubParts } from '../../src/server.js';
import { StandinWorld, type StandinClient } from './foundry-standin.js';

/** Polls until `check` passes (or throws its last error): hub events arrive asynchronously. */
export async function until<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== undefined && value !== null) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting; last value ${String(value)}`);
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ok<T = any>(hub: TestHub, tool: string, input: Record<string, unknown>, token = OWNER_TOKEN): Promise<T> {
  const { body } = await hub.api(tool, input, token);
  if (!body.ok) throw new Error(`${tool}: ${body.error.message}`);
  return body.value as T;
}

export interface Table {
  hub: TestHub;
  world: StandinWorld;
  campaignId: string;
  sessionId: string;
  gmToken: string;
  playerToken: string;
  /** One module runtime per client that started it. */
  modules: Map<StandinClient, HubClient>;
  start(client: StandinClient, token?: string): Promise<HubClient>;
  close(): Promise<void>;
}

/** A real hub with a campaign, a session and tokens, and a stand-in world whose settings point at it. */
export async function startTable(options: { system?: string; hubConfig?: Record<string, any>; hubParts?: HubParts } = {}): Promise<Table> {
  const hub = await startTestHub(options.hubConfig ?? {}, options.hubParts ?? {});
  const campaignId = (await ok(hub, 'create_campaign', { name: 'Curse of Strahd', system: 'D&D 5e' })).campaign.id as string;
  const sessionId = (await ok(hub, 'start_session', { campaignId, name: 'Session 1' })).session.id as string;
  const gmToken = (await ok(hub, 'create_access_token', { campaignId, name: 'Foundry GM', role: 'gm' })).token as string;
  const playerToken = (await ok(hub, 'create_access_token', { campaignId, name: 'Aria', role: 'player' })).token as string;
  const world = new StandinWorld();
  world.systemId = options.system ?? 'dnd5e';
  const modules = new Map<StandinClient, HubClient>();
  let settingsRegistered = false;
  return {
    hub,
    world,
    campaignId,
    sessionId,
    gmToken,
    playerToken,
    modules,
    async start(client, token) {
      const game = client.game as unknown as FoundryEnv['game'];
      if (!settingsRegistered) {
        registerSettings(game, () => undefined);
        settingsRegistered = true;
      }
      const gm = world.users.find((u) => u.isGM)!;
      await world.clientOf(gm).game.settings.set('ttrpg-hub', 'hubUrl', hub.url);
      await world.clientOf(gm).game.settings.set('ttrpg-hub', 'campaignId', campaignId);
      if (token !== undefined) await client.game.settings.set('ttrpg-hub', 'token', token);
      const module = new HubClient(client.env() as unknown as FoundryEnv, { io, fetch: globalThis.fetch, diceSoNiceTimeoutMs: 2000 });
      modules.set(client, module);
      module.start();
      return module;
    },
    async close() {
      for (const m of modules.values()) m.close();
      await hub.close();
    },
  };
}
