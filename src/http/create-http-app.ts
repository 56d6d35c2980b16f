import { hostHeaderValidation, originValidation } from '@modelcontextprotocol/express';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, localhostAllowedHostnames, type McpRequestContext } from '@modelcontextprotocol/server';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';
import { join } from 'node:path';
import { z } from 'zod';
import { importBodyBytes, LARGE_INPUT_TOOLS, SMALL_BODY_BYTES, type AccessService, type Actor, type Logger, type Store, type ToolRegistry } from '../core/index.js';
import { createMcpServerFactory } from '../mcp/create-mcp-server.js';
import { packageRoot } from '../package-root.js';
import { bearerAuth } from './bearer-auth.js';
import { errorBody, httpStatus } from './http-errors.js';
import { hubStatusRouter, type StatusSources } from './hub-status.js';
import { webChatStatic } from './web-chat-static.js';

export interface HttpAppOptions {
  registry: ToolRegistry;
  access: AccessService;
  store: Store;
  logger: Logger;
  version: string;
  /** The interface the hub listens on; loopback binds get DNS-rebinding protection. */
  host: string;
  /** Browser origin hostnames allowed besides localhost. */
  allowedOrigins: string[];
  /** Prometheus metrics at /metrics, for the owner token or this token. */
  metrics?: { registry: Registry; token?: string };
  /** Adapters' own endpoints (e.g. /discord/interactions), each authenticating its own way. */
  routers?: express.Router[];
  /** Body cap for the import tools (whole character exports and campaign bundles); default 8 MB imports. */
  importBodyBytes?: number;
  /** Each running adapter's status function, for GET /api/status. */
  status?: StatusSources;
  /** config.publicUrl: the Foundry manifest URL on the status page is built from it. */
  publicUrl?: string;
}

