import type { NextFunction, Request, Response } from 'express';
import type { AccessService, Actor } from '../core/index.js';
import { errorBody } from './http-errors.js';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

/** Reads "Authorization: Bearer <token>" and resolves the actor, or answers 401 with a challenge. */
export function bearerAuth(access: AccessService) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    const actor = await access.authenticate(token);
    if (!actor.ok) {
      res.status(401).set('WWW-Authenticate', 'Bearer realm="ttrpg-hub"').json(errorBody(actor.error));
      return;
    }
    req.actor = actor.value;
    // The MCP transport reads req.auth and hands it to the server factory.
    (req as Request & { auth?: unknown }).auth = { token: token!, clientId: actor.value.id, scopes: [], extra: { actor: actor.value } };
    next();
  };
}
