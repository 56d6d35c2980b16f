import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { z } from 'zod';
import {
  audienceOf,
  checkInputSize,
  roleIn,
  SMALL_BODY_BYTES,
  viewCampaign,
  viewSession,
  type AccessService,
  type Actor,
  type CoreDeps,
  type EventBus,
  type HubError,
  type Logger,
  type Result,
  type ToolRegistry,
} from '../core/index.js';
import { createOriginPolicy } from '../http/origin-policy.js';
import { actorRoom, fanOutEvents } from './event-fanout.js';
import { handleGameMasterEvents } from './game-master-sockets.js';
import { roomFor, SubscribeSchema, ToolRequestSchema, type Ack, type Snapshot } from './socket-protocol.js';

export interface SocketGatewayOptions {
  deps: Pick<CoreDeps, 'campaigns' | 'sessions'>;
  access: AccessService;
  events: EventBus;
  registry: ToolRegistry;
  logger: Logger;
  /** Browser origin hostnames allowed besides localhost. */
  allowedOrigins: string[];
  /** The interface the hub listens on; loopback binds refuse foreign Host headers. */
  host?: string;
  /** Authenticates a signed-in browser (session cookie) in a campaign, for sockets without a token. */
  authenticateSession?: (cookieHeader: string | undefined, campaignId: unknown) => Promise<Result<Actor>>;
  /** A socket.io adapter shared by several hub processes (Redis streams); in-process when absent. */
  adapter?: ServerOptions['adapter'];
  /** Largest message, for the import tools; every other tool's input stays under 256 KB. */
  importBodyBytes?: number;
  /** How often every open socket's token is checked again (default 5 s); see `sweep` below. */
  revalidateMs?: number;
}

/**
 * socket.io on the hub's HTTP server: authenticates every connection by token, lets it subscribe to
 * campaigns it belongs to, and fans hub events out to one room per campaign and audience.
 */