/** Prometheus scrapes with the metrics token, which opens nothing else; the owner token works too. */
function metricsEndpoint(access: AccessService, metrics: { registry: Registry; token?: string }) {
  const expected = metrics.token ? createHash('sha256').update(metrics.token).digest() : null;
  return async (req: Request, res: Response) => {
    const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? '';
    const isMetricsToken = expected !== null && timingSafeEqual(createHash('sha256').update(token).digest(), expected);
    const actor = isMetricsToken ? null : await access.authenticate(token);
    if (!isMetricsToken && !(actor?.ok && actor.value.kind === 'owner')) {
      res.status(401).set('WWW-Authenticate', 'Bearer realm="ttrpg-hub metrics"').json(errorBody({ code: 'UNAUTHENTICATED', message: '/metrics needs the owner token or METRICS_TOKEN' }));
      return;
    }
    res.set('Content-Type', metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

const LOOPBACK = ['127.0.0.1', 'localhost', '::1', '[::1]'];

/**
 * Pages the hub serves run only their own scripts: no inline script, nothing from another host
 * (the Twitch views may load Twitch's helper, which Twitch requires), sockets to this hub only.
 */
function pageSecurityHeaders(req: Request, res: Response, next: NextFunction) {
  const twitchHelper = req.baseUrl === '/twitch-extension' ? ' https://extension-files.twitch.tv' : '';
  res.setHeader(
    'Content-Security-Policy',
    `default-src 'self'; script-src 'self'${twitchHelper}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'`,
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
}

/**
 * The hub's HTTP surface: /health (public), /mcp (Streamable HTTP, both MCP generations) and
 * /api/tools (the registry as JSON), all but /health behind a bearer token.
 */
export function createHttpApp(options: HttpAppOptions): { app: express.Express; close(): Promise<void> } {
  const { registry, access, store, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  // Express hashes every response body for an ETag, POST answers included, which nothing revalidates
  // (tool calls, Discord interactions); the static pages keep theirs (express.static sets its own).
  app.disable('etag');
  if (LOOPBACK.includes(options.host)) app.use(hostHeaderValidation(localhostAllowedHostnames()));
  const origins = originValidation([...localhostAllowedHostnames(), ...options.allowedOrigins]);

  app.get('/health', async (_req, res) => {
    const storeOk = await store.ping().then(() => true, () => false);
    res.status(storeOk ? 200 : 503).json({ status: storeOk ? 'ok' : 'degraded', version: options.version, store: { kind: store.kind, reachable: storeOk } });
  });

  if (options.metrics) app.get('/metrics', metricsEndpoint(access, options.metrics));

  const factory = createMcpServerFactory(registry, { name: 'ttrpg-hub', version: options.version }, (ctx: McpRequestContext) => {
    const actor = ctx.authInfo?.extra?.actor as Actor | undefined;
    // bearerAuth runs before every /mcp request; reaching here without an actor is a wiring bug.
    if (!actor) throw new Error('MCP request without an authenticated actor');
    return actor;
  });
  const largeBody = options.importBodyBytes ?? importBodyBytes(8);
  // MCP carries every tool in one endpoint, so it allows the import size; each import tool checks its own limit.
  const mcp = createMcpHandler(factory, { onerror: (error) => logger.warn({ err: error }, 'mcp request failed'), maxRequestBodySize: largeBody });
  const mcpNode = toNodeHandler(mcp, { onerror: (error) => logger.error({ err: error }, 'mcp transport error'), maxRequestBodySize: largeBody });
  app.all('/mcp', origins, bearerAuth(access), (req, res) => void mcpNode(req, res));

  const toolCall = z.object({ input: z.record(z.string(), z.unknown()).default({}) });
  app.get('/api/tools', bearerAuth(access), (req, res) => {
    res.json({ tools: registry.listFor(req.actor!).map((t) => ({ name: t.name, title: t.title, description: t.description, access: t.access, annotations: t.annotations, input: z.toJSONSchema(t.input, { io: 'input' }) })) });
  });
  const smallJson = express.json({ limit: SMALL_BODY_BYTES });
  const largeJson = express.json({ limit: largeBody });
  const jsonFor = (req: Request, res: Response, next: NextFunction) => (LARGE_INPUT_TOOLS.has(String(req.params.name)) ? largeJson : smallJson)(req, res, next);
  app.post('/api/tools/:name', origins, bearerAuth(access), jsonFor, async (req, res) => {
    const body = toolCall.safeParse(req.body ?? {});
    const stray = body.success ? Object.keys(req.body ?? {}).filter((k) => k !== 'input') : [];
    if (!body.success || stray.length > 0) {
      const got = stray.length ? ` (got ${stray.map((k) => `"${k}"`).join(', ')} at the top level: put the tool's arguments inside "input")` : '';
      res.status(400).json(errorBody({ code: 'VALIDATION', message: `Expected a JSON body like {"input": {...}}${got}`, field: 'input' }));
      return;
    }
    const result = await registry.call(String(req.params.name), body.data.input, { actor: req.actor! });
    if (result.ok) res.json({ ok: true, value: result.value, text: result.text });
    else res.status(httpStatus[result.error.code]).json(errorBody(result.error));
  });

  app.use(hubStatusRouter({ access, store, registry, version: options.version, publicUrl: options.publicUrl, sources: options.status ?? {} }));

  for (const router of options.routers ?? []) app.use(router);
  // The stream overlay's page and scripts (no data: that comes over an authenticated socket).
  app.use(['/overlay', '/twitch-extension'], pageSecurityHeaders);
  app.use('/overlay', express.static(join(packageRoot, 'obs-overlay'), { index: 'index.html', fallthrough: true }));
  // The Twitch extension's views, for local testing (Twitch hosts the zip from `npm run twitch:zip`).
  app.get('/twitch-extension/widgets.js', (_req, res) => res.sendFile(join(packageRoot, 'obs-overlay', 'widgets.js')));
  app.use('/twitch-extension', express.static(join(packageRoot, 'twitch-extension')));
  // The web chat and GM page (built by `npm run build` into dist/web-chat), at /.
  app.use(webChatStatic(join(packageRoot, 'dist', 'web-chat')));

  app.use((_req, res) => void res.status(404).json(errorBody({ code: 'NOT_FOUND', message: 'No such endpoint: see /health, /mcp and /api/tools' })));
  // The one mapper for thrown errors: malformed JSON is the caller's fault, anything else is a bug.
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (error.type === 'entity.parse.failed' || error.status === 400) {
      res.status(400).json(errorBody({ code: 'VALIDATION', message: `The request body is not valid JSON: ${error.message}` }));
      return;
    }
    if (error.status === 413) {
      const limit = (error as { limit?: number }).limit;
      const cap = limit ? `${Math.round(limit / 1024)} KB` : 'the limit';
      res.status(413).json(errorBody({ code: 'LIMIT', message: `The request body is too large: over ${cap} (character and campaign imports have their own limit, limits.maxImportMb)` }));
      return;
    }
    const correlationId = randomUUID();
    logger.error({ err: error, correlationId }, 'http request failed');
    res.status(500).json(errorBody({ code: 'INTERNAL', message: `Internal error (correlation id ${correlationId})` }));
  });

  return { app, close: () => mcp.close() };
}
