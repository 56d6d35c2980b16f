import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the stand-in answers for one character id. */
export type DdbBehaviour =
  | { kind: 'public'; data: unknown }
  /** 403 with the service's "Unauthorized Access Attempt." envelope unless a token from the auth exchange comes along. */
  | { kind: 'private'; data: unknown }
  | { kind: 'deleted' }
  /** An HTML page (maintenance or a browser check) with this status. */
  | { kind: 'html'; status: number }
  /** Waits this long before answering. */
  | { kind: 'slow'; ms: number; data: unknown }
  /** Streams this many bytes of JSON, declaring its length or not. */
  | { kind: 'huge'; bytes: number; declareLength: boolean };

/**
 * A stand-in for D&D Beyond's character service (`GET /character/v5/character/<id>`, answering the
 * real `{id, success, message, data, pagination}` envelope and its error envelopes) and its auth
 * service (`POST /v1/cobalt-token`, which takes the `CobaltSession` cookie and returns `{token, ttl}`).
 */
export async function startDdbStandIn(options: { validCookie: string; ttlSeconds?: number }) {
  const characters = new Map<string, DdbBehaviour>();
  const requests: { method: string; path: string; authorization: string | null; cookie: string | null }[] = [];
  const issued = new Set<string>();
  let exchanges = 0;
  /** Responses the client stopped reading before the stand-in finished writing. */
  let cutOff = 0;

  const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  const envelope = (data: unknown) => ({ id: 0, success: true, message: 'Character successfully received.', data, pagination: null });
  const errorEnvelope = (message: string, serverMessage: string) => ({ id: 0, success: false, message, data: { serverMessage, errorCode: 'c8990ca' }, pagination: null });

  const server = createServer(async (req, res) => {
    for await (const _ of req) void _;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization ?? null, cookie: req.headers.cookie ?? null });

    if (req.method === 'POST' && path === '/v1/cobalt-token') {
      const cookie = /(?:^|;\s*)CobaltSession=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      if (cookie !== options.validCookie) return json(res, 401, { message: 'Unauthorized' });
      exchanges++;
      const token = `ddb-token-${exchanges}-${Math.random().toString(36).slice(2)}`;
      issued.add(token);
      return json(res, 200, { token, ttl: options.ttlSeconds ?? 300 });
    }

    const id = /^\/character\/v5\/character\/(\d+)$/.exec(path)?.[1];
    const behaviour = id ? characters.get(id) : undefined;
    if (req.method !== 'GET' || !id || !behaviour) return json(res, 404, errorEnvelope('Character Not Found', 'Character not found.'));
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    switch (behaviour.kind) {
      case 'public':
        return json(res, 200, envelope(behaviour.data));
      case 'private':
        if (bearer && issued.has(bearer)) return json(res, 200, envelope(behaviour.data));
        return json(res, 403, errorEnvelope('An unexpected error has occured', 'Unauthorized Access Attempt.'));
      case 'deleted':
        return json(res, 404, errorEnvelope('Character Not Found', 'Character not found.'));
      case 'html':
        return res
          .writeHead(behaviour.status, { 'content-type': 'text/html; charset=UTF-8' })
          .end('<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser before accessing dndbeyond.com.</body></html>');
      case 'slow': {
        const timer = setTimeout(() => json(res, 200, envelope(behaviour.data)), behaviour.ms);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case 'huge': {
        res.writeHead(200, { 'content-type': 'application/json', ...(behaviour.declareLength ? { 'content-length': String(behaviour.bytes) } : {}) });
        let sent = 0;
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        res.on('close', () => {
          if (sent < behaviour.bytes) cutOff++;
        });
        const pump = () => {
          while (sent < behaviour.bytes && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          if (!res.destroyed) res.end();
        };
        return pump();
      }
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${origin}/character/v5`,
    authUrl: `${origin}/v1/cobalt-token`,
    characters,
    requests,
    issuedTokens: issued,
    get exchanges() {
      return exchanges;
    },
    get cutOff() {
      return cutOff;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
