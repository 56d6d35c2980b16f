import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import { z } from 'zod';
import {
  audienceOf,
  roleIn,
  viewCampaign,
  viewSession,
  type AccessService,
  type Actor,
  type CoreDeps,
  type EventBus,
  type HubError,
  type Logger,
  type ToolRegistry,
} from '../core/index.js';
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
  /** A socket.io adapter shared by several hub processes (Redis streams); in-process when absent. */
  adapter?: ServerOptions['adapter'];
}

const LOCAL = ['localhost', '127.0.0.1', '[::1]'];

/**
 * socket.io on the hub's HTTP server: authenticates every connection by token, lets it subscribe to
 * campaigns it belongs to, and fans hub events out to one room per campaign and audience.
 */
export function attachSocketGateway(http: HttpServer, options: SocketGatewayOptions): { io: Server; close(): Promise<void> } {
  const { deps, access, events, registry, logger } = options;
  const allowed = new Set([...LOCAL, ...options.allowedOrigins]);
  const io = new Server(http, {
    ...(options.adapter ? { adapter: options.adapter } : {}),
    cors: {
      origin: (origin, cb) => {
        if (!origin) return cb(null, true);
        try {
          cb(null, allowed.has(new URL(origin).hostname) || allowed.has(`[${new URL(origin).hostname}]`));
        } catch {
          cb(null, false);
        }
      },
    },
    // Large tool inputs are the API's business; socket messages stay small.
    maxHttpBufferSize: 256 * 1024,
  });

  io.use(async (socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown };
    const header = socket.handshake.headers.authorization;
    const token = typeof auth?.token === 'string' ? auth.token : /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1];
    const actor = await access.authenticate(token);
    if (!actor.ok) return next(Object.assign(new Error(actor.error.message), { data: actor.error }));
    socket.data.actor = actor.value;
    socket.data.token = token;
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

    socket.on('tool', (payload: unknown, ack?: Ack<Record<string, unknown>>) =>
      void guarded(ack, async () => {
        const request = parse(ToolRequestSchema, payload);
        const result = await registry.call(request.name, request.input, { actor: await currentActor(socket) });
        return result.ok ? { ok: true as const, value: result.value } : failure(result.error);
      }),
    );

    handleGameMasterEvents(socket, { registry, actor: () => currentActor(socket), logger });
  });

  const unsubscribe = fanOutEvents(io, events);

  /** Re-checks the token on every request, so a revoked token stops working at once. */
  async function currentActor(socket: Socket): Promise<Actor> {
    const actor = await access.authenticate(socket.data.token as string);
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
