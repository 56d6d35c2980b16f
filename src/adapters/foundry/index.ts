import express, { type Request, type Response } from 'express';
import { join } from 'node:path';
import type { Logger } from '../../core/index.js';
import { packageRoot } from '../../package-root.js';
import { blockedOriginHint, originAllowed } from '../../http/origin-policy.js';
import { readModule, withAddresses, zipModule } from './module-package.js';

export interface FoundryRoutesOptions {
  /** PUBLIC_URL, when the owner set it: what Foundry and browsers reach the hub at. */
  publicUrl: string | undefined;
  /** The address the hub listens on (known once it listens). */
  listenUrl: () => string;
  /** Whether the hub listens on every interface (then the address a request came in on is the better default). */
  listensEverywhere: boolean;
  allowedOrigins: string[];
  version: string;
  logger: Logger;
  /** The built module (default dist/foundry-module). */
  moduleDir?: string;
}

/**
 * The Foundry module, installed from one URL: /foundry/module.json (its manifest and download
 * addresses point back at this hub) and /foundry/module.zip, plus /foundry/handshake, which tells
 * the module (from any origin) whether its world's origin may connect, before it tries.
 */
export function foundryRoutes(options: FoundryRoutesOptions): express.Router {
  const dir = options.moduleDir ?? join(packageRoot, 'dist', 'foundry-module');
  const router = express.Router();
  const zips = new Map<string, Buffer>();

  const baseUrl = (req: Request) => {
    if (options.publicUrl) return options.publicUrl.replace(/\/+$/, '');
    const host = req.headers.host;
    // Bound to every interface, the listen address (127.0.0.1) is useless to another machine: use the one it asked.
    if (options.listensEverywhere && host && /^[A-Za-z0-9.[\]:-]+$/.test(host)) return `${new URL(options.listenUrl()).protocol}//${host}`;
    return options.listenUrl();
  };

  const failed = (res: Response, error: unknown) => {
    options.logger.error({ err: error }, 'cannot serve the Foundry module');
    res.status(503).json({ ok: false, error: { code: 'UNAVAILABLE', message: (error as Error).message } });
  };

  router.get('/foundry/module.json', async (req, res) => {
    try {
      const { manifest } = await readModule(dir);
      res.set('cache-control', 'no-cache').set('access-control-allow-origin', '*').json(withAddresses(manifest, baseUrl(req)));
    } catch (error) {
      failed(res, error);
    }
  });

  router.get('/foundry/module.zip', async (req, res) => {
    try {
      const base = baseUrl(req);
      let zip = zips.get(base);
      if (!zip) {
        const { manifest, files } = await readModule(dir);
        zip = zipModule(withAddresses(manifest, base), files);
        if (zips.size > 20) zips.clear();
        zips.set(base, zip);
      }
      res.set('content-type', 'application/zip').set('content-disposition', 'attachment; filename="ttrpg-hub.zip"').set('access-control-allow-origin', '*').send(zip);
    } catch (error) {
      failed(res, error);
    }
  });

  // Public and data-free: any page may ask, so a refused world learns why instead of failing silently.
  router.get('/foundry/handshake', (req, res) => {
    const origin = req.headers.origin;
    const allowed = originAllowed(origin, options.allowedOrigins);
    res
      .set('access-control-allow-origin', '*')
      .set('cache-control', 'no-store')
      .json({ hub: 'ttrpg-hub', version: options.version, origin: origin ?? null, originAllowed: allowed, hint: allowed ? null : blockedOriginHint(origin!) });
  });

  return router;
}

/** For the hub's status report (`GET /api/status`, adapters.foundry): where GMs install the module from. */
export function foundryStatus(publicUrl: string | undefined, listenUrl: string): { manifestUrl: string } {
  return { manifestUrl: `${(publicUrl ?? listenUrl).replace(/\/+$/, '')}/foundry/module.json` };
}