export function attachSocketGateway(http: HttpServer, options: SocketGatewayOptions): { io: Server; close(): Promise<void> } {
  const { deps, access, events, registry, logger } = options;
  const policy = createOriginPolicy({ host: options.host ?? '0.0.0.0', allowedOrigins: options.allowedOrigins });
  const io = new Server(http, {
    ...(options.adapter ? { adapter: options.adapter } : {}),
    cors: { origin: (origin, cb) => cb(null, policy.checkOrigin(origin) === null) },
    // CORS only covers polling; this runs for every request, websocket upgrades included.
    allowRequest: (req, cb) => {
      const refusal = policy.checkOrigin(req.headers.origin, req.headers.host) ?? policy.checkHost(req.headers.host);
      if (refusal) logger.warn({ origin: req.headers.origin, host: req.headers.host }, refusal);
      cb(refusal, refusal === null);
    },
    // Only the import tools may send whole exports; every other message is held to 256 KB below.
    maxHttpBufferSize: options.importBodyBytes ?? SMALL_BODY_BYTES,
  });

  io.use(async (socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown; campaignId?: unknown };
    const header = socket.handshake.headers.authorization;
    const token = typeof auth?.token === 'string' ? auth.token : /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1];
    const cookieHeader = socket.handshake.headers.cookie;
    // A token wins; without one, a signed-in browser acts through the membership it linked in auth.campaignId.
    const authenticate = token || !options.authenticateSession ? () => access.authenticate(token) : () => options.authenticateSession!(cookieHeader, auth?.campaignId);
    const actor = await authenticate();
    if (!actor.ok) return next(Object.assign(new Error(actor.error.message), { data: actor.error }));
    socket.data.actor = actor.value;
    socket.data.authenticate = authenticate;
    // Sockets with the same credential are re-checked together by the sweep below.
    socket.data.credentialKey = token ? `token:${token}` : `session:${cookieHeader ?? ''}:${String(auth?.campaignId ?? '')}`;
    next();
  });

  io.on('connection', (socket: Socket) => {
    // A per-actor room lets a revocation reach this socket from any hub process.
    void socket.join(actorRoom((socket.data.actor as Actor).id));
    socket.on('subscribe', (payload: unknown, ack?: Ack<Snapshot>) =>
      void guarded(ack, async () => {
        const input = parse(SubscribeSchema, payload);
        const actor = await currentActor(socket);
        const campaign = await deps.campaigns.get(input.campaignId);
        if (!campaign.ok) return campaign;
        const role = roleIn(actor, campaign.value.id);
        if (!role) return failure({ code: 'FORBIDDEN', message: `Your token does not give access to campaign ${input.campaignId}`, field: 'campaignId' });
        const audience = audienceOf(role);
        // Join before reading the snapshot: an event in between arrives too, and its version tells the client it is newer.
        await socket.join(roomFor(campaign.value.id, audience));
        const active = await deps.sessions.active(campaign.value);
        return { ok: true as const, value: { role, campaign: viewCampaign(campaign.value, role), session: active ? viewSession(active, audience) : null } };
      }),
    );

    socket.on('unsubscribe', (payload: unknown, ack?: Ack<null>) =>
      void guarded(ack, async () => {
        const input = parse(SubscribeSchema, payload);
        await Promise.all([socket.leave(roomFor(input.campaignId, 'gm')), socket.leave(roomFor(input.campaignId, 'table'))]);
        return { ok: true as const, value: null };
      }),
    );

    // The tool names (and minimum roles) this hub has, so a client can offer what exists (e.g. the AI GM).
    socket.on('tools', (_payload: unknown, ack?: Ack<{ tools: { name: string; title: string; access: string }[] }>) =>
      void guarded(ack, async () => ({ ok: true as const, value: { tools: registry.list().map((t) => ({ name: t.name, title: t.title, access: t.access })) } })),
    );

    socket.on('tool', (payload: unknown, ack?: Ack<Record<string, unknown>>) =>
      void guarded(ack, async () => {
        const request = parse(ToolRequestSchema, payload);
        const size = checkInputSize(request.name, request.input);
        if (!size.ok) return failure(size.error);
        const result = await registry.call(request.name, request.input, { actor: await currentActor(socket) });
        return result.ok ? { ok: true as const, value: result.value } : failure(result.error);
      }),
    );

    handleGameMasterEvents(socket, { registry, actor: () => currentActor(socket), logger });
  });

  const unsubscribe = fanOutEvents(io, events);

  // Revocation events reach this process only when it shares an event channel with the revoker (Redis).
  // A token revoked by a process that does not (the stdio MCP server on the same SQLite file, a hub
  // without Redis, a deleted campaign) is caught here: every open socket's credential (its token, or
  // its signed-in session's membership) is checked again, once per distinct credential, and sockets
  // whose credential no longer authenticates are disconnected.
  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      const byCredential = new Map<string, Socket[]>();
      for (const socket of io.of('/').sockets.values()) {
        const key = socket.data.credentialKey as string;
        byCredential.set(key, [...(byCredential.get(key) ?? []), socket]);
      }
      for (const sockets of byCredential.values()) {
        const actor = await (sockets[0]!.data.authenticate as () => Promise<Result<Actor>>)().catch(() => null);
        // A store that does not answer is not a revocation: keep the sockets and try again later.
        if (actor && !actor.ok) for (const s of sockets) s.disconnect(true);
      }
    } finally {
      sweeping = false;
    }
  };
  const sweeper = setInterval(() => void sweep(), options.revalidateMs ?? 5000);
  sweeper.unref();

  /** Re-checks the token on every request, so a revoked token stops working at once. */
  async function currentActor(socket: Socket): Promise<Actor> {
    const actor = await (socket.data.authenticate as () => Promise<Result<Actor>>)();
    if (!actor.ok) {
      // After the reply is on its way, so the client learns why.
      setImmediate(() => socket.disconnect(true));
      throw new ExpectedFailure(actor.error);
    }
    return actor.value;
  }

  /** Runs a request handler and always answers its ack: expected failures as values, bugs as INTERNAL. */
  async function guarded<T>(ack: Ack<T> | undefined, fn: () => Promise<{ ok: true; value: T } | { ok: false; error: HubError }>) {
    let reply: { ok: true; value: T } | { ok: false; error: HubError };
    try {
      reply = await fn();
    } catch (error) {
      if (error instanceof ExpectedFailure) reply = failure(error.error);
      else {
        logger.error({ err: error }, 'socket request failed');
        reply = failure({ code: 'INTERNAL', message: 'Internal error; the hub log has the details' });
      }
    }
    if (typeof ack === 'function') ack(reply);
  }

  return {
    io,
    close: async () => {
      clearInterval(sweeper);
      unsubscribe();
      await io.close();
    },
  };
}

class ExpectedFailure extends Error {
  constructor(readonly error: HubError) {
    super(error.message);
  }
}

const failure = (error: HubError) => ({ ok: false as const, error });

function parse<T>(schema: z.ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || 'payload';
  throw new ExpectedFailure({ code: 'VALIDATION', message: `Invalid input: ${field}: ${issue.message}`, field });
}
