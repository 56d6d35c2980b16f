import express from 'express';
import { z } from 'zod';
import { roleIn, type AccessService, type Actor, type Store, type ToolRegistry } from '../core/index.js';
import { bearerAuth } from './bearer-auth.js';

/** What `GET /api/status` answers; the web chat's GM page draws its status panel from it. */
export const HubStatusSchema = z.object({
  version: z.string(),
  /** Who the token belongs to, so a page can show what this person may do. */
  you: z.object({ kind: z.enum(['owner', 'member', 'guest']), name: z.string(), role: z.enum(['viewer', 'player', 'gm']).nullable(), campaignId: z.string().nullable() }),
  /** Owner only. */
  store: z.object({ kind: z.string(), reachable: z.boolean() }).optional(),
  adapters: z.object({
    /** Owner only: the adapters below are the operator's business. */
    discord: z.object({ enabled: z.boolean(), connected: z.boolean(), interactionsEndpoint: z.boolean(), commandsRegistered: z.boolean().optional() }).optional(),
    twitch: z.object({ enabled: z.boolean(), broadcasting: z.boolean() }).optional(),
    obs: z.object({ enabled: z.boolean(), connected: z.boolean() }).optional(),
    chroma: z.object({ state: z.string() }).optional(),
    foundry: z.object({ manifestUrl: z.string() }),
    /** Present once the AI game master (tool list_ai_providers) is part of the hub. */
    ai: z.object({ providers: z.array(z.object({ id: z.string(), label: z.string().optional(), configured: z.boolean().optional(), healthy: z.boolean() })) }).optional(),
  }),
});
export type HubStatus = z.infer<typeof HubStatusSchema>;

/** Small status functions the adapters already have (or expose for this), each present when the adapter runs. */
export interface StatusSources {
  discord?: () => Promise<{ connected: boolean; interactionsEndpoint: boolean; commandsRegistered?: boolean }>;
  twitch?: () => { broadcasting: boolean };
  obs?: () => { connected: boolean };
  /** The rules library's vector index: "in-process", "chroma", "vector index (not started)"; null without an embedder. */
  vectorIndex?: () => string | null;
}

export interface StatusRouteOptions {
  access: AccessService;
  store: Store;
  registry: ToolRegistry;
  version: string;
  publicUrl?: string;
  sources: StatusSources;
}

/** `GET /api/status`: bearer auth; the owner sees every adapter, everyone else what concerns them. */
export function hubStatusRouter(options: StatusRouteOptions): express.Router {
  const router = express.Router();
  router.get('/api/status', bearerAuth(options.access), async (req, res) => {
    const actor = req.actor!;
    const base = (options.publicUrl ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');
    const status: HubStatus = {
      version: options.version,
      you: describeActor(actor),
      adapters: { foundry: { manifestUrl: `${base}/foundry/module.json` } },
    };
    const ai = await aiProviders(options.registry, actor);
    if (ai) status.adapters.ai = ai;
    if (actor.kind === 'owner') {
      const { sources } = options;
      const [reachable, discord] = await Promise.all([
        options.store.ping().then(() => true, () => false),
        sources.discord ? sources.discord().catch(() => ({ connected: false, interactionsEndpoint: false })) : null,
      ]);
      status.store = { kind: options.store.kind, reachable };
      const vectors = sources.vectorIndex?.() ?? null;
      Object.assign(status.adapters, {
        discord: discord ? { enabled: true, ...discord } : { enabled: false, connected: false, interactionsEndpoint: false },
        twitch: { enabled: !!sources.twitch, broadcasting: sources.twitch?.().broadcasting ?? false },
        obs: { enabled: !!sources.obs, connected: sources.obs?.().connected ?? false },
        chroma: { state: vectors === null ? 'disabled (keyword search only)' : vectors },
      });
    }
    res.json(status);
  });
  return router;
}

function describeActor(actor: Actor): HubStatus['you'] {
  if (actor.kind === 'member') return { kind: 'member', name: actor.name, role: actor.role, campaignId: actor.campaignId };
  return { kind: actor.kind, name: actor.name, role: roleIn(actor, null), campaignId: null };
}

/** The providers' health from the game master's own tool, when the hub has it; never a key. */
async function aiProviders(registry: ToolRegistry, actor: Actor): Promise<HubStatus['adapters']['ai'] | null> {
  if (!registry.list().some((t) => t.name === 'list_ai_providers')) return null;
  const listed = await registry.call('list_ai_providers', {}, { actor });
  if (!listed.ok) return null;
  const value = listed.value as { providers?: { id: string; label?: string; configured?: boolean; healthy: boolean }[] };
  return { providers: (value.providers ?? []).map(({ id, label, configured, healthy }) => ({ id, label, configured, healthy })) };
}
