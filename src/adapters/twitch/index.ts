import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { viewEvent, type AccessService, type Actor, type EncounterView, type EventBus, type HubEvent, type Logger, type Store, type ToolRegistry } from '../../core/index.js';
import { ChannelLinks } from './channel-links.js';
import { secretKey, verifyExtensionJwt, type ExtensionClaims } from './extension-jwt.js';
import { PubSubBroadcaster } from './pubsub-broadcaster.js';
import { compactEncounter, compactRoll, encodeState } from './stream-message.js';

export interface TwitchConfig {
  clientId: string;
  extensionSecret: string;
  ownerId?: string;
  apiUrl: string;
  minIntervalMs: number;
}

export interface TwitchDeps {
  registry: ToolRegistry;
  access: AccessService;
  events: EventBus;
  store: Store;
  logger: Logger;
}

const LinkSchema = z.object({ token: z.string().min(20).max(200) });

/**
 * The hub as the Twitch Extension Backend Service: it checks the extension JWT on every request
 * from the extension, lets the broadcaster link the channel to a campaign with a viewer token, and
 * pushes the table view of that campaign to the channel's viewers over Twitch PubSub.
 */
export function startTwitchAdapter(config: TwitchConfig, deps: TwitchDeps): { routers: Router[]; close(): Promise<void>; status(): { broadcasting: boolean } } {
  const logger = deps.logger.child({ adapter: 'twitch' });
  const key = secretKey(config.extensionSecret);
  const links = new ChannelLinks(deps.store, (campaignId, memberId) => deps.access.isMember(campaignId, memberId));
  const broadcaster = config.ownerId
    ? new PubSubBroadcaster({ apiUrl: config.apiUrl, clientId: config.clientId, ownerId: config.ownerId, key, minIntervalMs: config.minIntervalMs, logger })
    : null;
  if (!broadcaster) logger.info({}, 'Twitch PubSub broadcasting disabled: set TWITCH_OWNER_ID (your Twitch user id) to push live updates');

  // The extension is served from https://<client id>.ext-twitch.tv (and localhost while developing).
  const allowedOrigin = (origin: string | undefined) => !!origin && (origin === `https://${config.clientId}.ext-twitch.tv` || /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin));
  const router = express.Router();
  router.use('/twitch', (req, res, next) => {
    if (allowedOrigin(req.headers.origin)) {
      res.set({ 'access-control-allow-origin': req.headers.origin!, 'access-control-allow-headers': 'authorization, content-type', 'access-control-allow-methods': 'GET, POST, DELETE', vary: 'origin' });
    }
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next();
  });
  const authed = async (req: Request & { claims?: ExtensionClaims }, res: Response, next: NextFunction) => {
    const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const verified = await verifyExtensionJwt(token, key);
    if (!verified.ok) return void res.status(401).json({ ok: false, error: { code: 'UNAUTHENTICATED', message: verified.reason } });
    req.claims = verified.claims;
    next();
  };
  const viewerOf = (campaignId: string): Actor => ({ kind: 'member', id: 'twitch-extension', name: 'Twitch', campaignId, role: 'viewer' });

  router.get('/twitch/state', authed, async (req: Request & { claims?: ExtensionClaims }, res) => {
    const campaignId = await links.campaignOf(req.claims!.channel_id);
    if (!campaignId) return void res.json({ ok: true, linked: false });
    const session = await deps.registry.call('get_session', { campaignId }, { actor: viewerOf(campaignId) });
    const s = session.ok ? (session.value.session as { version: number; encounter: EncounterView } | null) : null;
    res.type('application/json').send(`{"ok":true,"linked":true,"state":${encodeState({ v: s?.version ?? 0, init: s ? compactEncounter(s.encounter) : null })}}`);
  });

  router.post('/twitch/link', authed, express.json({ limit: '4kb' }), async (req: Request & { claims?: ExtensionClaims }, res) => {
    if (req.claims!.role !== 'broadcaster') return void res.status(403).json({ ok: false, error: { code: 'FORBIDDEN', message: 'Only the broadcaster can link the channel' } });
    const body = LinkSchema.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ ok: false, error: { code: 'VALIDATION', field: 'token', message: 'Expected {"token": "<a viewer token of the campaign>"}' } });
    const actor = await deps.access.authenticate(body.data.token);
    // Viewer tokens only: the extension shows the table view, and a GM's token must not sit in a link.
    if (!actor.ok || actor.value.kind !== 'member' || actor.value.role !== 'viewer') {
      return void res.status(400).json({ ok: false, error: { code: 'VALIDATION', field: 'token', message: 'Use a viewer token of one campaign (create_access_token, role "viewer")' } });
    }
    await links.link(req.claims!.channel_id, actor.value.campaignId, actor.value.id);
    const campaign = await deps.registry.call('get_campaign', {}, { actor: viewerOf(actor.value.campaignId) });
    res.json({ ok: true, campaign: campaign.ok ? (campaign.value.campaign as { name: string }).name : actor.value.campaignId });
  });

  router.delete('/twitch/link', authed, async (req: Request & { claims?: ExtensionClaims }, res) => {
    if (req.claims!.role !== 'broadcaster') return void res.status(403).json({ ok: false, error: { code: 'FORBIDDEN', message: 'Only the broadcaster can unlink the channel' } });
    await links.unlink(req.claims!.channel_id);
    res.json({ ok: true });
  });

  const stop = deps.events.subscribe((event) => {
    if (!broadcaster || !event.campaignId) return;
    const view = viewEvent(event, 'table');
    if (!view) return;
    void forward(view).catch((error) => logger.warn({ err: error }, 'could not forward an event to Twitch'));
  });
  async function forward(event: HubEvent): Promise<void> {
    const update =
      event.type === 'initiative.updated'
        ? { version: event.version ?? 0, init: compactEncounter(event.encounter) }
        : event.type === 'dice.rolled'
          ? { version: event.version ?? 0, roll: compactRoll(event) }
          : event.type === 'session.ended'
            ? { version: event.version ?? 0, init: null }
            : null;
    if (!update) return;
    for (const channelId of await links.channelsOf(event.campaignId!)) broadcaster!.enqueue(channelId, update);
  }

  logger.info({ clientId: config.clientId }, 'Twitch extension backend ready at /twitch');
  return {
    routers: [router],
    /** For the hub's status page: whether live updates go out over PubSub (TWITCH_OWNER_ID set). */
    status: () => ({ broadcasting: broadcaster !== null }),
    close: async () => {
      stop();
      broadcaster?.close();
    },
  };
}
